"""Lists kept in the workspace: a generated list in ``targets.simple.csv`` format is loaded
into a fresh workspace in one process (peak memory, time), then a second process opens the
workspace and screens (seconds until screening can start, names per CPU-second). Each step
runs in its own process so its peak memory is its own.

    .venv/bin/python -m bench.bench_list_store --entries 1000000   (used by bench_screen)
    .venv/bin/python -m bench.bench_list_store --load CSV DB       (one step, prints JSON)
    .venv/bin/python -m bench.bench_list_store --screen CSV DB QUERIES.json
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

from bench.screen_data import Query, generate, write_simple_csv


def peak_rss_mb() -> float:
    """This process's peak resident memory (VmHWM, MB). Not ru_maxrss: after fork + exec it
    keeps the parent's peak, and the parent here holds the generated million entries."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def load_step(csv_path: Path, db: Path) -> dict[str, Any]:
    """Load the list into the workspace ``db`` (this process): seconds and peak memory."""
    from wirecheck.entities.lists.stored import ensure_list
    from wirecheck.store import Workspace

    start = time.perf_counter()
    with Workspace.open(db) as workspace:
        stored, errors = ensure_list(workspace, csv_path, None)
    return {
        "entries": stored.entries if stored else 0,
        "errors": len(errors),
        "load_s": round(time.perf_counter() - start, 1),
        "peak_rss_mb": peak_rss_mb(),
    }


def screen_step(csv_path: Path, db: Path, queries: list[Query]) -> dict[str, Any]:
    """Open the workspace, get the stored index (no rebuild), screen ``queries``."""
    from bench.bench_screen import _party
    from wirecheck.entities.lists.stored import lists_in
    from wirecheck.entities.screening.screen import load_lists, screen_party
    from wirecheck.settings.screen import ScreenSettings
    from wirecheck.store import Workspace

    # Imports first, timed apart: this machine runs with PYTHONDONTWRITEBYTECODE=1, so every
    # import compiles from source (seconds) where an installed wirecheck loads bytecode.
    imports = time.perf_counter()
    import duckdb

    duckdb.connect().sql("SELECT 1 AS one").to_arrow_table()
    imports = time.perf_counter() - imports
    start = time.perf_counter()
    settings = ScreenSettings().model_copy(update={"match_threshold": 0.5})
    with Workspace.open(db) as workspace, lists_in(workspace):
        index, _ = load_lists([str(csv_path)], None)
        ready = time.perf_counter() - start
        # one invented name first: imports and lazy tables are not part of the rate
        screen_party(index, _party(Query("Warm Up Trading Company", False, None, "")), settings)
        first = time.perf_counter() - start
        cpu = time.process_time()
        found = [
            [(m.entry, m.score) for m in screen_party(index, _party(q), settings)]
            for q in queries
        ]
        cpu = time.process_time() - cpu
    targets = [(q, hits) for q, hits in zip(queries, found, strict=True) if q.target]
    recall = sum(
        1 for q, hits in targets if any(e == q.target and s >= 0.7 for e, s in hits)
    ) / max(1, len(targets))
    return {
        "imports_s": round(imports, 2),
        "start_screening_s": round(ready, 2),
        "first_name_screened_s": round(first, 2),
        "names_per_cpu_s": round(len(queries) / cpu, 1),
        "target_recall": recall,
        "peak_rss_mb": peak_rss_mb(),
    }


def _child(args: list[str]) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, "-m", "bench.bench_list_store", *args],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    return result


def measure(entries: int, targets: int = 60) -> dict[str, Any]:
    """Generate, then load and screen in child processes; the list file is removed after."""
    with tempfile.TemporaryDirectory(prefix="wirecheck-list-") as tmp:
        folder = Path(tmp)
        rows, queries = generate(entries, targets)
        csv_path, db = folder / "targets.simple.csv", folder / "lists.duckdb"
        write_simple_csv(rows, csv_path)
        size = csv_path.stat().st_size
        del rows
        (folder / "queries.json").write_text(json.dumps([asdict(q) for q in queries]))
        loaded = _child(["--load", str(csv_path), str(db)])
        screened = _child(["--screen", str(csv_path), str(db), str(folder / "queries.json")])
        again = _child(["--screen", str(csv_path), str(db), str(folder / "queries.json")])
        return {
            "entries": entries,
            "file_mb": round(size / 1e6, 1),
            "queries": len(queries),
            "load": loaded,
            "first_screen": screened,
            "second_screen": again,
            "workspace_mb": round(db.stat().st_size / 1e6, 1),
        }


def main(argv: list[str]) -> None:
    if argv[:1] == ["--load"]:
        print(json.dumps(load_step(Path(argv[1]), Path(argv[2]))))
    elif argv[:1] == ["--screen"]:
        queries = [Query(**q) for q in json.loads(Path(argv[3]).read_text())]
        print(json.dumps(screen_step(Path(argv[1]), Path(argv[2]), queries)))
    else:
        size = int(argv[argv.index("--entries") + 1]) if "--entries" in argv else 1_000_000
        print(json.dumps(measure(size), indent=2))


if __name__ == "__main__":
    main(sys.argv[1:])
