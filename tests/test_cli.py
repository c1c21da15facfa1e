"""The CLI: commands, exit codes, JSON output, stdin, stages."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from test_ingest_factories import PARAS
from wirecheck.cli import COMMAND_MODULES, app
from wirecheck.store import Workspace


def corpus(root: Path, count: int = 3) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        text = f"Zorblax item {i}\n\n" + "\n\n".join(PARAS) + "\n"
        (root / f"{i}.txt").write_text(text, encoding="utf-8")
    return root


def test_run_json_summary_and_files(tmp_path: Path) -> None:
    src = corpus(tmp_path / "in")
    out = tmp_path / "out"
    result = CliRunner().invoke(
        app, ["run", str(src), "--out", str(out), "--stages", "none", "--json", "-q"]
    )
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["counts"]["articles"] == 3 and summary["errors"] == []
    assert str(out / "analysis.json") in summary["files"]
    assert len(json.loads((out / "analysis.json").read_text())["articles"]) == 3


def test_run_exit_1_when_an_input_fails(tmp_path: Path) -> None:
    src = corpus(tmp_path / "in", 1)
    (src / "empty.txt").write_bytes(b"")
    result = CliRunner().invoke(
        app, ["run", str(src), "-o", str(tmp_path / "o"), "--stages", "none", "-q"]
    )
    assert result.exit_code == 1
    assert result.stderr.strip() == f"error: {src / 'empty.txt'}: empty input"
    assert "1 articles" in result.stdout


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(app, ["run"]).exit_code == 2  # no PATH
    assert runner.invoke(app, ["run", "x", "--stages", "bogus"]).exit_code == 2
    assert runner.invoke(app, ["nope"]).exit_code == 2
    missing = runner.invoke(app, ["analyze", "--db", str(tmp_path / "none.duckdb")])
    assert missing.exit_code == 2 and "no such workspace" in missing.stderr


def test_ingest_then_analyze_and_stdin(tmp_path: Path) -> None:
    db = tmp_path / "ws.duckdb"
    runner = CliRunner()
    first = runner.invoke(app, ["ingest", str(corpus(tmp_path / "in")), "--db", str(db), "-q"])
    assert first.exit_code == 0 and "3 new" in first.stdout
    again = runner.invoke(app, ["ingest", str(tmp_path / "in"), "--db", str(db), "--json", "-q"])
    assert json.loads(again.stdout)["counts"]["new"] == 0
    piped = runner.invoke(app, ["ingest", "-", "--db", str(db), "-q"], input=PARAS[2])
    assert piped.exit_code == 0 and "1 new" in piped.stdout
    analyzed = runner.invoke(
        app, ["analyze", "--db", str(db), "--out", str(tmp_path / "o"), "--stages", "none", "-q"]
    )
    assert analyzed.exit_code == 0, analyzed.output
    data = json.loads((tmp_path / "o" / "analysis.json").read_text())
    assert "<stdin>" in {a["source"] for a in data["articles"]}
    with Workspace.open(db) as workspace:
        assert workspace.count("articles") == 4 and [r.command for r in workspace.list_runs()] == [
            "ingest",
            "ingest",
            "ingest",
            "analyze",
        ]


def test_plain_progress_lines_when_not_a_tty(tmp_path: Path) -> None:
    src = corpus(tmp_path / "in", 2)
    done = subprocess.run(
        [sys.executable, "-m", "wirecheck.cli", "ingest", str(src), "--db", str(tmp_path / "w")],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "wirecheck: read 2/2" in done.stderr.splitlines()


def test_every_listed_command_module_registers() -> None:
    names = {c.name for c in app.registered_commands}
    assert {"run", "ingest", "analyze"} <= names
    assert len(names) >= len(COMMAND_MODULES)
