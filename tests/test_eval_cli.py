"""``wirecheck eval`` usage errors and a run over a tiny invented corpus (fast)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from wirecheck.cli import app


def _gold(tmp_path: Path) -> Path:
    gold = {
        "articles": {"t01": {}},
        "boilerplate": {"t01": ["Share this article", "Leave a comment"]},
        "dates": {"t01": "2025-03-04"},
    }
    path = tmp_path / "gold.yaml"
    path.write_text(yaml.safe_dump(gold), encoding="utf-8")
    return path


def test_needs_paths_or_an_analysis(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "--gold", str(_gold(tmp_path))])
    assert result.exit_code == 2


def test_bad_gold_file_is_a_usage_error(tmp_path: Path) -> None:
    bad = tmp_path / "gold.yaml"
    bad.write_text("- just a list\n", encoding="utf-8")
    analysis = tmp_path / "analysis.json"
    analysis.write_text("{}", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "--gold", str(bad), "--analysis", str(analysis)])
    assert result.exit_code == 2


def test_runs_ingest_and_clean_on_paths(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "t01_port.txt").write_text(
        "Published: March 4, 2025\n\nVeloria grain exports double\n\n"
        "The port authority of Veloria said grain shipments had doubled since the new "
        "terminal opened, easing shortages in three inland provinces.\n\n"
        "Share this article\n\nLeave a comment\n",
        encoding="utf-8",
    )
    args = ["eval", "--gold", str(_gold(tmp_path)), "--json", "-q", "--stages", "none"]
    result = CliRunner().invoke(app, [*args, str(corpus)])
    assert result.exit_code == 0, result.output
    rows = {r["finding"]: r for r in json.loads(result.stdout)["scores"]}
    assert rows["boilerplate_removed"]["recall"] == 1.0
    assert rows["dates"]["recall"] == 1.0
    assert rows["supply_relations"]["support"] == 0
    assert rows["stories"]["note"] == "gold has no story clusters"


def test_load_gold_reads_json_and_yaml_golds_alike(tmp_path: Path, samples_dir: Path) -> None:
    """One loader for hand-written YAML golds and synth's JSON golds (with a comment header)."""
    from wirecheck.evaluate import load_gold
    from wirecheck.synth.gold import write_gold

    hand = samples_dir / "gold.yaml"
    assert load_gold(hand) == yaml.safe_load(hand.read_text(encoding="utf-8"))
    gold = {"articles": {"t01": {"title": "Port reopens # after storm"}}, "dates": {"t01": None}}
    written = tmp_path / "synth-gold.yaml"
    write_gold(gold, written, "invented corpus\nseed 3")
    assert written.read_text(encoding="utf-8").startswith("# invented corpus\n# seed 3\n{")
    assert load_gold(written) == gold == yaml.safe_load(written.read_text(encoding="utf-8"))
    flow_yaml = tmp_path / "flow.yaml"
    flow_yaml.write_text("{articles: {t01: {}}, dates: {t01: 2025-03-04}}\n", encoding="utf-8")
    assert load_gold(flow_yaml) == yaml.safe_load(flow_yaml.read_text(encoding="utf-8"))
    listed = tmp_path / "list.yaml"
    listed.write_text("- not a mapping\n", encoding="utf-8")
    with pytest.raises(ValueError, match="not a gold file"):
        load_gold(listed)
