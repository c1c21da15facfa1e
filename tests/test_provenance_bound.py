"""The derivation decision skips the sentence alignment of pairs that cannot be an edge:
the bound must never be below the real score, so the edges are the same (generated corpus)."""

from __future__ import annotations

from pathlib import Path

import pytest

from wirecheck.model import Article
from wirecheck.provenance.build import candidate_pairs_for
from wirecheck.provenance.edges import derivation, evaluate
from wirecheck.provenance.evidence import PairEvidence, ordered
from wirecheck.provenance.features import best_case, explain, threshold
from wirecheck.provenance.views import (
    DocView,
    attach_lead_vectors,
    attach_sentence_vectors,
    make_views,
)
from wirecheck.runner import ingest_paths
from wirecheck.settings import Settings

SETTINGS = Settings()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Article]:
    from wirecheck.synth import write_corpus

    root: Path = tmp_path_factory.mktemp("bound") / "corpus"
    write_corpus(300, root, seed=5)
    return ingest_paths([str(root)], SETTINGS).articles


def _views_and_pairs(articles: list[Article]) -> tuple[list[DocView], list[PairEvidence]]:
    s = SETTINGS.provenance
    views = make_views(articles, s.shingle_k, s.lead_sentences)
    attach_lead_vectors(views, s.embed_dims, s.lead_sentences)
    pairs, jaccard = candidate_pairs_for(views, s)
    evs = [ordered(views[i], views[j], s, e) for (i, j), e in zip(pairs, jaccard, strict=True)]
    return views, evs


def test_the_best_case_is_never_below_the_score_and_most_pairs_skip_alignment(
    corpus: list[Article],
) -> None:
    views, evs = _views_and_pairs(corpus)
    attach_sentence_vectors(views, SETTINGS.provenance.embed_dims)
    bounds = [best_case(ev) for ev in evs]
    scores = [explain(ev).score for ev in evs]
    assert all(b >= s for b, s in zip(bounds, scores, strict=True))
    edges = sum(s >= threshold() for s in scores)
    skipped = sum(b < threshold() for b in bounds)
    assert edges > 50  # the corpus has copies and rewrites to find
    assert skipped > 0.5 * len(evs)  # and most candidate pairs are no edge, known early
    # the derivation decision reads the bound first and finds the same edges (no pair of
    # this corpus loses its specific markers: the veto has its own test)
    assert sum(derivation(ev) is not None for ev in evs) == edges


def test_evaluation_finds_the_edges_of_scoring_every_pair(corpus: list[Article]) -> None:
    views, evs = _views_and_pairs(corpus)
    s = SETTINGS.provenance
    pairs, jaccard = candidate_pairs_for(views, s)
    found = {
        (r.i, r.j): r.derivation.score
        for r in evaluate(views, pairs, s, jaccard)
        if r.derivation is not None
    }
    views, evs = _views_and_pairs(corpus)  # fresh views: evaluate released the first ones
    attach_sentence_vectors(views, s.embed_dims)
    index = {id(v): k for k, v in enumerate(views)}
    every: dict[tuple[int, int], float] = {}
    for ev in evs:
        e = explain(ev)
        keeps = ev.other_language or ev.specific_kept >= s.derived_specific_min
        if e.score >= threshold() and keeps:
            i, j = sorted((index[id(ev.a)], index[id(ev.b)]))
            every[(i, j)] = e.score
    assert found == every
