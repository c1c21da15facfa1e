"""Story similarity of a pair: same event, whoever wrote it.

Texts of one family are one story (similarity 1). Otherwise the pair is compared by
the lead of its *own* material (sentences shared verbatim that carry no names or numbers,
such as site chrome, a stock quote or a background paragraph, are set aside, so that shared
boilerplate cannot make two leads look alike) and by the salient markers of the whole texts
(names and numbers, quotations blanked): a shared background paragraph carries no
event names, copied event sentences do.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Protocol

import numpy as np
import numpy.typing as npt

from wirecheck.model import Derivation, Explanation, FeatureScore
from wirecheck.provenance.align import sentence_markers
from wirecheck.provenance.event_keys import EventKeys
from wirecheck.provenance.evidence import PairEvidence
from wirecheck.provenance.text import marker_overlap, nested_overlap

# (name, weight): the event similarity is the weighted sum of these values, clipped to [0, 1].
# "few_markers" is a qualifier: texts on one event share names and numbers; two events
# written from one template share wording but not names (own tests: 0.1 vs seeds >= 0.49).
STORY_WEIGHTS = {
    "lead_semantic": 0.4,
    "shared_markers": 0.6,
    "few_markers": -0.3,
    "no_specific_markers": -0.2,
    "far_apart": -0.6,
}
# "far_apart" qualifier: reports of one event appear within days; the synthetic corpus's
# recurring event types (same template, same companies months apart) merged without it.
# It starts at FAR_DAYS apart and is full at twice that.
FAR_DAYS = 7
FEW_MARKERS = 0.25  # marker overlap below which the qualifier starts to count
# "no_specific_markers" qualifier: two events of one beat written alike share its places and
# years (``generic.py``) but none of each other's parties, people or figures. Cut and weight
# chosen by cross-validation over the story folds (docs/provenance.md, "Markers of the beat").
FEW_SPECIFIC = 0.1

# Static-model lead cosines: unrelated news ~0.3-0.45, same event ~0.6-0.9 (own pairs);
# mapped linearly from [COS_FLOOR, COS_CEIL] to [0, 1].
COS_FLOOR, COS_CEIL = 0.4, 0.85


def cosine_value(cos: float) -> float:
    return float(min(1.0, max(0.0, (cos - COS_FLOOR) / (COS_CEIL - COS_FLOOR))))


class StoryPoint(Protocol):
    """What the story link of a member pair reads of a text (a ``DocView`` is one; the Ray
    runner ships just these to the tasks that cluster one component)."""

    @property
    def vector(self) -> npt.NDArray[np.float32] | None: ...
    @property
    def terms(self) -> frozenset[str]: ...
    @property
    def specific(self) -> frozenset[str]: ...
    @property
    def day(self) -> int | None: ...
    @property
    def own_day(self) -> int | None: ...
    @property
    def keys(self) -> EventKeys | None: ...


def days_apart(a: StoryPoint, b: StoryPoint) -> int | None:
    """Days between the two publication dates the texts carry themselves (None when either
    is undated or took its date whole from a similar article: ``clean.datebatch.own_date``)."""
    if a.own_day is None or b.own_day is None:
        return None
    return abs(a.own_day - b.own_day)


def specific_shared(a: StoryPoint, b: StoryPoint) -> float:
    """Overlap of the two texts' specific markers. Below the cut, a short form held by a long
    one counts too ("Altquist Components LLC" in "Altquist Components LLC of Thailand": a
    summary keeps the long forms); above it the qualifier reads nothing more, and the exact
    overlap is all the ~1M pairs of a large batch pay for."""
    exact = marker_overlap(a.specific, b.specific)
    return exact if exact >= FEW_SPECIFIC else nested_overlap(a.specific, b.specific)


def _values(cos: float, markers: float, specific: float, apart: int | None) -> dict[str, float]:
    few = max(0.0, FEW_MARKERS - markers) / FEW_MARKERS
    far = 0.0 if apart is None else min(1.0, max(0, apart - FAR_DAYS) / FAR_DAYS)
    return {
        "lead_semantic": cosine_value(cos),
        "shared_markers": markers,
        "few_markers": few,
        "no_specific_markers": max(0.0, FEW_SPECIFIC - specific) / FEW_SPECIFIC,
        "far_apart": far,
    }


def combine(
    cos: float,
    markers: float,
    specific: float,
    apart: int | None,
    notes: Sequence[str] = ("", ""),
) -> Explanation:
    """The event similarity with every value; ``specific``: the overlap of the markers that
    are neither years nor places."""
    values = _values(cos, markers, specific, apart)
    days = f"{apart} days" if apart is not None else "undated"
    labels = (*notes[:2], "qualifier", f"qualifier: {specific:.2f} shared", days)
    feats = [
        FeatureScore(name=name, value=round(values[name], 4), weight=weight, note=note)
        for (name, weight), note in zip(STORY_WEIGHTS.items(), labels, strict=True)
    ]
    score = round(min(1.0, max(0.0, sum(f.contribution for f in feats))), 4)
    return Explanation(score=score, features=feats, summary="same event (own material)")


def combine_score(cos: float, markers: float, specific: float, apart: int | None) -> float:
    """``combine(...).score`` without building the Explanation (same arithmetic, same
    rounding): the batch path scores ~1M pairs and keeps only the number."""
    values = _values(cos, markers, specific, apart)
    total = sum(round(values[name], 4) * weight for name, weight in STORY_WEIGHTS.items())
    return round(min(1.0, max(0.0, total)), 4)


Vectors = Mapping[str, npt.NDArray[np.float32]]


def event_similarity(
    ev: PairEvidence, edge: Derivation | None, encoded: Vectors | None = None
) -> tuple[float, Explanation]:
    """Story similarity of a candidate pair with its explanation (``encoded``: lead
    vectors already computed in batch by ``encode_own_leads``, looked up by text)."""
    if edge is not None:
        feat = FeatureScore(name="same_family", value=1.0, weight=1.0, note=edge.kind.value)
        return 1.0, Explanation(score=1.0, features=[feat], summary=f"{edge.kind.value} edge")
    cos, notes = _pair_cosine(ev, encoded)
    expl = combine(cos, ev.term_overlap, specific_shared(ev.a, ev.b), days_apart(ev.a, ev.b), notes)
    return expl.score, expl


def event_score(ev: PairEvidence, edge: Derivation | None, encoded: Vectors | None = None) -> float:
    """``event_similarity(ev, edge, encoded)[0]`` without building the Explanation."""
    if edge is not None:
        return 1.0
    cos, _ = _pair_cosine(ev, encoded)
    return combine_score(cos, ev.term_overlap, specific_shared(ev.a, ev.b), days_apart(ev.a, ev.b))


def _pair_cosine(ev: PairEvidence, encoded: Vectors | None) -> tuple[float, tuple[str, str]]:
    if not ev.lead_shared:  # the leads are each text's own: compare them whole
        return ev.lead_cosine, ("whole lead", "whole text")
    ta, tb = own_leads(ev)
    return _cosine(ta, tb, ev.settings.embed_dims, encoded), (
        "lead of unshared sentences",
        "whole text",
    )


def own_leads(ev: PairEvidence, lead: int = 3) -> tuple[str, str]:
    """The two leads once shared sentences without names or numbers (chrome, stock quote,
    background) are set aside; shared sentences that carry markers are event content."""
    marks_a, marks_b = sentence_markers(ev.a), sentence_markers(ev.b)
    shared_a = {m.a for m in ev.lexical if not marks_a[m.a]}
    shared_b = {m.b for m in ev.lexical if not marks_b[m.b]}
    own_a = [i for i in range(len(ev.a.sentences)) if i not in shared_a]
    own_b = [j for j in range(len(ev.b.sentences)) if j not in shared_b]
    ta = " ".join(ev.a.sentences[i].text for i in own_a[:lead])
    tb = " ".join(ev.b.sentences[j].text for j in own_b[:lead])
    return ta, tb


def encode_own_leads(texts: Iterable[str], dims: int) -> dict[str, npt.NDArray[np.float32]]:
    """Static vectors of distinct lead texts in one batch (one tokenizer call instead of
    one per pair: per-call overhead was ~20% of the stage at 10k articles)."""
    from wirecheck.provenance.static_model import static_model

    todo = sorted({t for t in texts if t})
    if not todo:
        return {}
    vecs = static_model(dims).encode(todo, use_multiprocessing=False)
    return {t: np.asarray(v, dtype=np.float32) for t, v in zip(todo, vecs, strict=True)}


def _cosine(ta: str, tb: str, dims: int, encoded: Vectors | None) -> float:
    """Cosine of two lead texts (encoded on demand when not in ``encoded``: only pairs whose
    leads share material get here)."""
    from wirecheck.provenance.static_model import static_model

    if not ta or not tb:
        return 0.0
    if encoded is not None and ta in encoded and tb in encoded:
        va, vb = encoded[ta], encoded[tb]
    else:
        va, vb = static_model(dims).encode([ta, tb], use_multiprocessing=False)
    return float(np.dot(va, vb))


def cheap_similarity(a: StoryPoint, b: StoryPoint) -> float:
    """The same measure on whole texts, for member pairs no candidate search proposed."""
    cos = (
        float(np.dot(a.vector, b.vector)) if a.vector is not None and b.vector is not None else 0.0
    )
    markers = marker_overlap(a.terms, b.terms)
    return combine_score(cos, markers, specific_shared(a, b), days_apart(a, b))
