"""A process killed with SIGKILL mid-ingest leaves a valid workspace; re-running completes it
with no duplicates and nothing lost."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from test_ingest_factories import page
from wirecheck.runner import ingest_paths
from wirecheck.settings import Settings
from wirecheck.store import Workspace

FILES = 300
BATCH = 20


def make_corpus(root: Path) -> None:
    root.mkdir()
    for i in range(FILES):  # HTML, so reading takes long enough to be interrupted
        (root / f"{i:04d}.html").write_text(page(f"Zorblax dispatch {i}"), encoding="utf-8")


def ingest_cmd(src: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "wirecheck.cli", "ingest", str(src), "--db", str(db)]


def env() -> dict[str, str]:
    return {**os.environ, "WIRECHECK_INGEST__BATCH_SIZE": str(BATCH)}


def kill_when(src: Path, db: Path, phase: str, after: int) -> None:
    """Start an ingest and SIGKILL it once its progress says ``phase`` reached ``after``."""
    proc = subprocess.Popen(ingest_cmd(src, db), stderr=subprocess.PIPE, text=True, env=env())
    assert proc.stderr is not None
    for line in proc.stderr:
        parts = line.split()
        if parts[:2] == ["wirecheck:", phase] and int(parts[2].split("/")[0]) >= after:
            os.kill(proc.pid, signal.SIGKILL)
            break
    proc.wait(timeout=120)
    assert proc.returncode == -signal.SIGKILL, "ingest finished before it could be killed"


@pytest.mark.slow
@pytest.mark.parametrize(("phase", "after"), [("read", FILES // 2), ("store", BATCH)])
def test_sigkill_mid_ingest_then_rerun(tmp_path: Path, phase: str, after: int) -> None:
    src, db = tmp_path / "in", tmp_path / "ws.duckdb"
    make_corpus(src)
    kill_when(src, db, phase, after)
    with Workspace.open(db) as workspace:  # valid after the kill: opens, whole batches only
        raw, stored = workspace.count("raw_documents"), workspace.count("articles")
        assert raw % BATCH == 0 and stored % BATCH == 0
        assert (raw < FILES) if phase == "read" else (0 < stored < FILES)
    done = subprocess.run(
        ingest_cmd(src, db), capture_output=True, text=True, env=env(), timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr
    expected = {a.id for a in ingest_paths([str(src)], Settings()).articles}
    with Workspace.open(db) as workspace:
        ids = [a.id for a in workspace.iter_articles()]
        assert len(ids) == len(set(ids)) == FILES  # no duplicates
        assert set(ids) == expected  # nothing lost, same content-derived ids
        assert workspace.count("raw_documents") == FILES
