"""Run every benchmark and print one summary table: ``make bench`` (``python -m bench.run_all``).

Each ``bench/bench_<name>.py`` (and ``bench/accuracy.py``) exposes ``main(quick=...)``. Each
runs in its own child process (``python -m bench.run_all --one NAME``), so one benchmark's
imports, memory peak or crash do not leak into the next; a benchmark not written yet is
skipped and said so.
Results land in ``bench/results/<name>.json`` (SPEC "Benchmark results").

    .venv/bin/python -m bench.run_all [--quick] [--only ingest,provenance]
"""

from __future__ import annotations

import argparse
import importlib
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench.common import RESULTS_DIR

BENCH_DIR = Path(__file__).resolve().parent
EXPECTED = ("ingest", "provenance", "extract", "screen", "api", "pipeline", "accuracy")
# Benchmarks whose module is not ``bench/bench_<name>.py``.
MODULES = {"accuracy": "bench.accuracy"}


def available() -> list[str]:
    found = sorted(p.stem.removeprefix("bench_") for p in BENCH_DIR.glob("bench_*.py"))
    found += [n for n, m in MODULES.items() if (BENCH_DIR / f"{m.split('.')[-1]}.py").exists()]
    return [n for n in EXPECTED if n in found] + [n for n in found if n not in EXPECTED]


def run_one(name: str, quick: bool) -> int:
    """Child mode: import ``bench.bench_<name>``, call ``main``, make sure its file is written."""
    module = importlib.import_module(MODULES.get(name, f"bench.bench_{name}"))
    started = time.time()
    data = module.main(quick=quick)
    path = RESULTS_DIR / f"{name}.json"
    if isinstance(data, dict) and "results" in data:
        fresh = path.exists() and path.stat().st_mtime >= started
        if not fresh:  # main() returned its results without writing them
            RESULTS_DIR.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    return 0 if path.exists() else 1


def run_child(name: str, quick: bool) -> tuple[str, float]:
    args = [sys.executable, "-m", "bench.run_all", "--one", name] + (["--quick"] if quick else [])
    started = time.perf_counter()
    proc = subprocess.run(args, cwd=BENCH_DIR.parent, check=False)
    elapsed = time.perf_counter() - started
    status = "ok" if proc.returncode == 0 else f"failed (exit {proc.returncode})"
    return status, elapsed


def _fmt(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:,.3g}" if abs(value) < 1000 else f"{value:,.0f}"
    return str(value)


def summary_table(statuses: dict[str, tuple[str, float]]) -> Any:
    from rich.table import Table

    table = Table(title="wirecheck benchmarks", show_lines=False)
    for column in (
        "benchmark",
        "metric",
        "value",
        "unit",
        "peer",
        "peer value",
        "ratio",
        "target",
        "met",
    ):
        table.add_column(column, overflow="fold")
    for name, (status, elapsed) in statuses.items():
        path = RESULTS_DIR / f"{name}.json"
        if status != "ok" or not path.exists():
            table.add_row(name, f"[yellow]{status}[/]", "", "", "", "", "", "", "")
            continue
        rows = json.loads(path.read_text()).get("results", [])
        for i, row in enumerate(rows):
            met = "[green]yes[/]" if row.get("met") else "[red]no[/]"
            table.add_row(
                name if i == 0 else "",
                row.get("metric", ""),
                _fmt(row.get("value")),
                row.get("unit", ""),
                _fmt(row.get("peer")),
                _fmt(row.get("peer_value")),
                _fmt(row.get("ratio")),
                _fmt(row.get("target")),
                met,
            )
        table.add_row("", f"[dim]({elapsed:.0f} s)[/]", "", "", "", "", "", "", "")
    return table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small corpora (minutes, not hours)")
    parser.add_argument("--only", default="", help="comma-separated benchmark names")
    parser.add_argument("--one", default="", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        return run_one(args.one, args.quick)
    wanted = [n.strip() for n in args.only.split(",") if n.strip()] or list(EXPECTED)
    have = available()
    statuses: dict[str, tuple[str, float]] = {}
    for name in wanted + [n for n in have if n not in wanted and not args.only]:
        if name not in have:
            statuses[name] = (f"skipped: bench/bench_{name}.py not written yet", 0.0)
            continue
        print(f"== bench {name}", flush=True)
        statuses[name] = run_child(name, args.quick)
    from rich.console import Console

    Console(width=None if sys.stdout.isatty() else 160).print(summary_table(statuses))
    skipped = [n for n, (s, _) in statuses.items() if s.startswith("skipped")]
    failed = [n for n, (s, _) in statuses.items() if s.startswith("failed")]
    if skipped:
        print(f"skipped (not written yet): {', '.join(skipped)}")
    if failed:
        print(f"failed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
