"""``wirecheck eval`` end to end: the main job on the seeds, scored against gold.yaml.

Floors are pinned from measured scores (they only go up). The cleaning rows are exact:
every gold chrome line out, no body line lost, captions and dates right.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from wirecheck.evaluate import EvalReport, evaluate
from wirecheck.model import Analysis

# (finding, precision floor, recall floor), measured on the seeds: see the report.
FLOORS = [
    ("boilerplate_removed", 1.0, 1.0),
    ("body_lines_kept", 1.0, 1.0),
    ("captions", 1.0, 1.0),
    ("dates", 1.0, 1.0),
    ("stories", 0.9, 0.9),
    ("families", 0.9, 0.9),
    ("independent_origins", 0.9, 0.9),
    ("supply_relations", 0.5, 0.9),
    ("supply_end_use", 0.5, 0.9),
    ("supply_articles", 0.9, 0.9),
    ("quantities", 0.8, 0.8),
    ("conflicts", 0.9, 0.9),
    ("single_source_facts", 0.7, 0.7),
    ("introduced_changes", 0.6, 0.6),
    ("entity_groups", 0.8, 0.8),
]


@pytest.fixture(scope="session")
def seed_report(seed_analysis: Analysis, gold: dict[str, Any]) -> EvalReport:
    return evaluate(seed_analysis, gold, gold_name="seeds")


@pytest.mark.slow
@pytest.mark.parametrize(("finding", "precision", "recall"), FLOORS)
def test_seed_scores_stay_above_floors(
    seed_report: EvalReport, finding: str, precision: float, recall: float
) -> None:
    row = seed_report.score(finding)
    assert row.support > 0, finding
    assert row.precision >= precision and row.recall >= recall, (finding, row.misses)


@pytest.mark.slow
def test_every_seed_article_is_keyed(seed_report: EvalReport) -> None:
    assert seed_report.articles == seed_report.matched_articles == 5


@pytest.mark.slow
def test_cli_scores_an_analysis_file(
    seed_analysis: Analysis, seeds_dir: Path, tmp_path: Path
) -> None:
    from wirecheck.cli import app

    path = tmp_path / "analysis.json"
    path.write_text(json.dumps(seed_analysis.to_json_dict()), encoding="utf-8")
    gold = str(seeds_dir / "gold.yaml")
    result = CliRunner().invoke(app, ["eval", "--gold", gold, "--analysis", str(path), "--json"])
    assert result.exit_code == 0, result.output
    rows = {r["finding"]: r for r in json.loads(result.stdout)["scores"]}
    assert rows["boilerplate_removed"]["recall"] == 1.0
    assert {"precision", "recall", "f1", "tp", "fp", "fn", "support"} <= set(rows["stories"])
    table = CliRunner().invoke(app, ["eval", "--gold", gold, "--analysis", str(path)])
    assert table.exit_code == 0 and "boilerplate_removed" in table.stdout


@pytest.mark.slow
@pytest.mark.parametrize(
    "finding", ["boilerplate_removed", "body_lines_kept", "captions", "site_summaries", "dates"]
)
def test_sample_corpus_cleaning_is_exact(
    sample_analysis: Analysis, samples_dir: Path, finding: str
) -> None:
    from wirecheck.evaluate import load_gold

    report = evaluate(sample_analysis, load_gold(samples_dir / "gold.yaml"))
    row = report.score(finding)
    assert row.support > 0 and row.precision == row.recall == 1.0, row.misses
