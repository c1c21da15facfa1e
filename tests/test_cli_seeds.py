"""End to end: ``wirecheck run`` on the seed corpus with every stage, stored and reloaded."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from wirecheck.cli import app
from wirecheck.model import Analysis
from wirecheck.store import Workspace


@pytest.mark.slow
def test_run_on_seeds_writes_outputs_and_round_trips(
    seeds_dir: Path, gold: dict[str, Any], tmp_path: Path
) -> None:
    out, db = tmp_path / "out", tmp_path / "ws.duckdb"
    result = CliRunner().invoke(
        app, ["run", str(seeds_dir), "--out", str(out), "--db", str(db), "--json", "-q"]
    )
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["counts"]["articles"] == len(gold["articles"]) and summary["errors"] == []
    written = Analysis.model_validate(json.loads((out / "analysis.json").read_text()))
    assert {Path(a.source).name.split("_")[0] for a in written.articles} == set(gold["articles"])
    assert written.stories and all(a.story for a in written.articles)
    assert {Path(f).name for f in summary["files"]} >= {"analysis.json"}
    with Workspace.open(db) as workspace:
        assert workspace.load_analysis() == written  # the workspace holds what was reported
        [run] = workspace.list_runs()
        assert run.counts["stories"] == len(written.stories)
