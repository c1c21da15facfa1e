"""The Python API: ingest_paths, analyze_paths and run (with stages chosen by the caller)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from test_ingest_factories import PARAS
from wirecheck.model import Analysis, Story
from wirecheck.pipeline import Stage
from wirecheck.runner import analyze_paths, ingest_paths, run, with_lists
from wirecheck.settings import Settings
from wirecheck.store import Workspace


def write_corpus(root: Path, count: int) -> list[Path]:
    root.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = root / f"{i:04d}.txt"
        text = f"Zorblax report number {i}\n\n" + "\n\n".join(PARAS) + f"\n\nItem {i} ends.\n"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def test_seeds_ingest_to_one_article_per_gold_key(
    seed_articles: list[Any], gold: dict[str, Any]
) -> None:
    from conftest import seed_key

    assert sorted(seed_key(a) for a in seed_articles) == sorted(gold["articles"])
    again = ingest_paths([str(Path(seed_articles[0].source).parent)], Settings())
    assert sorted(a.id for a in again.articles) == sorted(a.id for a in seed_articles)
    assert again.errors == []


def test_ingest_into_workspace_is_idempotent(tmp_path: Path) -> None:
    write_corpus(tmp_path / "in", 12)
    settings = Settings()
    settings.ingest.batch_size = 5
    with Workspace.open(tmp_path / "ws.duckdb") as workspace:
        first = ingest_paths([str(tmp_path / "in")], settings, workspace)
        second = ingest_paths([str(tmp_path / "in")], settings, workspace)
        assert (first.new, second.new) == (12, 0)
        assert workspace.count("articles") == 12 and workspace.count("raw_documents") == 12
        assert [a.id for a in workspace.iter_articles()] == [a.id for a in first.articles]


def test_same_file_twice_is_one_article(tmp_path: Path) -> None:
    [path] = write_corpus(tmp_path, 1)
    result = ingest_paths([str(path), str(path)], Settings())
    assert len(result.articles) == 1


def _story_stage(analysis: Analysis, settings: Settings) -> Analysis:
    ids = [a.id for a in analysis.articles]
    story = Story(id="s-test", articles=ids, independent_origins=len(ids))
    return analysis.model_copy(update={"stories": [story]})


def test_run_writes_analysis_json_and_records_the_run(tmp_path: Path) -> None:
    write_corpus(tmp_path / "in", 3)
    db = tmp_path / "ws.duckdb"
    stage = Stage("toy", _story_stage)
    calls: list[tuple[str, int, int]] = []
    result = run(
        [str(tmp_path / "in"), str(tmp_path / "missing.txt")],
        tmp_path / "out",
        db,
        stages=[stage],
        progress=lambda *a: calls.append(a),
    )
    data = json.loads((tmp_path / "out" / "analysis.json").read_text(encoding="utf-8"))
    assert data == result.analysis.to_json_dict()
    assert list(data)[:7] == [
        "version",
        "articles",
        "derivations",
        "stories",
        "claims",
        "changes",
        "entities",
    ]
    assert data["version"] == 1 and len(data["articles"]) == 3
    assert data["stories"][0]["independent_origins"] == 3
    assert [e.line() for e in result.errors] == [
        f"{tmp_path / 'missing.txt'}: no such file or directory"
    ]
    assert ("toy", 0, 1) in calls and ("read", 4, 4) in calls
    with Workspace.open(db) as workspace:
        assert workspace.load_analysis().stories == result.analysis.stories
        [record] = workspace.list_runs()
        assert record.finished and record.counts["articles"] == 3 and record.counts["errors"] == 1


def test_analyze_paths_without_stages_is_ingest_only(tmp_path: Path) -> None:
    write_corpus(tmp_path, 2)
    analysis = analyze_paths([str(tmp_path)], Settings(), stages=())
    assert len(analysis.articles) == 2 and analysis.stories == []


def test_lists_reach_the_screen_settings() -> None:
    settings = with_lists(Settings(), ["a.csv", "b.json"])
    assert settings.screen.lists == ["a.csv", "b.json"]
    assert Settings().screen.lists == []
