"""Statements grouped by meaning: paraphrases of one statement by one speaker.

Two families rarely word one statement alike ("X said it follows every export rule" /
"X rejected the findings, saying its sales comply with the law"), so shared words alone
leave each version single-source. The provenance stage's semantic channel (the static
sentence model, ``wirecheck.provenance.static_model``) says when two sentences mean the
same; a paraphrase link also needs **one speaker**: both speakers named and resolved to
one party (a short form inside the full name, "Kestrel" = "Kestrel Dynamics"), or, when a
side names none, a name the two sentences share. Figures must not disagree (the caller
checks). The cosine threshold is fitted on the generator's labelled paraphrase pairs
(``bench/statement_pairs.py``; settings ``GroupSettings.statement_meaning``).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from wirecheck.align.similarity import MentionView
from wirecheck.align.slots import parties_of
from wirecheck.extract.lexicon import PERSON_NOUNS, SOURCE_HEADS

# Rows of the similarity matrix computed at once (memory: rows x sentences floats).
_CHUNK = 512


def sentence_vectors(views: Sequence[MentionView], dims: int) -> np.ndarray:
    """Unit vectors of the views' sentences (the provenance stage's static model)."""
    from wirecheck.provenance.static_model import static_model

    if not views:
        return np.zeros((0, dims), dtype=np.float32)
    texts = [v.mention.text for v in views]
    vecs = np.asarray(static_model(dims).encode(texts, use_multiprocessing=False),
                      dtype=np.float32)
    norms = np.linalg.norm(vecs, axis=1, keepdims=True)
    return np.asarray(vecs / np.maximum(norms, 1e-9), dtype=np.float32)


def similar_pairs(vecs: np.ndarray, threshold: float) -> dict[tuple[int, int], float]:
    """(i, j) with i < j whose cosine reaches ``threshold``, computed in row chunks."""
    out: dict[tuple[int, int], float] = {}
    for start in range(0, len(vecs), _CHUNK):
        block = vecs[start:start + _CHUNK] @ vecs.T
        rows, cols = np.nonzero(block >= threshold)
        for r, c in zip(rows.tolist(), cols.tolist(), strict=True):
            i = start + r
            if i < c:
                out[(i, c)] = float(block[r, c])
    return out


# Words of organisation names that many speakers share ("the X Bureau", "the Y Centre"):
# they name a kind of body, not which one.
_BODY_WORDS = frozenset({
    "bureau", "centre", "center", "institute", "council", "foundation", "group", "ministry",
    "department", "office", "agency", "association", "union", "forum", "committee", "board",
    "university", "company", "corporation", "inc", "ltd", "co", "llc", "the",
})


_ROLES = PERSON_NOUNS | SOURCE_HEADS | _BODY_WORDS


def name_words(who: str) -> frozenset[str]:
    """A speaker's capitalised words without words of a kind of body; a role ("analysts",
    "officials") names nobody in particular."""
    words = {w.strip(".,'’\"") for w in who.split()}
    return frozenset(w.lower() for w in words
                     if len(w) > 1 and w[:1].isupper() and w.lower() not in _ROLES)


# Marks a bare surname that several people of its article share: who spoke is unknown,
# so it matches only the same bare surname, never one of the full names.
_AMBIGUOUS = "?"


def resolve_speaker(who: str, people: Sequence[str]) -> frozenset[str]:
    """The speaker's name words, a bare surname ("Silva told reporters") read as the one
    person of the article with that surname ("Trade Minister Luca Silva")."""
    words = name_words(who)
    if len(words) != 1:
        return words
    full = {name_words(p) for p in people if len(name_words(p)) > 1 and words <= name_words(p)}
    if len(full) > 1:
        return words | {_AMBIGUOUS}
    return next(iter(full)) if full else words


def _names(view: MentionView) -> frozenset[str]:
    """Capitalised words of the sentence that name someone: no role words ("Officials")."""
    return frozenset(w for w in parties_of(view.mention.text)[0] if w not in _ROLES)


def speaker_of(view: MentionView) -> frozenset[str]:
    """Name words of who makes the statement (resolved in its article by ``core``, else
    extraction's speaker or attribution)."""
    m = view.mention
    return view.speaker or name_words(m.speaker or m.attribution or "")


def one_speaker(a: MentionView, b: MentionView) -> tuple[bool, str]:
    """(same speaker?, why). Both speakers named: one's name words inside the other's
    ("Kestrel" in "Kestrel Dynamics"). One named: the other sentence names that speaker. None named:
    the sentences share a name. A name both merely mention ("the operator, Puerto Norte")
    does not make a speaker's statement someone else's."""
    sa, sb = speaker_of(a), speaker_of(b)
    names_a, names_b = _names(a), _names(b)
    if sa and sb:
        # one party: a short form inside the full name ("Kestrel" / "Kestrel Dynamics");
        # "Luca Silva" and "Samir Silva" are two people
        shared = (sa & sb) if sa <= sb or sb <= sa else frozenset()
    elif sa or sb:
        # the other sentence names that speaker: every name word ("Kofi Herrera" is not
        # named by a sentence on "Samir Herrera")
        named, other = (sa, names_b) if sa else (sb, names_a)
        shared = named - {_AMBIGUOUS} if named - {_AMBIGUOUS} <= other else frozenset()
    else:
        shared = names_a & names_b
    why = ", ".join(sorted(shared))
    return bool(shared), (f"one speaker or name: {why}" if shared else "no common speaker")
