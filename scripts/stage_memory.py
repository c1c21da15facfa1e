"""Peak memory of each stage of a local run, the process and its children apart.

    PYTHONPATH=src:. python scripts/stage_memory.py CORPUS

Runs ``analyze_paths`` over CORPUS and samples, every half second, the PSS of this process
and the sum over its child processes (the extraction workers), keeping each stage's peak
(from the run's progress callback). Prints one JSON line: stage -> [parent, children, sum]
in MB. ``bench_pipeline`` reports the summed peak per stage; this one tells which process
holds it.
"""

from __future__ import annotations

import json
import os
import sys
import threading
import time

from bench.bench_pipeline import _descendants, _memory_mb

SAMPLE_EVERY = 0.5


class SplitSampler(threading.Thread):
    """Per-stage peaks of (parent, children, sum) PSS, MB."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.stage = "start"
        self.peaks: dict[str, list[float]] = {}
        self._halt = threading.Event()

    def progress(self, stage: str, done: int, total: int) -> None:
        self.stage = stage

    def run(self) -> None:
        me = os.getpid()
        while not self._halt.is_set():
            parent = _memory_mb(str(me))
            children = sum(_memory_mb(pid) for pid in _descendants(me))
            peak = self.peaks.setdefault(self.stage, [0.0, 0.0, 0.0])
            for n, value in enumerate((parent, children, parent + children)):
                peak[n] = max(peak[n], value)
            self._halt.wait(SAMPLE_EVERY)

    def stop(self) -> dict[str, list[int]]:
        self._halt.set()
        self.join()
        return {stage: [round(v) for v in values] for stage, values in self.peaks.items()}


def main(corpus: str) -> None:
    from wirecheck.runner import analyze_paths
    from wirecheck.settings import Settings

    sampler = SplitSampler()
    sampler.start()
    started = time.perf_counter()
    analysis = analyze_paths([corpus], Settings(), progress=sampler.progress)
    peaks = sampler.stop()
    seconds = round(time.perf_counter() - started, 1)
    print(json.dumps({"corpus": corpus, "articles": len(analysis.articles),
                      "seconds": seconds, "peaks_mb": peaks}))


if __name__ == "__main__":  # the extraction workers are spawned: they import this module
    main(sys.argv[1])
