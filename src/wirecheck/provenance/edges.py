"""Evaluate candidate pairs: a derivation edge when the evidence says one text derives
from the other, and a story similarity for every pair."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from wirecheck.model import Derivation
from wirecheck.provenance.align import passages, unmatched_passages
from wirecheck.provenance.direction import direction, kind
from wirecheck.provenance.evidence import PairEvidence, ordered
from wirecheck.provenance.features import (
    DERIVATION_FEATURES,
    best_case,
    explanation_of,
    feature_values,
    fitted_model,
    score_of,
    threshold,
)
from wirecheck.provenance.story_features import encode_own_leads, event_score, own_leads
from wirecheck.provenance.views import DocView, attach_sentence_vectors
from wirecheck.settings.provenance import ProvenanceSettings

_CHUNK_ROWS = 20_000  # pairs per evaluation chunk (memory vs batching of embeddings)
_EVIDENCE_PASSAGES = 5  # passages quoted in the SPEC ``evidence`` list (all are in ``passages``)


@dataclass(slots=True)
class PairResult:
    i: int
    j: int
    derivation: Derivation | None
    story_similarity: float
    # the pair's story-similarity Explanation is not kept: 700k pydantic objects at 100k
    # articles cost >1 GB; ``story_features.event_similarity(ev, edge)`` recomputes it for one pair


def derivation(ev: PairEvidence) -> Derivation | None:
    """The edge ``derived -> source`` if the evidence shows one text derives from the other:
    the fitted logistic score of the declared features reaches the fitted threshold."""
    return _edge(ev) if could_be_edge(ev) else None


def could_be_edge(ev: PairEvidence) -> bool:
    """Whether the pair can be an edge before its sentence alignment is computed: the text
    with fewer specific markers keeps enough of them in the other (one language: names
    change script in a translation), and its best-case score reaches the threshold."""
    if not ev.other_language and ev.specific_kept < ev.settings.derived_specific_min:
        return False  # another event's text written alike: the template, not the facts
    return best_case(ev) >= threshold()  # else no alignment can make it an edge


def _edge(ev: PairEvidence) -> Derivation | None:
    """``derivation`` for a pair that ``could_be_edge``."""
    values = feature_values(ev)
    if score_of(values) < threshold():
        return None
    expl = explanation_of(values, DERIVATION_FEATURES, fitted_model())
    d = direction(ev)
    flip = d.derived is not ev.a
    al = ev.alignment
    pas = passages(ev.a, ev.b, al)
    if flip:
        pas = [p.model_copy(update={"derived": p.source, "source": p.derived}) for p in pas]
    added = unmatched_passages(d.derived, al.b_unmatched if flip else al.a_unmatched)
    dropped = unmatched_passages(d.source, al.a_unmatched if flip else al.b_unmatched)
    return Derivation(
        derived=d.derived.id,
        source=d.source.id,
        kind=kind(ev, d),
        score=expl.score,
        evidence=[p.derived.text for p in sorted(pas, key=lambda p: -len(p.derived.text))][
            :_EVIDENCE_PASSAGES
        ],
        passages=pas,
        added=added,
        dropped=dropped,
        explanation=expl,
        direction=d.reason,
    )


def evaluate(
    views: Sequence[DocView],
    pairs: np.ndarray,
    settings: ProvenanceSettings,
    jaccard: np.ndarray | None = None,
) -> list[PairResult]:
    """Derivation edge (or none) and story similarity of every candidate pair.

    Pairs come sorted by their first row ``i`` (and ``j > i``), so once the pairs of rows
    up to ``i`` are done, view ``i`` is never needed again: its sentence vectors and
    trigram index are dropped chunk by chunk, which keeps memory flat at 100k articles."""
    out: list[PairResult] = []
    released = 0
    for lo, hi in _chunks(pairs[:, 0] if len(pairs) else np.zeros(0, np.int64), _CHUNK_ROWS):
        rows = pairs[lo:hi].tolist()  # per chunk: 1.27M [i, j] lists at 100k took ~200 MB
        est = [None] * len(rows) if jaccard is None else jaccard[lo:hi].tolist()
        out.extend(_evaluate_chunk(views, rows, est, settings))
        last = rows[-1][0]  # chunks end where the first row changes
        for view in views[released : last + 1]:
            view.release()
        released = max(released, last + 1)
    return out


def _evaluate_chunk(
    views: Sequence[DocView],
    rows: list[list[int]],
    est: list[float | None],
    settings: ProvenanceSettings,
) -> list[PairResult]:
    evs = [ordered(views[i], views[j], settings, e) for (i, j), e in zip(rows, est, strict=True)]
    # sentence vectors serve the alignment, which only pairs that could be an edge read
    reach = [could_be_edge(ev) for ev in evs]
    needed = {id(v): v for ev, r in zip(evs, reach, strict=True) if r for v in (ev.a, ev.b)}
    attach_sentence_vectors(list(needed.values()), settings.embed_dims)
    edges = [_edge(ev) if r else None for ev, r in zip(evs, reach, strict=True)]
    encoded = _encode_leads(evs, edges, settings.embed_dims)
    return [
        PairResult(i, j, edge, event_score(ev, edge, encoded))
        for (i, j), ev, edge in zip(rows, evs, edges, strict=True)
    ]


def _encode_leads(
    evs: Sequence[PairEvidence], edges: Sequence[Derivation | None], dims: int
) -> dict[str, np.ndarray]:
    """Own-lead vectors of the chunk's non-family pairs whose leads share material, in one
    batch (``event_score`` would otherwise encode them pair by pair)."""
    texts = (
        t
        for ev, edge in zip(evs, edges, strict=True)
        if edge is None and ev.lead_shared
        for t in own_leads(ev)
    )
    return encode_own_leads(texts, dims)


def _chunks(first: np.ndarray, size: int) -> list[tuple[int, int]]:
    """Consecutive ranges of about ``size`` pairs that end where the first row changes."""
    bounds: list[tuple[int, int]] = []
    lo, n = 0, len(first)
    while lo < n:
        hi = min(lo + size, n)
        while hi < n and first[hi] == first[hi - 1]:
            hi += 1
        bounds.append((lo, hi))
        lo = hi
    return bounds
