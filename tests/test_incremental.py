"""Incremental runs equal a full run over all articles (ids included), whatever the order in
which batches arrive; extraction is reused; the stored analysis stays consistent."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest

from wirecheck.provenance.multilingual import sentence_vectors
from wirecheck.runner import ingest_paths, run
from wirecheck.settings import Settings
from wirecheck.store import Workspace

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "corpus"
REALDEV = Path(__file__).resolve().parents[2] / "shared" / "realdev"


def _files(folder: Path) -> list[str]:
    return sorted(str(p) for p in folder.rglob("*") if p.is_file() and p.name != "gold.yaml")


def _full(folder: Path, files: list[str], out: Path) -> dict[str, Any]:
    """A run over every file at once, in folder order (as ``wirecheck run FOLDER``)."""
    return run(files, out / "full", out / "full.duckdb").analysis.to_json_dict()


def _batched(batches: list[list[str]], out: Path, name: str) -> dict[str, Any]:
    for batch in batches:
        result = run(batch, out / name, out / f"{name}.duckdb")
    with Workspace.open(out / f"{name}.duckdb") as workspace:
        assert workspace.load_analysis() == result.analysis  # what was reported is stored
    return result.analysis.to_json_dict()


def _split(files: list[str], parts: int, seed: int) -> list[list[str]]:
    shuffled = files[:]
    random.Random(seed).shuffle(shuffled)
    return [shuffled[n::parts] for n in range(parts)]


def test_sample_corpus_in_batches_equals_one_run(tmp_path: Path) -> None:
    files = _files(SAMPLES)
    full = _full(SAMPLES, files, tmp_path)
    assert full["stories"] and full["claims"]
    forward = [files[:6], files[6:12], files[12:]]
    assert _batched(forward, tmp_path, "forward") == full
    assert _batched(_split(files, 4, seed=1), tmp_path, "shuffled") == full


@pytest.mark.slow
def test_generated_corpus_in_batches_in_any_order_equals_one_run(tmp_path: Path) -> None:
    from wirecheck.synth import write_corpus

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    write_corpus(120, corpus, seed=5)
    files = _files(corpus)
    full = _full(corpus, files, tmp_path)
    assert len(full["articles"]) == 120 and len(full["stories"]) > 5
    for seed in (2, 3):
        assert _batched(_split(files, 3, seed), tmp_path, f"order{seed}") == full
    # the last batch re-aligned only the stories that gained or changed articles
    forward = [files[:100], files[100:]]
    last = _batched(forward, tmp_path, "forward")
    assert last == full
    with Workspace.open(tmp_path / "forward.duckdb") as workspace:
        sql = "SELECT count(*) FROM stage_cache WHERE kind = 'align-story'"
        row = workspace._reader().execute(sql).fetchone()
    first_stories = len(run(files[:100], tmp_path / "first", None).analysis.stories)
    assert row is not None and row[0] < first_stories + len(full["stories"])


def test_later_runs_reuse_extraction_and_write_one_step(tmp_path: Path) -> None:
    from wirecheck.incremental import analyse_step, content_key

    files = _files(SAMPLES)
    db = tmp_path / "ws.duckdb"
    first = run(files[:9], tmp_path / "out", db).analysis
    with Workspace.open(db) as workspace:
        raw, cached = workspace.count("raw_documents"), workspace.count("extract_cache")
        assert cached == len(first.articles)
        step = analyse_step(workspace, files[9:], Settings())
        # articles whose cleaned content did not change with the new ones (the cleaner is
        # corpus-level: chrome lines, dates borrowed from similar articles) are reused
        unchanged = {content_key(a) for a in first.articles} & {
            content_key(a) for a in step.analysis.articles
        }
        assert step.reused == len(unchanged) >= 5
        assert len(step.extractions) == len(step.analysis.articles) - step.reused
        assert len(step.analysis.articles) == raw + len(step.new_documents)
        # evaluated pairs and the claim groups of unchanged stories come from the workspace;
        # only new pairs and stories that gained or changed articles were computed
        pairs, stories = step.results[:2]
        assert pairs.reused > 0  # (on this small corpus every story gains an article)
        assert stories.reused + len(stories.new) == len(step.analysis.stories)
        # nothing is written until the step is saved
        assert workspace.count("raw_documents") == raw
        assert workspace.count("extract_cache") == cached


def test_load_analysis_returns_the_articles_the_analysis_covers(tmp_path: Path) -> None:
    files = _files(SAMPLES)
    db = tmp_path / "ws.duckdb"
    analysed = run(files[:9], tmp_path / "out", db).analysis
    with Workspace.open(db) as workspace:
        ingest_paths(files[9:], Settings(), workspace)  # stored, not analysed yet
        assert workspace.count("articles") > len(analysed.articles)
        loaded = workspace.load_analysis()
    assert loaded == analysed
    covered = {a.id for a in loaded.articles}
    assert {m.article for m in loaded.mentions} <= covered
    assert {a for s in loaded.stories for a in s.articles} == covered


def test_an_interrupted_step_leaves_the_workspace_as_before(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wirecheck.incremental import analyse_step, save_step

    files = _files(SAMPLES)
    db = tmp_path / "ws.duckdb"
    before = run(files[:9], tmp_path / "out", db).analysis
    with Workspace.open(db) as workspace:
        raw, stored = workspace.count("raw_documents"), workspace.count("articles")
        step = analyse_step(workspace, files[9:], Settings())

        def interrupted(*args: object) -> None:
            raise KeyboardInterrupt  # Ctrl-C after the raw documents and articles were written

        monkeypatch.setattr(workspace, "save_extractions", interrupted)
        with pytest.raises(KeyboardInterrupt):
            save_step(workspace, step)
        assert workspace.count("raw_documents") == raw and workspace.count("articles") == stored
        assert workspace.load_analysis() == before
        monkeypatch.undo()
        save_step(workspace, step)
        assert workspace.load_analysis() == step.analysis


@pytest.mark.slow
def test_multilingual_coverage_in_two_batches_equals_one_run_and_reencodes_only_new_sentences(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Real coverage in five languages (read from ../shared/realdev): the translation step's
    sentence vectors of the first batch are read back from the workspace, not encoded again."""
    from wirecheck.incremental import pairs
    from wirecheck.provenance import translations

    topic = REALDEV / "taiwanquake"
    if not topic.is_dir():
        pytest.fail(f"realdev not found at {topic} (CI provides ../shared)")
    files = _files(topic)[:22]
    encoded: list[int] = []

    def counting(texts: Any) -> Any:
        encoded.append(len(texts))
        return sentence_vectors(texts)

    monkeypatch.setattr(translations, "sentence_vectors", counting)  # a full run's encoder
    monkeypatch.setattr(pairs, "sentence_vectors", counting)  # an incremental step's
    full = _full(topic, files, tmp_path)
    full_encoded = sum(encoded)
    assert len({a["language"] for a in full["articles"]}) >= 4 and full_encoded > 0
    first = _batched([files[:16]], tmp_path, "steps")
    assert first["articles"]
    encoded.clear()
    assert _batched([files[16:]], tmp_path, "steps") == full
    assert sum(encoded) < full_encoded / 2  # only the new texts' sentences
