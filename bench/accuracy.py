"""Accuracy as a benchmark: every ``wirecheck eval`` row on every labelled corpus.

Writes ``bench/results/accuracy.json``: per corpus (a generated corpus, seed 0, of
``--articles`` articles, 5,000 by default and 400 with ``--quick``; the seeds; each topic of
``../shared/realdev``) every eval row (precision, recall, F1, support, counts) with its
targets from the issues' acceptance criteria (``accuracy_targets.py``), the run and eval
times (the evaluator must not be slower than the run it scores), and on realdev the peer
beside wirecheck: MinHash-LSH over 5-word shingles (``accuracy_peer.py``).
Misses are left out: on real coverage they quote third-party text.

    .venv/bin/python -m bench.accuracy [--quick] [--articles N] [--only synth,seeds,realdev]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from bench.accuracy_peer import minhash_analysis
from bench.accuracy_targets import targets_for
from bench.common import result, write_results

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
PEER = "MinHash-LSH, 5-word shingles, Jaccard >= 0.3, components (datasketch)"
SEED = 0


def realdev_topics() -> list[str]:
    """Every topic folder of ../shared/realdev (the labels cover them all)."""
    root = SHARED / "realdev"
    return sorted(p.name for p in root.iterdir() if p.is_dir()) if root.is_dir() else []


def _rows(report: Any, kind: str) -> list[dict[str, Any]]:
    """Eval rows without misses, each with its targets and whether they are met."""
    out = []
    for score in report.scores:
        row = {k: v for k, v in score.as_row().items() if k != "misses"}
        targets = targets_for(kind, score.finding)
        row["target"] = " and ".join(map(str, targets)) or "reported"
        row["met"] = all(t.met(row) for t in targets)
        out.append(row)
    return out


def _evaluate(paths: list[Path], gold: Mapping[str, Any], kind: str) -> dict[str, Any]:
    from wirecheck.evaluate import evaluate
    from wirecheck.runner import analyze_paths
    from wirecheck.settings import Settings

    started = time.perf_counter()
    analysis = analyze_paths([str(p) for p in paths], Settings())
    run_s = time.perf_counter() - started
    started = time.perf_counter()
    report = evaluate(analysis, gold)
    eval_s = time.perf_counter() - started
    return {"kind": kind, "articles": len(analysis.articles), "run_s": round(run_s, 2),
            "eval_s": round(eval_s, 3), "rows": _rows(report, kind)}


def synth_corpus(articles: int, workdir: Path) -> dict[str, Any]:
    from wirecheck.synth import write_corpus

    out = workdir / f"synth{articles}-s{SEED}"
    gold = write_corpus(articles, out, seed=SEED)
    return _evaluate([out], gold, "synth")


def seeds_corpus() -> dict[str, Any]:
    from wirecheck.evaluate import load_gold

    return _evaluate([SHARED / "seeds"], load_gold(SHARED / "seeds" / "gold.yaml"), "seeds")


def realdev_topic(topic: str) -> dict[str, Any]:
    from wirecheck.evaluate import evaluate, load_gold

    labels = load_gold(SHARED / "realdev" / "labels.yaml")
    out = _evaluate([SHARED / "realdev" / topic], labels, "real")
    peer = evaluate(minhash_analysis(SHARED / "realdev" / topic), labels)
    out["peer"] = {"name": PEER, "rows": [
        r for r in _rows(peer, "real") if r["finding"].startswith(("stories", "families"))
    ]}
    return out


def _summary(corpora: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows ``make bench`` prints: each target's measure (the peer's beside it on
    realdev), and eval time against run time."""
    out: list[dict[str, Any]] = []
    for name, corpus in corpora.items():
        peer = {r["finding"]: r for r in corpus.get("peer", {}).get("rows", [])}
        for row in corpus["rows"]:
            other = peer.get(row["finding"])
            for target in targets_for(corpus["kind"], row["finding"]):
                out.append(result(
                    f"{name} {row['finding']} {target.measure}", row.get(target.measure, 0.0),
                    target.measure, PEER if other else None,
                    other.get(target.measure) if other else None, str(target), target.met(row),
                ))
        out.append(result(f"{name} eval time", corpus["eval_s"], "s", "the run it scores",
                          corpus["run_s"], "<= run time", corpus["eval_s"] <= corpus["run_s"]))
    return out


def main(quick: bool = False, articles: int | None = None, only: str = "") -> dict[str, Any]:
    size = articles or (400 if quick else 5000)
    wanted = {w.strip() for w in only.split(",") if w.strip()} or {"synth", "seeds", "realdev"}
    corpora: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(prefix="wirecheck-accuracy-") as tmp:
        if "synth" in wanted:
            corpora[f"synth{size}-s{SEED}"] = synth_corpus(size, Path(tmp))
    if "seeds" in wanted:
        corpora["seeds"] = seeds_corpus()
    if "realdev" in wanted:
        corpora.update({f"realdev-{t}": realdev_topic(t) for t in realdev_topics()})
    results = _summary(corpora)
    corpus = f"wirecheck.synth {size} (seed {SEED}), ../shared/seeds, ../shared/realdev topics"
    write_results("accuracy", corpus, results, {"corpora": corpora})
    return {"results": results, "corpora": corpora}


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a 400-article generated corpus")
    parser.add_argument("--articles", type=int, default=None, help="generated corpus size")
    parser.add_argument("--only", default="", help="comma-separated: synth,seeds,realdev")
    args = parser.parse_args()
    main(quick=args.quick, articles=args.articles, only=args.only)
    sys.exit(0)
