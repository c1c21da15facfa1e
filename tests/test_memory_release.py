"""Free C-heap pages go back to the system between stages (``wirecheck.memory``)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from wirecheck.memory import release_free_memory
from wirecheck.pipeline import Stage, analyze
from wirecheck.settings import Settings


def _resident_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


def _touched_blocks(count: int, size: int) -> list[bytearray]:
    blocks = [bytearray(size) for _ in range(count)]
    for block in blocks:
        block[::4096] = b"\x01" * len(range(0, size, 4096))  # resident, not just reserved
    return blocks


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc_trim")
def test_freed_heap_memory_is_returned_to_the_system() -> None:
    # 40 MB in blocks below glibc's mmap threshold (heap memory), then one block above them
    # that stays: free() alone cannot shrink the heap from its top
    blocks = _touched_blocks(400, 100_000)
    top = _touched_blocks(1, 100_000)
    del blocks
    before = _resident_mb()
    assert release_free_memory()
    assert _resident_mb() < before - 20
    assert len(top[0]) == 100_000


def test_the_pipeline_releases_memory_after_every_stage(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    monkeypatch.setattr(
        "wirecheck.pipeline.release_free_memory", lambda: calls.append("release") or True
    )
    seen: list[str] = []
    stages = [Stage(name, lambda a, s, n=name: seen.append(n) or a) for name in ("one", "two")]
    from wirecheck.model import Analysis

    analyze(Analysis(), Settings(), stages)
    assert seen == ["one", "two"] and calls == ["release", "release"]
