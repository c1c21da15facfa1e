"""Shared helpers of the benchmarks: machine description, result rows, results files, memory.

Every benchmark writes ``bench/results/<name>.json`` in the format of SPEC.md "Benchmark
results"; ``result`` computes the ratio to the peer so every file states it the same way.
"""

from __future__ import annotations

import json
import os
import platform
import resource
import sys
from pathlib import Path
from typing import Any

RESULTS_DIR = Path(__file__).resolve().parent / "results"


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _memory_gb() -> float | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return None


def machine_info() -> dict[str, Any]:
    """CPUs usable by this process, CPU model, memory, Python, and the load when measured."""
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return {
        "cpus": cpus,
        "cpu_model": _cpu_model(),
        "memory_gb": _memory_gb(),
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "load_average_1m": round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None,
    }


def result(
    metric: str,
    value: float,
    unit: str,
    peer: str | None = None,
    peer_value: float | None = None,
    target: str = "reported",
    met: bool = True,
) -> dict[str, Any]:
    """One result row; ``ratio`` = value / peer_value when both exist (same run, same input)."""
    ratio = (
        round(value / peer_value, 3) if peer_value not in (None, 0) and value is not None else None
    )
    return {
        "metric": metric,
        "value": value,
        "unit": unit,
        "peer": peer,
        "peer_value": peer_value,
        "ratio": ratio,
        "target": target,
        "met": bool(met),
    }


def write_json(name: str, data: dict[str, Any]) -> Path:
    """Write ``data`` as ``bench/results/<name>.json`` (indented) and return its path."""
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    path = RESULTS_DIR / f"{name}.json"
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    return path


def write_results(
    name: str, corpus: str, results: list[dict[str, Any]], extra: dict[str, Any] | None = None
) -> Path:
    """Write ``bench/results/<name>.json`` in the common result format and return its path."""
    data = {"benchmark": name, "corpus": corpus, "machine": machine_info(), "results": results}
    data.update(extra or {})
    return write_json(name, data)


def peak_rss_mb(children: bool = False) -> float:
    """Peak resident memory of this process (and, optionally, of its finished children), MB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if children:
        peak = max(peak, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    return round(peak / 1024, 1)  # ru_maxrss is in KiB on Linux
