"""Citations: every statement of a briefing points at a passage of an article body.

A ``CitationIndex`` numbers the cited passages (footnotes in Markdown, anchors in HTML)
and ``marked_segments`` cuts an article body into plain and ``<mark>``-ed runs for the
appendix, so every link in the briefing lands on the words it quotes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from wirecheck.model import Analysis, Article


@dataclass(frozen=True)
class Citation:
    """One cited passage: which article, which characters, and where the anchor lives."""

    number: int
    article: str
    start: int  # -1 when the passage could not be located in the body
    end: int
    text: str
    title: str
    outlet: str
    source: str
    url: str
    date: str

    @property
    def anchor(self) -> str:
        """The HTML id of the passage's ``<mark>`` (or of the article when unlocated)."""
        if self.start < 0:
            return article_anchor(self.article)
        return f"p-{self.article}-{self.start}-{self.end}"


@dataclass(frozen=True)
class Segment:
    """A run of an article body; ``anchors`` non-empty means it is a cited passage."""

    text: str
    anchors: tuple[str, ...] = ()


def article_anchor(article_id: str) -> str:
    return f"art-{article_id}"


LEAD_CHARS = 240  # an article cited as a whole quotes its lead: about two short sentences


def lead_span(body: str) -> tuple[int, int]:
    """The first sentence of ``body`` (at most LEAD_CHARS), the passage for whole-article cites."""
    if not body:
        return -1, -1
    window = body[:LEAD_CHARS]
    stops = [window.find(mark) for mark in (". ", ".\n", "\n\n")]
    found = [i + 1 for i in stops if i > 0]
    return 0, min(found) if found else len(window)


def locate(body: str, start: int, end: int, text: str) -> tuple[int, int]:
    """The span of ``text`` in ``body``: the given one if it matches, else the first match.

    Stages give spans in body coordinates; a span that no longer matches (text edited
    after extraction) is found again by its words, or reported as unlocated (-1, -1).
    Without a span or text, the article's lead is the passage.
    """
    if start < 0 and not text:
        return lead_span(body)
    if 0 <= start < end <= len(body) and (not text or body[start:end] == text):
        return start, end
    if text:
        found = body.find(text)
        if found >= 0:
            return found, found + len(text)
    return -1, -1


@dataclass
class CitationIndex:
    """Numbers citations in order of first use; the same passage keeps one number."""

    analysis: Analysis
    citations: list[Citation] = field(default_factory=list)
    _by_key: dict[tuple[str, int, int, str], Citation] = field(default_factory=dict)
    _articles: dict[str, Article] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._articles = {art.id: art for art in self.analysis.articles}

    def article(self, article_id: str) -> Article | None:
        return self._articles.get(article_id)

    def cite(self, article_id: str, start: int = -1, end: int = -1, text: str = "") -> Citation:
        art = self._articles.get(article_id)
        body = art.body if art else ""
        span = locate(body, start, end, text)
        key = (article_id, span[0], span[1], text if span[0] < 0 else "")
        if key in self._by_key:
            return self._by_key[key]
        cited = Citation(
            number=len(self.citations) + 1,
            article=article_id,
            start=span[0],
            end=span[1],
            text=body[span[0] : span[1]] if span[0] >= 0 else text,
            title=(art.title if art and art.title else article_id),
            outlet=(art.outlet if art and art.outlet else ""),
            source=art.source if art else "",
            url=(art.url if art and art.url else ""),
            date=(art.date if art and art.date else ""),
        )
        self.citations.append(cited)
        self._by_key[key] = cited
        return cited

    def cited_articles(self) -> list[Article]:
        """Articles with at least one citation, in order of first citation."""
        seen: dict[str, Article] = {}
        for cited in self.citations:
            art = self._articles.get(cited.article)
            if art is not None and art.id not in seen:
                seen[art.id] = art
        return list(seen.values())

    def spans_by_article(self) -> dict[str, list[tuple[int, int, str]]]:
        """Each cited article's located spans (start, end, anchor), sorted, in one pass over
        the citations (one scan per article was quadratic in the corpus for the appendix)."""
        spans: dict[str, set[tuple[int, int, str]]] = {}
        for c in self.citations:
            if c.start >= 0:
                spans.setdefault(c.article, set()).add((c.start, c.end, c.anchor))
        return {article: sorted(found) for article, found in spans.items()}


def marked_segments(body: str, spans: list[tuple[int, int, str]]) -> list[Segment]:
    """Cut ``body`` into segments; overlapping cited spans merge into one marked run.

    A merged run carries every anchor id it covers, so each link still finds its target.
    """
    segments: list[Segment] = []
    cursor = 0
    group: list[tuple[int, int, str]] = []
    for span in [*sorted(spans), (len(body) + 1, len(body) + 1, "")]:
        if group and span[0] >= max(s[1] for s in group):
            g_start, g_end = group[0][0], max(s[1] for s in group)
            if g_start > cursor:
                segments.append(Segment(body[cursor:g_start]))
            anchors = tuple(dict.fromkeys(s[2] for s in group))
            segments.append(Segment(body[g_start:g_end], anchors))
            cursor, group = g_end, []
        if span[2]:
            group.append(span)
    if cursor < len(body):
        segments.append(Segment(body[cursor:]))
    return segments
