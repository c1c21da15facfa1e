"""Per-article views computed once (batch) and reused for every pair it appears in."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

import numpy as np
import numpy.typing as npt

from wirecheck.clean.datebatch import own_date, placing_date
from wirecheck.model import Article, stable_id
from wirecheck.provenance.event_keys import EventKeys, event_keys
from wirecheck.provenance.generic import specific_markers
from wirecheck.provenance.minhash import U64, kgram_hashes, token_hashes
from wirecheck.provenance.order import english_share, name_sequence, number_sequence
from wirecheck.provenance.text import Sentence, mask_quotes, salient_terms, sentences

F32 = npt.NDArray[np.float32]


def text_key(article: Article) -> str:
    """A hash of the text's content, then its id (only between two identical inputs): the
    order to break ties by. An article id hashes its source path, so a tie broken by id
    decides otherwise when the same files are read from another folder (an article built
    without its raw input: a hash of its body)."""
    return (article.raw_sha1 or stable_id("b", article.body)) + article.id


@dataclass(frozen=True)
class SentenceTrigrams:
    """Word-trigram hashes of every sentence, sorted by hash, with their sentence number."""

    hashes: U64  # sorted
    sentence: npt.NDArray[np.int64]  # sentence index of each hash
    sizes: npt.NDArray[np.int64]  # distinct trigrams per sentence


@dataclass
class DocView:
    """What provenance needs of one article: sentences, positional shingles, markers."""

    article: Article
    sentences: list[Sentence]
    gram_set: U64  # the same, unique and sorted
    lead_grams: U64  # unique k-gram hashes of the lead (first sentences)
    terms: frozenset[str]  # salient markers: capitalised words, numbers
    n_words: int
    numbers: tuple[str, ...] = ()  # figures in text order (language-free, see order.py)
    names: tuple[str, ...] = ()  # capitalised names, first mentions in text order
    english_share: float = 0.0  # share of English function words (tells languages apart)
    day: int | None = None  # publication date as a day number (None: undated)
    own_day: int | None = None  # the same unless taken whole from a similar article
    placed_day: int | None = None  # ``day`` unless a borrowed year dates a day and month
    keys: EventKeys | None = None  # language-free event keys (figures, names, dates)
    specific: frozenset[str] = frozenset()  # ``terms`` without years and places (generic.py)
    vector: F32 | None = None  # document (lead) embedding, unit length
    sentence_vectors: npt.NDArray[np.float16] | None = None  # one unit row per sentence
    quoted: list[bool] = field(default_factory=list)  # sentence mostly inside quotes
    # filled on first use by align.py (only views that take part in an alignment need them)
    trigrams: SentenceTrigrams | None = None
    sentence_markers: list[frozenset[str]] | None = None
    positions: U64 | None = None  # k-gram hashes in text order (see ``positional_grams``)
    positions_k: int = 0

    @property
    def id(self) -> str:
        return self.article.id

    @cached_property
    def content(self) -> str:
        """``text_key`` of the article: a tie-break that does not depend on the folder
        (kept: every candidate pair reads it, and a text without its raw input hashes its
        body)."""
        return text_key(self.article)

    def release(self) -> None:
        """Drop what only pair evaluation needs (sentence vectors, trigram index)."""
        self.sentence_vectors = None
        self.trigrams = None
        self.sentence_markers = None
        self.positions = None

    def keep_for_stories(self) -> None:
        """Drop what only pair evaluation reads (sentences, shingles); story clustering needs
        the article, lead vector, markers, date and length only (~300 MB at 100k articles)."""
        self.release()
        self.sentences, self.quoted = [], []
        self.gram_set = self.lead_grams = np.zeros(0, dtype=np.uint64)


# Event keys of many bodies at once (an incremental run reads stored ones, ``incremental.pairs``).
KeysFn = Callable[[Sequence[str]], list[EventKeys]]


def make_view(
    article: Article, k: int, lead_sentences: int = 3, keys: EventKeys | None = None
) -> DocView:
    """The view of one article; ``keys``: its body's ``event_keys`` when already known."""
    body = article.body
    masked = mask_quotes(body)
    tokens = token_hashes(masked)
    grams = kgram_hashes(tokens, k)
    sents = sentences(body)
    quoted = [_mostly_blank(masked[s.start : s.end]) for s in sents]
    lead_end = sents[min(lead_sentences, len(sents)) - 1].end if sents else 0
    lead_tokens = token_hashes(masked[:lead_end])
    terms = frozenset(salient_terms(masked))
    return DocView(
        article=article,
        sentences=sents,
        gram_set=np.unique(grams),
        lead_grams=np.unique(kgram_hashes(lead_tokens, k)),
        day=_day(article.date),
        own_day=_day(own_date(article.date, article.date_source)),
        placed_day=_day(placing_date(article.date, article.date_source)),
        terms=terms,
        specific=specific_markers(terms),
        n_words=int(tokens.size),
        numbers=number_sequence(body),
        names=name_sequence(body),
        english_share=english_share(body),
        quoted=quoted,
        keys=keys if keys is not None else event_keys(body),
    )


def positional_grams(view: DocView, k: int) -> U64:
    """k-gram hashes of the quote-masked body in text order (computed on first use, kept
    until ``release``: needed for edges only, and a text takes part in many pairs)."""
    if view.positions is None or view.positions_k != k:
        view.positions = kgram_hashes(token_hashes(mask_quotes(view.article.body)), k)
        view.positions_k = k
    return view.positions


def _day(value: str | None) -> int | None:
    try:
        return date.fromisoformat(value[:10]).toordinal() if value else None
    except ValueError:
        return None


def _mostly_blank(piece: str) -> bool:
    return len(piece.strip()) < 0.5 * max(len(piece), 1)


def make_views(
    articles: Sequence[Article], k: int, lead_sentences: int = 3, keys_of: KeysFn | None = None
) -> list[DocView]:
    if keys_of is None:
        return [make_view(a, k, lead_sentences) for a in articles]
    keys = keys_of([a.body for a in articles])
    return [make_view(a, k, lead_sentences, e) for a, e in zip(articles, keys, strict=True)]


def attach_lead_vectors(views: Sequence[DocView], dims: int, lead_sentences: int) -> None:
    """Static embedding of each article's lead (batch, in place)."""
    from wirecheck.provenance.static_model import static_model

    leads = [" ".join(s.text for s in v.sentences[:lead_sentences]) or " " for v in views]
    vecs = np.asarray(static_model(dims).encode(leads, use_multiprocessing=False), dtype=np.float32)
    for view, vec in zip(views, vecs, strict=True):
        view.vector = vec


def attach_sentence_vectors(views: Sequence[DocView], dims: int) -> None:
    """Static embeddings of every sentence of the views that lack them (batch, in place)."""
    from wirecheck.provenance.static_model import static_model

    todo = [v for v in views if v.sentence_vectors is None]
    texts = [s.text for v in todo for s in v.sentences]
    if not texts:
        return
    vecs = np.asarray(static_model(dims).encode(texts, use_multiprocessing=False), dtype=np.float32)
    pos = 0
    for view in todo:
        view.sentence_vectors = vecs[pos : pos + len(view.sentences)].astype(np.float16)
        pos += len(view.sentences)
