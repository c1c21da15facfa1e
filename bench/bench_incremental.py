"""Incremental runs: adding M new articles to a workspace of N vs one full run over N + M.

A generated corpus (``wirecheck synth``) is split in source order: the first N files are
analysed into a workspace, then the last M are added with ``wirecheck run NEW --db WS``
(timed); a full run over all N + M files into a fresh workspace is the peer. Each run is its
own process (``python -m wirecheck run``), one after the other. The two analysis.json files
must be equal byte for byte.

    .venv/bin/python -m bench.bench_incremental --corpus DIR --new 1000 [--limit N+M]
        ->  bench/results/incremental.json

Real coverage in several languages exercises what a generated (English) corpus does not: the
translation step's multilingual sentence vectors, which a step reads back from the workspace:

    .venv/bin/python -m bench.bench_incremental --corpus ../shared/realdev/taiwanquake \
        --new 5 --name incremental_multilingual  ->  bench/results/incremental_multilingual.json
"""

from __future__ import annotations

import argparse
import hashlib
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.common import result, write_results


def _run(files: list[str], out: Path, db: Path, listing: Path) -> tuple[float, float]:
    """``wirecheck run`` over ``files`` (passed in a list file via xargs-free stdin): wall
    seconds, and CPU seconds (user + system) of the process and its extraction workers,
    which the load of other processes on a shared machine changes far less."""
    listing.write_text("\n".join(files) + "\n", encoding="utf-8")
    code = (
        "import sys; from pathlib import Path; from wirecheck.runner import run; "
        "paths = Path(sys.argv[1]).read_text().split(); run(paths, sys.argv[2], sys.argv[3])"
    )
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, str(listing), str(out), str(db)], check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def measure(corpus: Path, new: int, limit: int | None = None) -> dict[str, Any]:
    files = sorted(str(p) for p in corpus.rglob("*") if p.is_file() and p.suffix != ".yaml")
    files = files[:limit] if limit else files
    base, added = files[:-new], files[-new:]
    with tempfile.TemporaryDirectory(prefix="wirecheck-incremental-") as tmp:
        root = Path(tmp)
        base_s, base_cpu = _run(base, root / "inc", root / "inc.duckdb", root / "base.txt")
        inc_s, inc_cpu = _run(added, root / "inc", root / "inc.duckdb", root / "new.txt")
        full_s, full_cpu = _run(files, root / "full", root / "full.duckdb", root / "all.txt")
        same = _sha(root / "inc" / "analysis.json") == _sha(root / "full" / "analysis.json")
    return {
        "base_articles": len(base),
        "new_articles": len(added),
        "base_run_s": round(base_s, 1),
        "incremental_s": round(inc_s, 1),
        "full_s": round(full_s, 1),
        "base_run_cpu_s": round(base_cpu, 1),
        "incremental_cpu_s": round(inc_cpu, 1),
        "full_cpu_s": round(full_cpu, 1),
        "load_average_1m_at_end": round(os.getloadavg()[0], 2),
        "equal": same,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--new", type=int, default=1000)
    parser.add_argument("--limit", type=int, default=None, help="use the first N files only")
    parser.add_argument("--name", default="incremental", help="results file name")
    args = parser.parse_args()
    found = measure(args.corpus, args.new, args.limit)
    share = found["incremental_s"] / found["full_s"]
    corpus = (
        f"corpus {args.corpus.name}: a workspace of {found['base_articles']} "
        f"articles, then {found['new_articles']} more added (the last in source order)"
    )
    rows = [
        result(
            "incremental_run_s", found["incremental_s"], "s",
            peer="full run over all articles, fresh workspace", peer_value=found["full_s"],
            target="<= 5% of the full run (issue #15, at 100k)", met=share <= 0.05,
        ),
        result(
            "incremental_run_cpu_s", found["incremental_cpu_s"], "s",
            peer="full run over all articles, fresh workspace", peer_value=found["full_cpu_s"],
            target="<= 5% of the full run (issue #15, at 100k)",
            met=found["incremental_cpu_s"] <= 0.05 * found["full_cpu_s"],
        ),
        result(
            "incremental_equals_full", float(found["equal"]), "bool",
            target="analysis.json byte for byte", met=found["equal"],
        ),
    ]  # fmt: skip
    note = (
        "Reused from the workspace: raw documents (not re-read), each document's cleaning "
        "(unless one of its lines became or stopped being chrome), extraction per article "
        "content, each body's event keys and multilingual sentence vectors, evaluated candidate "
        "pairs (evidence, alignment, derivation edge, story similarity) and the claim "
        "groups/changes of every story whose "
        "inputs did not change; only changed rows are written to the workspace. Recomputed "
        "over all articles: the batch's line signals and date borrowing, the rest of each "
        "article's provenance view, candidate search (MinHash bands, lead-vector neighbours, "
        "markers), families and stories, entity resolution, analysis.json and the briefings."
    )
    write_results(args.name, corpus, rows, {"measured": found, "note": note})
    print(found)


if __name__ == "__main__":
    main()
