"""Translation edges: a text in one language that follows another sentence by sentence.

Runs inside each story that holds texts of more than one language, after the story is
built (so it never moves a text between stories). Two texts of different languages are
a translation pair when enough of the shorter one's sentences align, **in order**, with
sentences of the other, each match being:

- unusually close for that sentence: its multilingual similarity (``multilingual.py``)
  stands ``translation_z_min`` standard deviations above the sentence's similarity to the
  story's other texts in the partner's language (an independent report of one event in
  that language says the same things in other sentences; a translation says them in the
  same sentence, so only the translation stands out);
- of the same figures: a sentence pair whose figures are both present and disjoint
  (language-free, ``event_keys.figures``) never matches.

Thresholds (``settings.translation_*``) are fitted on the realdev topics, leave-one-topic-
out (docs/provenance.md, "Translations").
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

import numpy as np
import numpy.typing as npt

from wirecheck.model import (
    AlignedPassage,
    Article,
    Derivation,
    DerivationKind,
    Explanation,
    FeatureScore,
    Passage,
)
from wirecheck.provenance.event_keys import figures
from wirecheck.provenance.multilingual import sentence_vectors
from wirecheck.provenance.sentence_background import EncodedText, StoryBackground
from wirecheck.provenance.text import Sentence, sentences
from wirecheck.settings.provenance import ProvenanceSettings

F32 = npt.NDArray[np.float32]
# Sentences -> one unit-length row each: ``multilingual.sentence_vectors``, or an incremental
# run's version that reads vectors it stored in the workspace (``incremental/pairs.py``).
Encoder = Callable[[Sequence[str]], F32]
_EVIDENCE_PASSAGES = 3
_UNKNOWN_LANGUAGE = "und"


@dataclass(frozen=True)
class _Match:
    i: int  # sentence of the first text
    j: int  # sentence of the second
    z: float
    cosine: float


def translation_edges(
    stories: Sequence[Sequence[Article]],
    settings: ProvenanceSettings,
    family_of: Mapping[str, str] | None = None,
    encoder: Encoder = sentence_vectors,
) -> list[Derivation]:
    """Translation derivations inside every story written in more than one language;
    ``family_of`` (article id -> origin family) keeps copies out of the background and
    skips pairs already in one family; ``encoder`` gives the sentence vectors."""
    if settings.translation_min_matches > settings.translation_max_sentences:
        return []  # the step is switched off: no pair can reach the count
    family_of = family_of or {}
    edges: list[Derivation] = []
    for members in stories:
        if len({language_of(a) for a in members}) > 1:
            edges.extend(_story_edges(members, settings, family_of, encoder))
    return edges


def language_of(article: Article) -> str:
    return article.language or _UNKNOWN_LANGUAGE


def _story_edges(
    members: Sequence[Article],
    settings: ProvenanceSettings,
    family_of: Mapping[str, str],
    encoder: Encoder,
) -> list[Derivation]:
    texts = [t for t in encode_texts(members, settings, encoder) if t.sentences]
    background = StoryBackground(texts, family_of)
    found = []
    for x, y in combinations(texts, 2):
        shorter = min(len(x.sentences), len(y.sentences))
        joined = _family(x, family_of) == _family(y, family_of)
        if x.language != y.language and shorter >= settings.translation_min_matches and not joined:
            edge = _pair_edge(x, y, background, settings)
            if edge is not None:
                found.append(edge)
    return found


def _family(text: EncodedText, family_of: Mapping[str, str]) -> str:
    return family_of.get(text.article.id, text.article.id)


def encode_texts(
    members: Sequence[Article], settings: ProvenanceSettings, encoder: Encoder = sentence_vectors
) -> list[EncodedText]:
    """Every member's sentences and their vectors (one encoder call per story)."""
    picked = [_sentences(a.body, settings) for a in members]
    vectors = encoder([s.text for ss in picked for s in ss])
    out, at = [], 0
    for article, ss in zip(members, picked, strict=True):
        found = [figures(s.text) for s in ss]
        out.append(EncodedText(article, language_of(article), ss, found, vectors[at:at + len(ss)]))
        at += len(ss)
    return out


def _sentences(body: str, settings: ProvenanceSettings) -> list[Sentence]:
    """Sentences long enough to say something (not a dateline or a photo credit), the
    first ``translation_max_sentences`` of them (the encoder's cost bound)."""
    kept = [s for s in sentences(body) if len(s.text) > settings.translation_sentence_chars]
    return kept[: settings.translation_max_sentences]


def _pair_edge(
    x: EncodedText, y: EncodedText, background: StoryBackground, settings: ProvenanceSettings
) -> Derivation | None:
    z = pair_z(x, y, background)
    if z is None:
        return None
    matches = monotone_matches(z, settings.translation_z_min)
    share = len(matches) / min(len(x.sentences), len(y.sentences))
    if len(matches) < settings.translation_min_matches or share < settings.translation_min_share:
        return None
    cosines = x.vectors @ y.vectors.T
    found = [_Match(i, j, float(z[i, j]), float(cosines[i, j])) for i, j in matches]
    return _derivation(x, y, found, share, settings)


def pair_z(x: EncodedText, y: EncodedText, background: StoryBackground) -> F32 | None:
    """Sentence-pair similarity in standard deviations above each sentence's similarity to
    the story's other texts (those in the partner's language when there are any), the
    smaller of the two directions, -inf where the figures disagree; None when the story
    has no other text to compare with."""
    xy = _standardised(x, y, background)
    yx = _standardised(y, x, background)
    if xy is None or yx is None:
        return None
    return np.where(_figures_agree(x, y), np.minimum(xy, yx.T), -np.inf).astype(np.float32)


def _standardised(x: EncodedText, y: EncodedText, background: StoryBackground) -> F32 | None:
    spread = background.of(x, y)
    if spread is None:
        return None
    mean, deviation = spread
    return np.asarray((x.vectors @ y.vectors.T - mean[:, None]) / deviation[:, None], np.float32)


def _figures_agree(x: EncodedText, y: EncodedText) -> npt.NDArray[np.bool_]:
    agree = np.ones((len(x.figures), len(y.figures)), dtype=bool)
    for i, fx in enumerate(x.figures):
        if fx:
            for j, fy in enumerate(y.figures):
                if fy and fx.isdisjoint(fy):
                    agree[i, j] = False
    return agree


def monotone_matches(z: npt.NDArray[np.floating], z_min: float) -> list[tuple[int, int]]:
    """The most sentence pairs above ``z_min`` that keep both texts' order (ties: the
    higher summed z), as (row, column) pairs in order. Hand-written: a weighted longest
    common subsequence over a small matrix (<= 40 x 40), one numpy pass per row."""
    rows, cols = z.shape
    # a match counts 1; its z adds < 1 in total, so it only breaks ties between equal counts
    gain = np.where(z > z_min, 1.0 + 1e-3 * np.minimum(z - z_min, 10.0), 0.0)
    best = np.zeros((rows + 1, cols + 1))
    for i in range(1, rows + 1):
        take = np.maximum(best[i - 1, 1:], best[i - 1, :-1] + gain[i - 1])
        best[i, 1:] = np.maximum.accumulate(take)
    return _trace(best, gain)


def _trace(best: npt.NDArray[np.float64], gain: npt.NDArray[np.float64]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    i, j = gain.shape
    while i > 0 and j > 0:
        if best[i, j] == best[i - 1, j]:
            i -= 1
        elif best[i, j] == best[i, j - 1]:
            j -= 1
        else:
            out.append((i - 1, j - 1))
            i, j = i - 1, j - 1
    return out[::-1]


def _derivation(
    x: EncodedText, y: EncodedText, found: list[_Match], share: float, settings: ProvenanceSettings
) -> Derivation:
    derived, source, reason = _direction(x, y)
    flip = derived is y
    passages = [_passage(x, y, m, flip) for m in found]
    return Derivation(
        derived=derived.article.id,
        source=source.article.id,
        kind=DerivationKind.TRANSLATION,
        score=round(share, 4),
        evidence=[p.derived.text for p in passages[:_EVIDENCE_PASSAGES]],
        passages=passages,
        explanation=_explanation(found, share, x, y, settings),
        direction=reason,
    )


def _direction(x: EncodedText, y: EncodedText) -> tuple[EncodedText, EncodedText, str]:
    """(derived, source, why): English is the wires' working language, so the English
    text is the source; else the earlier dated one; else the longer one."""
    dx, dy = x.article.date or "9999", y.article.date or "9999"
    if (x.language == "en") != (y.language == "en"):
        x_first, why = x.language == "en", "the English text is the source"
    elif dx != dy:
        x_first, why = dx < dy, "the earlier text is the source"
    else:
        x_first = len(x.article.body) >= len(y.article.body)
        why = "same date, the longer text is the source"
    source, derived = (x, y) if x_first else (y, x)
    return derived, source, "translation: " + why


def _passage(x: EncodedText, y: EncodedText, m: _Match, flip: bool) -> AlignedPassage:
    a = _span(x, x.sentences[m.i])
    b = _span(y, y.sentences[m.j])
    derived, source = (b, a) if flip else (a, b)
    return AlignedPassage(
        derived=derived, source=source, similarity=round(m.cosine, 4), channel="multilingual"
    )


def _span(text: EncodedText, s: Sentence) -> Passage:
    return Passage(article=text.article.id, start=s.start, end=s.end, text=s.text)


def _explanation(
    found: list[_Match], share: float, x: EncodedText, y: EncodedText, settings: ProvenanceSettings
) -> Explanation:
    shorter = min(len(x.sentences), len(y.sentences))
    feats = [
        FeatureScore(
            name="sentences_in_order", value=float(len(found)), weight=0.0,
            note=f">= {settings.translation_min_matches} needed: sentence pairs above "
            f"{settings.translation_z_min} standard deviations, figures agreeing, in order",
        ),
        FeatureScore(
            name="aligned_share", value=round(share, 4), weight=1.0,
            note=f"of the shorter text's {shorter} sentences (>= "
            f"{settings.translation_min_share} needed)",
        ),
        FeatureScore(
            name="weakest_match_z", value=round(min(m.z for m in found), 2), weight=0.0,
            note="standard deviations above the sentence's similarity to the story's other texts",
        ),
    ]
    summary = (
        f"translation ({x.language} / {y.language}): {len(found)} of {shorter} sentences "
        "follow each other in order, each well above its similarity to the story's other texts"
    )
    return Explanation(score=round(share, 4), features=feats, summary=summary)
