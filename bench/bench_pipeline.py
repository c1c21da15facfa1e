"""Whole pipeline benchmark: ingest to verdicts on a synthetic corpus, local engine and Ray.

The corpus is written by ``wirecheck.synth`` (invented stories with copies in site chrome,
excerpts, rewrites, summaries and hard negatives) together with its gold. Each engine runs
in its own child process on the same files, so each reports its own peak memory: the peak
of the summed PSS (proportional set size: shared pages count once) of the engine's process,
its child processes (the local engine's extraction workers) and, for Ray, every Ray process
(workers, raylet, GCS), sampled from /proc every second or, for large processes, less
often (the sampler keeps its own cost near a tenth of a core). Quality: pairwise precision and
recall of origin families and of stories against the synthetic gold, and whether the Ray
analysis equals the local one.

    .venv/bin/python -m bench.bench_pipeline [--quick]   ->  bench/results/pipeline.json
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from itertools import combinations
from pathlib import Path
from typing import Any

from bench.common import result, write_results

FULL, QUICK = 1_000, 200
SEED = 20
TARGET_RATE = 12.0  # articles/s on 2 cores (SPEC "Budgets")
TARGET_FAMILY = 0.95  # pairwise family precision and recall on the synthetic gold
TARGET_STORY = 0.95  # story pairwise precision and recall (issue #15, "stories at scale")
TARGET_LOCAL_MB = 4096.0  # local peak, summed PSS (issue #15, at 100,000 articles)


def _memory_mb(pid: str) -> float:
    """A process's proportional set size (PSS), MB: pages it shares with other processes
    (forked workers share the parent's) count once in the sum over all of them."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _descendants(root: int) -> list[str]:
    """Every live process below ``root`` (extraction workers of the local engine)."""
    children: dict[str, list[str]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            ppid = (entry / "stat").read_text().rsplit(")", 1)[1].split()[1]
        except (OSError, IndexError):
            continue
        children.setdefault(ppid, []).append(entry.name)
    found, todo = [], [str(root)]
    while todo:
        kids = children.get(todo.pop(), [])
        found.extend(kids)
        todo.extend(kids)
    return found


def _ray_pids() -> list[str]:
    """Ray's own processes on this machine (workers, raylet, GCS, dashboard agents)."""
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmd = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        if b"ray::" in cmd or b"raylet" in cmd or b"gcs_server" in cmd or b"/ray/" in cmd:
            pids.append(entry.name)
    return pids


# Seconds between memory samples, at least. Reading smaps_rollup walks a process's page
# tables (~0.25 s for a 5 GB process): at a fixed 0.2 s or 1 s, with a 5 GB engine process
# and two forked workers, the sampler itself took most of a core. So the pause after a
# sample is also at least SAMPLE_COST_RATIO times what the sample cost (sampler <= ~10%).
SAMPLE_EVERY = 1.0
SAMPLE_COST_RATIO = 10.0


class MemorySampler(threading.Thread):
    """Peak memory of this process, its child processes and (for Ray) every Ray process,
    summed as PSS and sampled in the background (see ``SAMPLE_EVERY``); the CPU time the
    sampler spends is kept too (``cpu_s``), to show what it cost the run."""

    def __init__(self, with_ray: bool) -> None:
        super().__init__(daemon=True)
        self.with_ray, self.peak, self._halt = with_ray, 0.0, threading.Event()
        self.cpu_s = 0.0
        self.stage_peak = 0.0  # since the last ``StagePeaks`` reading

    def run(self) -> None:
        while not self._halt.is_set():
            started = time.thread_time()
            pids = [str(os.getpid()), *_descendants(os.getpid())]
            pids += _ray_pids() if self.with_ray else []
            total = sum(_memory_mb(p) for p in set(pids))
            self.peak = max(self.peak, total)
            self.stage_peak = max(self.stage_peak, total)
            cost = time.thread_time() - started
            self.cpu_s += cost
            self._halt.wait(max(SAMPLE_EVERY, SAMPLE_COST_RATIO * cost))

    def stop(self) -> float:
        self._halt.set()
        self.join()
        return round(self.peak, 1)


class StagePeaks:
    """The run's progress callback: the sampler's peak during each stage, so the bench
    shows which stage sets the run's peak (read and reset when the next stage starts), and
    the wall seconds spent in each stage (which stage a throughput change comes from)."""

    def __init__(self, sampler: MemorySampler) -> None:
        self.sampler, self.stage = sampler, "start"
        self.peaks_mb: dict[str, float] = {}
        self.seconds: dict[str, float] = {}
        self._since = time.perf_counter()

    def __call__(self, stage: str, done: int, total: int) -> None:
        if stage != self.stage:
            self.close()
            self.stage = stage

    def close(self) -> None:
        seen = max(self.peaks_mb.get(self.stage, 0.0), self.sampler.stage_peak)
        self.peaks_mb[self.stage] = round(seen, 1)
        self.sampler.stage_peak = 0.0
        now = time.perf_counter()
        spent = self.seconds.get(self.stage, 0.0) + now - self._since
        self.seconds[self.stage], self._since = round(spent, 2), now


def run_engine(engine: str, corpus: Path, out: Path) -> None:
    """Child mode: analyse ``corpus`` with ``engine``; write the analysis and the timing."""
    from wirecheck.settings import Settings

    sampler = MemorySampler(engine == "ray")
    sampler.start()
    stages = StagePeaks(sampler)  # local engine only: the Ray runner reports timings instead
    timings: dict[str, float] = {}
    started = time.perf_counter()
    if engine == "ray":
        from wirecheck.distributed import analyze_paths_ray, init_ray

        init_ray()
        ready = time.perf_counter()
        analysis = analyze_paths_ray([str(corpus)], Settings(), timings=timings)
    else:
        from wirecheck.runner import analyze_paths

        ready = started
        analysis = analyze_paths([str(corpus)], Settings(), progress=stages)
    elapsed = time.perf_counter() - started
    peak = sampler.stop()
    stages.close()
    timings["memory_sampler_cpu"] = sampler.cpu_s
    if engine == "ray":
        import ray

        ray.shutdown()  # its workers' memory back before the big serialisation below
    data = analysis.to_json_dict()
    count = len(analysis.articles)
    del analysis
    with (out / f"{engine}.analysis.json").open("w") as handle:
        json.dump(data, handle)  # streamed: no multi-GB string at 100k articles
    # The groupings alone, so the parent need not load a 100k-article analysis to score it.
    (out / f"{engine}.groups.json").write_text(json.dumps(groupings(data)))
    summary = {
        "seconds": elapsed,
        "startup_s": ready - started,
        "peak_mb": peak,
        "stage_peaks_mb": stages.peaks_mb,
        "stage_seconds": stages.seconds,
        "articles": count,
        "timings": timings,
    }
    (out / f"{engine}.json").write_text(json.dumps(summary))


def _child(engine: str, corpus: Path, out: Path) -> dict[str, Any]:
    args = [
        sys.executable,
        "-m",
        "bench.bench_pipeline",
        "--engine",
        engine,
        "--corpus",
        str(corpus),
        "--out",
        str(out),
    ]
    subprocess.run(args, check=True, cwd=Path(__file__).resolve().parents[1])
    data: dict[str, Any] = json.loads((out / f"{engine}.json").read_text())
    return data


def _pairs(groups: list[list[str]]) -> set[tuple[str, str]]:
    return {(a, b) if a < b else (b, a) for g in groups for a, b in combinations(g, 2)}


def pair_scores(predicted: list[list[str]], gold: list[list[str]]) -> tuple[float, float]:
    """Pairwise precision and recall of a grouping (two texts together or not)."""
    p, g = _pairs(predicted), _pairs(gold)
    precision = len(p & g) / len(p) if p else 1.0
    recall = len(p & g) / len(g) if g else 1.0
    return round(precision, 4), round(recall, 4)


def groupings(analysis: dict[str, Any]) -> tuple[list[list[str]], list[list[str]]]:
    """(families, stories) of an analysis, articles named by their gold keys."""
    from wirecheck.synth.goldkeys import file_prefix

    key = {a["id"]: file_prefix(a["source"]) for a in analysis["articles"]}
    families = [[key[a] for a in f["articles"]] for s in analysis["stories"] for f in s["families"]]
    stories = [[key[a] for a in s["articles"]] for s in analysis["stories"]]
    return families, stories


def result_name(n: int) -> str:
    """``pipeline`` for the default size (what ``make bench`` writes), ``pipeline_<n>`` else."""
    return "pipeline" if n == FULL else f"pipeline_{n}"


def main(quick: bool = False, articles: int | None = None) -> dict[str, Any]:
    from wirecheck.synth import write_corpus

    n = articles or (QUICK if quick else FULL)
    with tempfile.TemporaryDirectory(prefix="wirecheck-bench-") as tmp:
        corpus, out = Path(tmp) / "corpus", Path(tmp)
        gold = write_corpus(n, corpus, seed=SEED)
        note = f"wirecheck synth {n} --seed {SEED} ({len(gold['story']['clusters'])} stories)"
        local = _child("local", corpus, out)
        quality = _quality(json.loads((out / "local.groups.json").read_text()), gold)
        # Written now too, so a long run keeps the local figures if the Ray half fails.
        write_results(result_name(n), note, _local_results(n, local) + quality)
        ray = _child("ray", corpus, out)
        same = _digest(out / "local.analysis.json") == _digest(out / "ray.analysis.json")
    results = _local_results(n, local) + _ray_results(n, local, ray, same) + quality
    extra = {
        "timings_s": {
            "local_total": round(local["seconds"], 2),
            "ray_total": round(ray["seconds"], 2),
            "ray_startup": round(ray["startup_s"], 2),
            "local_memory_sampler_cpu": round(local["timings"]["memory_sampler_cpu"], 2),
            "ray_stages": {k: round(v, 2) for k, v in ray["timings"].items()},
        },
        "local_stage_peaks_mb": local.get("stage_peaks_mb", {}),
        "local_stage_seconds": local.get("stage_seconds", {}),
    }
    write_results(result_name(n), note, results, extra)
    return {"benchmark": "pipeline", "results": results, **extra}


def _local_results(n: int, local: dict[str, Any]) -> list[dict[str, Any]]:
    rate = n / local["seconds"]
    target = f">= {TARGET_RATE:g} articles/s (2 cores)"
    return [
        result(
            "local_articles_per_s",
            round(rate, 2),
            "articles/s",
            target=target,
            met=rate >= TARGET_RATE,
        ),
        result(
            "local_peak_memory_mb",
            local["peak_mb"],
            "MB (PSS)",
            target=f"<= {TARGET_LOCAL_MB:g} MB (issue #15)",
            met=local["peak_mb"] <= TARGET_LOCAL_MB,
        ),
    ]


def _ray_results(
    n: int, local: dict[str, Any], ray: dict[str, Any], same: bool
) -> list[dict[str, Any]]:
    peer = "local engine, same corpus, same run"
    local_rate = round(n / local["seconds"], 2)
    warm = n / max(1e-9, ray["seconds"] - ray["startup_s"])
    return [
        result("ray_articles_per_s", round(n / ray["seconds"], 2), "articles/s", peer, local_rate),
        result("ray_articles_per_s_after_startup", round(warm, 2), "articles/s", peer, local_rate),
        result("ray_peak_memory_mb", ray["peak_mb"], "MB (PSS)", peer, local["peak_mb"]),
        result("ray_equals_local", float(same), "bool", target="1 (same analysis)", met=same),
    ]


def _digest(path: Path) -> str:
    """SHA-256 of a file (the two engines' analysis.json: equal bytes, equal analyses)."""
    import hashlib

    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _quality(groups: list[list[list[str]]], gold: dict[str, Any]) -> list[dict[str, Any]]:
    families, stories = groups
    fam_p, fam_r = pair_scores(families, gold["story"]["families"])
    story_p, story_r = pair_scores(stories, gold["story"]["clusters"])
    fam_met = fam_p >= TARGET_FAMILY and fam_r >= TARGET_FAMILY
    story_met = story_p >= TARGET_STORY and story_r >= TARGET_STORY
    return [
        result("family_precision", fam_p, "pairwise", target=f">= {TARGET_FAMILY}", met=fam_met),
        result("family_recall", fam_r, "pairwise", target=f">= {TARGET_FAMILY}", met=fam_met),
        result("story_precision", story_p, "pairwise", target=f">= {TARGET_STORY}", met=story_met),
        result("story_recall", story_r, "pairwise", target=f">= {TARGET_STORY}", met=story_met),
    ]


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help=f"{QUICK} articles instead of {FULL}")
    parser.add_argument("--articles", type=int, help=f"corpus size (default {FULL})")
    parser.add_argument("--engine", choices=("local", "ray"), help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.engine:
        run_engine(args.engine, args.corpus, args.out)
    else:
        print(json.dumps(main(args.quick, args.articles), indent=2))
