"""Passage alignment of a candidate pair, in the spirit of passim's text-reuse alignment.

Sentences of the two bodies are matched lexically (shared word trigrams, which allows
sentence splits, merges and light edits) and, for what is left, semantically (static
sentence embeddings: rewrites, paraphrases, translations). Adjacent matches merge
into longer passages. Every passage is a real character span of its article body.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import xxhash

from wirecheck.model import AlignedPassage, Passage
from wirecheck.provenance.minhash import U64, in_sorted
from wirecheck.provenance.text import Sentence, normalise, salient_terms
from wirecheck.provenance.views import DocView, SentenceTrigrams, positional_grams
from wirecheck.settings.provenance import ProvenanceSettings

_TOKEN = re.compile(r"\w+(?:['.]\w+)*")


@dataclass
class Match:
    a: int  # sentence index in view a
    b: int  # sentence index in view b
    similarity: float
    channel: str


@dataclass
class Alignment:
    """Sentence matches of a pair plus the unmatched sentences of each side."""

    matches: list[Match]
    a_unmatched: list[int]
    b_unmatched: list[int]
    a_cover: float  # share of a's characters in matched sentences
    b_cover: float
    a_lexical_cover: float
    b_lexical_cover: float


def prose_trigrams(text: str) -> U64:
    """Hashes of the word trigrams of ``text`` that hold at least two lower-case words.

    Lists of names and numbers ("Acme Corp. of Ruritania, Bolt Ltd. of ...") are what
    independent reports share verbatim; copied prose carries its function words along."""
    toks = _TOKEN.findall(normalise(text))
    if len(toks) < 3:
        return np.zeros(0, dtype=np.uint64)
    prose = [t[0].islower() for t in toks]
    grams = [
        xxhash.xxh64_intdigest(" ".join(toks[i : i + 3]).lower().encode())
        for i in range(len(toks) - 2)
        if prose[i] + prose[i + 1] + prose[i + 2] >= 2
    ]
    return np.unique(np.array(grams, dtype=np.uint64))


def sentence_trigrams(view: DocView) -> SentenceTrigrams:
    """The view's sentence trigram index (built once per view, kept on it)."""
    if view.trigrams is None:
        per = [prose_trigrams(s.text) for s in view.sentences]
        sizes = np.array([p.size for p in per], dtype=np.int64)
        flat = np.concatenate(per) if per else np.zeros(0, dtype=np.uint64)
        sent = np.repeat(np.arange(len(per), dtype=np.int64), sizes)
        order = np.argsort(flat, kind="stable")
        view.trigrams = SentenceTrigrams(flat[order], sent[order], sizes)
    return view.trigrams


def sentence_markers(view: DocView) -> list[frozenset[str]]:
    if view.sentence_markers is None:
        view.sentence_markers = [frozenset(salient_terms(s.text)) for s in view.sentences]
    return view.sentence_markers


def facts_agree(a: DocView, i: int, b: DocView, j: int, min_share: float) -> bool:
    """A copied or reworded sentence keeps its names and numbers: when both sentences have
    markers, at least ``min_share`` of the larger set must be shared (so one shared country
    does not pair two template sentences about different ports)."""
    x, y = sentence_markers(a)[i], sentence_markers(b)[j]
    if not x or not y:
        return True
    return len(x & y) / max(len(x), len(y)) >= min_share


def trigram_overlap(a: DocView, b: DocView) -> npt.NDArray[np.float64]:
    """(sentences of a, sentences of b) share of the smaller sentence's trigrams in common.

    Vectorised: a's trigram hashes are looked up in b's sorted hashes and the hits counted
    per sentence pair with one ``bincount``. A trigram that occurs in two sentences of b
    counts for the first one only (rare, and only lowers a similarity)."""
    ta, tb = sentence_trigrams(a), sentence_trigrams(b)
    na, nb = ta.sizes.size, tb.sizes.size
    if na == 0 or nb == 0 or tb.hashes.size == 0:
        return np.zeros((na, nb))
    pos = np.minimum(np.searchsorted(tb.hashes, ta.hashes), tb.hashes.size - 1)
    hit = tb.hashes[pos] == ta.hashes
    cell = ta.sentence[hit] * nb + tb.sentence[pos[hit]]
    counts = np.bincount(cell, minlength=na * nb).reshape(na, nb).astype(np.float64)
    smaller = np.minimum(ta.sizes[:, None], tb.sizes[None, :]).astype(np.float64)
    sims = np.where(smaller >= 2, counts / np.maximum(smaller, 1.0), 0.0)
    return np.asarray(sims, dtype=np.float64)


def _lexical(a: DocView, b: DocView, threshold: float, markers: float) -> list[Match]:
    sims = trigram_overlap(a, b)
    if sims.size == 0:
        return []
    best = sims.argmax(axis=1)
    out: list[Match] = []
    for i in np.flatnonzero(sims[np.arange(sims.shape[0]), best] >= threshold).tolist():
        j = int(best[i])
        if facts_agree(a, i, b, j, markers):
            out.append(Match(i, j, float(sims[i, j]), "lexical"))
    return out


def _semantic(
    a: DocView, b: DocView, free: tuple[list[int], list[int]], thr: float, markers: float
) -> list[Match]:
    free_a, free_b = free
    if a.sentence_vectors is None or b.sentence_vectors is None or not free_a or not free_b:
        return []
    va = a.sentence_vectors[free_a].astype(np.float32)
    vb = b.sentence_vectors[free_b].astype(np.float32)
    sims: npt.NDArray[np.float32] = va @ vb.T
    out: list[Match] = []
    used_a: set[int] = set()
    used_b: set[int] = set()
    for flat in np.argsort(-sims, axis=None):
        r, c = divmod(int(flat), len(free_b))
        if sims[r, c] < thr:
            break
        if r in used_a or c in used_b or _too_short(a.sentences[free_a[r]], b.sentences[free_b[c]]):
            continue
        if not facts_agree(a, free_a[r], b, free_b[c], markers):
            continue
        used_a.add(r)
        used_b.add(c)
        out.append(Match(free_a[r], free_b[c], float(sims[r, c]), "semantic"))
    return out


def _too_short(x: Sentence, y: Sentence) -> bool:
    """Headline-size fragments match anything on the topic; keep them out of evidence."""
    return len(x.text) < 25 or len(y.text) < 25


def _cover(view: DocView, idx: set[int]) -> float:
    total = sum(len(s.text) for s in view.sentences) or 1
    return sum(len(view.sentences[i].text) for i in idx) / total


def lexical_matches(a: DocView, b: DocView, settings: ProvenanceSettings) -> list[Match]:
    """Sentences of ``a`` found (near-)verbatim in ``b``."""
    return _lexical(a, b, settings.align_lexical_min, settings.align_marker_min)


def align(
    a: DocView, b: DocView, settings: ProvenanceSettings, lex: list[Match] | None = None
) -> Alignment:
    """Match the sentences of ``a`` to those of ``b`` (lexical first, then semantic)."""
    lex = lexical_matches(a, b, settings) if lex is None else lex
    used_a, used_b = {m.a for m in lex}, {m.b for m in lex}
    free_a = [i for i in range(len(a.sentences)) if i not in used_a and not a.quoted[i]]
    free_b = [j for j in range(len(b.sentences)) if j not in used_b and not b.quoted[j]]
    sem = _semantic(a, b, (free_a, free_b), settings.align_semantic_min, settings.align_marker_min)
    matches = sorted(lex + sem, key=lambda m: (m.a, m.b))
    all_a, all_b = used_a | {m.a for m in sem}, used_b | {m.b for m in sem}
    return Alignment(
        matches=matches,
        a_unmatched=[i for i in range(len(a.sentences)) if i not in all_a],
        b_unmatched=[j for j in range(len(b.sentences)) if j not in all_b],
        a_cover=_cover(a, all_a),
        b_cover=_cover(b, all_b),
        a_lexical_cover=_cover(a, used_a),
        b_lexical_cover=_cover(b, used_b),
    )


def passages(a: DocView, b: DocView, alignment: Alignment) -> list[AlignedPassage]:
    """Matches as passages of the two bodies; runs of adjacent lexical matches merge."""
    out: list[AlignedPassage] = []
    run: list[Match] = []
    for m in alignment.matches:
        if run and _continues(run[-1], m):
            run.append(m)
            continue
        if run:
            out.append(_passage(a, b, run))
        run = [m]
    if run:
        out.append(_passage(a, b, run))
    return out


def _continues(prev: Match, m: Match) -> bool:
    return m.channel == prev.channel == "lexical" and m.a == prev.a + 1 and m.b == prev.b + 1


def _passage(a: DocView, b: DocView, run: list[Match]) -> AlignedPassage:
    sa = [a.sentences[m.a] for m in run]
    sb = [b.sentences[m.b] for m in run]
    return AlignedPassage(
        derived=span(a, sa[0].start, sa[-1].end),
        source=span(b, sb[0].start, sb[-1].end),
        similarity=round(sum(m.similarity for m in run) / len(run), 4),
        channel=run[0].channel,
    )


def span(view: DocView, start: int, end: int) -> Passage:
    # interned: the same source passage recurs in the edges of every copy of a text, and a
    # copy's passage equals its source's; one string each (~100k edges at 100k articles)
    text = sys.intern(view.article.body[start:end])
    return Passage(article=view.id, start=start, end=end, text=text)


def unmatched_passages(view: DocView, idx: list[int]) -> list[Passage]:
    """Unmatched sentences as passages (adjacent ones merged)."""
    out: list[Passage] = []
    for i in idx:
        s = view.sentences[i]
        if out and i - 1 in idx and out[-1].end <= s.start:
            out[-1] = span(view, out[-1].start, s.end)
        else:
            out.append(span(view, s.start, s.end))
    return out


def shared_runs(a: DocView, b: DocView, k: int, min_words: int) -> tuple[float, int]:
    """Share of ``a``'s words in verbatim runs (quotes excluded) of >= ``min_words`` words
    also found in ``b``, and the longest such run in words."""
    grams = positional_grams(a, k)
    if grams.size == 0 or b.gram_set.size == 0:
        return 0.0, 0
    hit = in_sorted(grams, b.gram_set)  # gram_set is unique and sorted
    edges = np.diff(np.concatenate(([0], hit.astype(np.int8), [0])))
    starts, ends = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)
    lengths = (ends - starts) + (k - 1)
    if lengths.size == 0:
        return 0.0, 0
    long_words = int(lengths[lengths >= min_words].sum())
    return long_words / max(a.n_words, 1), int(lengths.max())
