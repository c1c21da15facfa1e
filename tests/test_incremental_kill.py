"""A ``wirecheck run NEW --db WS`` process killed (SIGKILL) during its incremental step leaves
the workspace as it was before the step: the step is one transaction. The kill is sent when
the process reports a progress marker: mid-analysis, or inside the save transaction after
the raw documents and the analysis were written."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from wirecheck.runner import run
from wirecheck.store import Workspace

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "corpus"
TABLES = ("raw_documents", "articles", "analysis_articles", "claims", "extract_cache")


def _files() -> list[str]:
    return sorted(str(p) for p in SAMPLES.rglob("*") if p.is_file() and p.name != "gold.yaml")


def _state(db: Path) -> dict[str, Any]:
    with Workspace.open(db) as workspace:
        cached = workspace._reader().execute("SELECT count(*) FROM stage_cache").fetchone()
        return {
            "counts": {t: workspace.count(t) for t in TABLES},
            "stage_cache": cached,
            "analysis": workspace.load_analysis(),
        }


def _run_and_kill(files: list[str], db: Path, out: Path, marker: list[str]) -> None:
    """``wirecheck run FILES --db DB``, killed when a stderr progress line starts with
    ``marker``, its last word as a prefix (``["wirecheck:", "save", "2/"]``: the second of
    the save's parts written, however many parts there are)."""
    cmd = [sys.executable, "-m", "wirecheck.cli", "run", *files, "--db", str(db), "--out", str(out)]
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True)
    assert proc.stderr is not None
    for line in proc.stderr:
        words = line.split()[: len(marker)]
        if words[:-1] == marker[:-1] and words[-1:] and words[-1].startswith(marker[-1]):
            os.kill(proc.pid, signal.SIGKILL)
            break
    proc.wait(timeout=600)
    assert proc.returncode == -signal.SIGKILL, "the run finished before it could be killed"


@pytest.mark.slow
@pytest.mark.parametrize(
    "marker",
    [["wirecheck:", "align"], ["wirecheck:", "save", "2/"]],
    ids=["mid-analysis", "inside-the-save-transaction"],
)
def test_sigkill_during_an_incremental_step_leaves_the_workspace_as_before(
    tmp_path: Path, marker: list[str]
) -> None:
    files = _files()
    db = tmp_path / "ws.duckdb"
    run(files[:9], tmp_path / "out", db)
    before = _state(db)
    _run_and_kill(files[9:], db, tmp_path / "killed", marker)
    assert _state(db) == before
    # the step can then be run again and completes
    after = run(files[9:], tmp_path / "out", db).analysis
    assert len(after.articles) > len(before["analysis"].articles)
    assert _state(db)["analysis"] == after
