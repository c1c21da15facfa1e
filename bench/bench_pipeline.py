"""Whole pipeline benchmark: ingest to verdicts on a synthetic corpus, local engine and Ray.

The corpus is written by ``wirecheck.synth`` (invented stories with copies in site chrome,
excerpts, rewrites, summaries and hard negatives) together with its gold. Each engine runs
in its own child process on the same files, so each reports its own peak memory: for the
local engine the process's peak RSS, for Ray the peak of the driver plus every Ray process
(workers, raylet, GCS), sampled from /proc every 0.2 s. Quality: pairwise precision and
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

from bench.common import peak_rss_mb, result, write_results

FULL, QUICK = 1_000, 200
SEED = 20
TARGET_RATE = 12.0  # articles/s on 2 cores (SPEC "Budgets")
TARGET_FAMILY = 0.95  # pairwise family precision and recall on the synthetic gold


def _rss_mb(pid: str) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


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


class MemorySampler(threading.Thread):
    """Peak of (this process + Ray processes) resident memory, sampled in the background."""

    def __init__(self, with_ray: bool) -> None:
        super().__init__(daemon=True)
        self.with_ray, self.peak, self._halt = with_ray, 0.0, threading.Event()

    def run(self) -> None:
        while not self._halt.is_set():
            pids = [str(os.getpid())] + (_ray_pids() if self.with_ray else [])
            self.peak = max(self.peak, sum(_rss_mb(p) for p in set(pids)))
            self._halt.wait(0.2)

    def stop(self) -> float:
        self._halt.set()
        self.join()
        return round(self.peak, 1)


def run_engine(engine: str, corpus: Path, out: Path) -> None:
    """Child mode: analyse ``corpus`` with ``engine``; write the analysis and the timing."""
    from wirecheck.settings import Settings

    sampler = MemorySampler(engine == "ray")
    sampler.start()
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
        analysis = analyze_paths([str(corpus)], Settings())
    elapsed = time.perf_counter() - started
    peak = max(sampler.stop(), peak_rss_mb())
    (out / f"{engine}.analysis.json").write_text(json.dumps(analysis.to_json_dict()))
    summary = {
        "seconds": elapsed,
        "startup_s": ready - started,
        "peak_rss_mb": peak,
        "articles": len(analysis.articles),
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


def main(quick: bool = False, articles: int | None = None) -> dict[str, Any]:
    from wirecheck.synth import write_corpus

    n = articles or (QUICK if quick else FULL)
    with tempfile.TemporaryDirectory(prefix="wirecheck-bench-") as tmp:
        corpus, out = Path(tmp) / "corpus", Path(tmp)
        gold = write_corpus(n, corpus, seed=SEED)
        local = _child("local", corpus, out)
        ray = _child("ray", corpus, out)
        a_local = json.loads((out / "local.analysis.json").read_text())
        a_ray = json.loads((out / "ray.analysis.json").read_text())
    families, stories = groupings(a_local)
    fam_p, fam_r = pair_scores(families, gold["story"]["families"])
    story_p, story_r = pair_scores(stories, gold["story"]["clusters"])
    local_rate = n / local["seconds"]
    ray_rate = n / ray["seconds"]
    ray_warm = n / max(1e-9, ray["seconds"] - ray["startup_s"])
    fam_met = fam_p >= TARGET_FAMILY and fam_r >= TARGET_FAMILY
    peer = "local engine, same corpus, same run"
    results = [
        result(
            "local_articles_per_s",
            round(local_rate, 2),
            "articles/s",
            target=f">= {TARGET_RATE:g} articles/s (2 cores)",
            met=local_rate >= TARGET_RATE,
        ),
        result("ray_articles_per_s", round(ray_rate, 2), "articles/s", peer, round(local_rate, 2)),
        result(
            "ray_articles_per_s_after_startup",
            round(ray_warm, 2),
            "articles/s",
            peer,
            round(local_rate, 2),
        ),
        result("local_peak_rss_mb", local["peak_rss_mb"], "MB"),
        result("ray_peak_rss_mb", ray["peak_rss_mb"], "MB", peer, local["peak_rss_mb"]),
        result("family_precision", fam_p, "pairwise", target=f">= {TARGET_FAMILY}", met=fam_met),
        result("family_recall", fam_r, "pairwise", target=f">= {TARGET_FAMILY}", met=fam_met),
        result("story_precision", story_p, "pairwise"),
        result("story_recall", story_r, "pairwise"),
        result(
            "ray_equals_local",
            float(a_local == a_ray),
            "bool",
            target="1 (same analysis)",
            met=a_local == a_ray,
        ),
    ]
    extra = {
        "timings_s": {
            "local_total": round(local["seconds"], 2),
            "ray_total": round(ray["seconds"], 2),
            "ray_startup": round(ray["startup_s"], 2),
            "ray_stages": {k: round(v, 2) for k, v in ray["timings"].items()},
        }
    }
    corpus_note = f"wirecheck synth {n} --seed {SEED} ({len(gold['story']['clusters'])} stories)"
    write_results("pipeline", corpus_note, results, extra)
    return {"benchmark": "pipeline", "results": results, **extra}


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
