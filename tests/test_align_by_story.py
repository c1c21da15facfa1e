"""The align stage a batch of whole stories at a time gives what one call over the corpus
gives (claim groups, changes, derived mentions: the same records in the same order)."""

from __future__ import annotations

from pathlib import Path

import pytest

from wirecheck.align import align_claims
from wirecheck.align.by_story import align_by_story, story_batches
from wirecheck.incremental.stories import canonical_order
from wirecheck.model import Analysis
from wirecheck.pipeline import ALIGN, EXTRACT, PROVENANCE, analyze
from wirecheck.runner import ingest_paths
from wirecheck.settings import Settings


def _extracted(paths: list[str]) -> Analysis:
    settings = Settings()
    articles = ingest_paths(paths, settings).articles
    return analyze(Analysis(articles=articles), settings, [PROVENANCE, EXTRACT])


def _same_results(analysis: Analysis, max_articles: int) -> None:
    settings = Settings().align
    whole = align_claims(analysis, settings)
    batched = align_by_story(analysis, settings, max_articles)
    assert canonical_order(analysis, batched.claims, batched.changes, batched.mentions) == (
        canonical_order(analysis, whole.claims, whole.changes, whole.mentions)
    )


def test_sample_corpus_one_story_per_batch_equals_one_call(samples_dir: Path) -> None:
    analysis = _extracted([str(samples_dir / "corpus")])
    batches = list(story_batches(analysis, max_articles=1))
    assert len(batches) == len({a.story for a in analysis.articles}) > 3
    assert sum(len(b.articles) for b in batches) == len(analysis.articles)
    assert all(len({a.story for a in b.articles}) == 1 for b in batches)
    _same_results(analysis, max_articles=1)


@pytest.mark.slow
def test_generated_corpus_in_small_batches_equals_one_call(tmp_path: Path) -> None:
    from wirecheck.synth import write_corpus

    write_corpus(150, tmp_path, seed=9)
    (tmp_path / "gold.yaml").unlink()  # the gold is not coverage
    analysis = _extracted([str(tmp_path)])
    sizes = [len(b.articles) for b in story_batches(analysis, max_articles=20)]
    assert len(sizes) > 5 and sum(sizes) == len(analysis.articles)
    _same_results(analysis, max_articles=20)
    # and the stage itself: its lists are those of the whole-corpus call, in story order
    staged = ALIGN.run(analysis, Settings())
    whole = align_claims(analysis, Settings().align)
    claims, changes, _ = canonical_order(analysis, whole.claims, whole.changes, whole.mentions)
    assert (staged.claims, staged.changes) == (claims, changes) and claims
