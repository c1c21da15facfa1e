"""Cleaning one document: each rule marks lines; what no rule marked is the body.

Rules run in a fixed order and never overrule an earlier decision: leading metadata,
captions, site summaries, the title, chrome (cues, repetition), related headlines after
navigation cues, a re-printed title, and re-printed paragraphs.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from wirecheck.align.text import STOPWORDS
from wirecheck.clean import metadata
from wirecheck.clean.captions import caption_rule
from wirecheck.clean.chrome import LineContext, chrome_verdict
from wirecheck.clean.corpus import BatchSignals, DocLines, doc_lines
from wirecheck.clean.cues import HEADLINE_LIST_FAMILIES, cue_hits
from wirecheck.clean.lines import (
    Line,
    ends_sentence,
    hashtag_share,
    norm_key,
    word_count,
)
from wirecheck.clean.summary import summary_lines
from wirecheck.model import Explanation, RawDocument, RemovalReason, RemovedLine
from wirecheck.settings.clean import CleanSettings

_HASHTAG_SHARE = 0.6  # share of hashtag tokens that makes a tag line (seed: 1.0, prose: 0)


@dataclass
class Marked:
    """Work state of one document: its lines and the decision on each."""

    doc: RawDocument
    lines: list[Line]
    keys: list[str] = field(default_factory=list)  # norm_key of each line
    removed: list[RemovedLine] = field(default_factory=list)
    closed: set[int] = field(default_factory=set)  # indexes of lines removed whole
    kept_text: dict[int, str] = field(default_factory=dict)  # lines kept with a part cut off
    title: str | None = None
    date: str | None = None
    date_source: str | None = None
    byline: str | None = None
    title_reason: str | None = None

    def mark(self, index: int, reason: RemovalReason, rule: str, text: str | None = None) -> None:
        line = self.lines[index]
        self.removed.append(
            RemovedLine(
                text=line.text if text is None else text,
                reason=reason,
                rule=rule,
                line_no=line.no,
            )
        )
        if text is None:
            self.closed.add(index)

    def cut(self, index: int, reason: RemovalReason, rule: str, part: str, rest: str) -> None:
        """Remove ``part`` of a line and keep ``rest`` of it in the body."""
        self.mark(index, reason, rule, text=part)
        if rest:
            self.kept_text[index] = rest
        else:
            self.closed.add(index)

    def open(self, index: int) -> bool:
        return index not in self.closed

    def body_lines(self) -> list[tuple[int, str]]:
        return [
            (i, self.kept_text.get(i, line.text))
            for i, line in enumerate(self.lines)
            if self.open(i) and self.kept_text.get(i, line.text)
        ]

    @property
    def body(self) -> str:
        return "\n\n".join(text for _, text in self.body_lines())

    def raw_sha1(self) -> str:
        return hashlib.sha1(self.doc.text.encode("utf-8")).hexdigest()


def mark_document(
    doc: RawDocument,
    batch: BatchSignals,
    settings: CleanSettings,
    prepared: DocLines | None = None,
) -> Marked:
    """Run every line rule over one document; ``batch`` holds the batch's line signals,
    ``prepared`` the document's lines and keys when the batch pass already split them."""
    prepared = prepared if prepared is not None else doc_lines(doc)
    state = Marked(doc=doc, lines=prepared.lines, keys=prepared.keys, byline=doc.byline)
    _head_metadata(state, settings)
    _captions(state)
    for index, rule in summary_lines(state.lines, settings.summary_overlap).items():
        if state.open(index):
            state.mark(index, RemovalReason.SUMMARY, rule)
    _title(state, settings)
    _chrome(state, batch, settings)
    _related_headlines(state, settings)
    _repeated_title(state)
    _duplicates(state, settings)
    return state


def _head_metadata(state: Marked, settings: CleanSettings) -> None:
    """Date lines, bylines and kicker lines among the first lines of the document."""
    open_before = 0  # head lines left open so far (the first one is the likely title)
    for index in range(min(settings.head_lines, len(state.lines))):
        text = state.lines[index].text
        if state.date is None and _date_line(state, index, settings):
            continue
        name = metadata.byline(text, settings.short_line_words)
        if name is not None:
            state.mark(index, RemovalReason.METADATA, "byline")
            state.byline = state.byline or name
            continue
        after_title = open_before == 1
        kicker = metadata.is_kicker(text, settings.short_line_words, after_title=after_title)
        if kicker is not None:
            state.mark(index, RemovalReason.METADATA, kicker)
            continue
        open_before += 1


def _date_line(state: Marked, index: int, settings: CleanSettings) -> bool:
    """A leading date (maybe inline before the text) or a "Source | date" label line."""
    text = state.lines[index].text
    found = metadata.leading_date(text)
    if found is not None:
        state.cut(index, RemovalReason.METADATA, "leading-date", found.meta, found.rest)
        state.date, state.date_source = found.iso, "leading-line"
        return True
    labelled = metadata.source_date_line(text, settings.short_line_words)
    if labelled is None:
        return False
    state.mark(index, RemovalReason.METADATA, "source-date-line")
    state.date, state.date_source = labelled[0], "leading-line"
    state.byline = state.byline or labelled[1]
    return True


def _captions(state: Marked) -> None:
    for index, line in enumerate(state.lines):
        rule = caption_rule(line.text) if state.open(index) else None
        if rule is not None:
            state.mark(index, RemovalReason.CAPTION, rule)


def _title(state: Marked, settings: CleanSettings) -> None:
    """The title: metadata's, else the first headline-shaped line of the page top.

    Lines above it that only a site's chrome has (a masthead, a menu, a widget: see
    ``metadata.not_a_title``) are passed over, and removed once a title is found below
    them; the first line of prose ends the search (the lead then stands in, see
    ``clean._article``).
    """
    given = state.doc.title.strip() if state.doc.title else None
    sites = _site_names(state.doc.outlet, state.doc.url)
    passed: list[tuple[int, str]] = []
    for index in range(min(settings.head_lines + settings.tail_lines, len(state.lines))):
        if not state.open(index) or index in state.kept_text:
            continue
        text = state.lines[index].text
        if given is not None:
            if norm_key(text) == norm_key(given):
                _take_title(state, index, given, "metadata title, printed at the top")
                return
            if index >= settings.head_lines:
                break
            continue
        if metadata.is_title_like(text, settings.title_max_words, sites):
            _take_headline(state, index, settings, sites)
            for skipped, why in passed:
                state.mark(skipped, RemovalReason.BOILERPLATE, "above-title:" + why)
            return
        reason = metadata.not_a_title(text, sites)
        if reason is None or (ends_sentence(text) and reason in _SHORT_SHAPES):
            break  # prose (a short sentence too): the body starts here, no title line
        passed.append((index, reason))
    state.title = given
    state.title_reason = "metadata title" if given else None


def _take_headline(
    state: Marked, index: int, settings: CleanSettings, sites: tuple[str, ...]
) -> None:
    """Take the headline-shaped line at ``index`` as the title, unless it is a teaser of
    another article standing above the page's own headline."""
    own = _own_headline_below(state, index, settings, sites)
    if own is None:
        _take_title(
            state, index, state.lines[index].text, "first headline-shaped line of the page top"
        )
        return
    state.mark(index, RemovalReason.BOILERPLATE, "above-title:other-headline")
    state.removed[-1].explanation = _OTHER_HEADLINE
    reason = "headline-shaped line below another article's headline"
    _take_title(state, index=own, title=state.lines[own].text, reason=reason)


_OTHER_HEADLINE = Explanation(
    score=1.0,
    features=[],
    summary="a headline with no word in common with the text, above one that has: a link to "
    "another article",
)


def _own_headline_below(
    state: Marked, index: int, settings: CleanSettings, sites: tuple[str, ...]
) -> int | None:
    """The next line, when it is headline-shaped and shares words with the text below it
    while the line at ``index`` shares none: a teaser of another article tops the page."""
    below = next((i for i in range(index + 1, len(state.lines)) if state.open(i)), None)
    if below is None or not metadata.is_title_like(
        state.lines[below].text, settings.title_max_words, sites
    ):
        return None
    body = _content_words(" ".join(line.text for line in state.lines[below + 1 :]))
    first = _content_words(state.lines[index].text) & body
    second = _content_words(state.lines[below].text) & body
    return below if not first and len(second) >= _SHARED_WORDS else None


_SHARED_WORDS = 2  # one shared word can be chance ("year"), two are the same subject
_CONTENT_WORD = re.compile(r"[^\W\d_]{4,}")


def _content_words(text: str) -> set[str]:
    """Word forms as written, four letters or more. Not ``align.text.content_words``: its
    keys fold word endings, and a realdev teaser then met the text on a common verb."""
    return {w for w in _CONTENT_WORD.findall(text.lower()) if w not in STOPWORDS}


# Shapes that a short sentence of prose also has; the other chrome shapes (a cue, a
# byline, a reader prompt...) say "chrome" even on a line ending with a period.
_SHORT_SHAPES = frozenset({"too-short", "name-only"})


def _take_title(state: Marked, index: int, title: str, reason: str) -> None:
    state.mark(index, RemovalReason.METADATA, "title")
    state.title, state.title_reason = title, reason


def _site_names(outlet: str | None, url: str | None) -> tuple[str, ...]:
    host = urlsplit(url or "").hostname or ""
    return tuple(n for n in (outlet, host.removeprefix("www.").rsplit(".", 1)[0]) if n)


def _chrome(state: Marked, batch: BatchSignals, settings: CleanSettings) -> None:
    count = len(state.lines)
    for index, line in enumerate(state.lines):
        if not state.open(index):
            continue
        key = state.keys[index]
        tail = index >= count - settings.tail_lines
        if key in batch.stock and tail and not state.doc.preclean:
            state.mark(index, RemovalReason.BOILERPLATE, "stock-paragraph")
            continue
        if hashtag_share(line.text) >= _HASHTAG_SHARE and line.text.count("#") >= 2:
            state.mark(index, RemovalReason.BOILERPLATE, "hashtags")
            continue
        edge = index < settings.head_lines or index >= count - settings.tail_lines
        ctx = LineContext(line.text, edge, key in batch.repeated, settings)
        verdict = chrome_verdict(ctx, settings.chrome_threshold, strong_only=state.doc.preclean)
        if verdict is not None:
            state.mark(index, RemovalReason.BOILERPLATE, verdict.rule)
            state.removed[-1].explanation = verdict.explanation


def _related_headlines(state: Marked, settings: CleanSettings) -> None:
    """Headline-shaped lines right after a navigation cue ("Next Article"), in the tail run
    only. A line ending like a sentence is news prose (headlines carry no final period)."""
    for index in range(len(state.lines)):
        if state.open(index) or not _is_nav(state.lines[index].text):
            continue
        follow = index + 1
        while (
            follow < len(state.lines)
            and state.open(follow)
            and not ends_sentence(state.lines[follow].text)
            and _in_tail_run(state, follow, settings)
        ):
            state.mark(follow, RemovalReason.BOILERPLATE, "related-headline")
            follow += 1


def _is_nav(text: str) -> bool:
    return any(family in HEADLINE_LIST_FAMILIES for family, strong in cue_hits(text) if strong)


def _in_tail_run(state: Marked, index: int, settings: CleanSettings) -> bool:
    """This line and every open line after it are headline-sized: nothing long follows."""
    return all(
        word_count(line.text) <= settings.headline_max_words
        for i, line in enumerate(state.lines[index:], start=index)
        if state.open(i)
    )


def _repeated_title(state: Marked) -> None:
    if not state.title:
        return
    key = norm_key(state.title)
    for index, line_key in enumerate(state.keys):
        if state.open(index) and line_key == key:
            state.mark(index, RemovalReason.BOILERPLATE, "repeated-title")


def _duplicates(state: Marked, settings: CleanSettings) -> None:
    """A long paragraph printed twice (a teaser lead): the earlier copy goes, one stays."""
    last: dict[str, int] = {}
    for index, line in enumerate(state.lines):
        if state.open(index) and len(line.text) >= settings.duplicate_min_chars:
            last[state.keys[index]] = index
    for index, key in enumerate(state.keys):
        if state.open(index) and key in last and last[key] != index:
            state.mark(index, RemovalReason.BOILERPLATE, "duplicate-line")
