"""Mention spans kept inside one paragraph.

A claim sentence never crosses a line break of the cleaned body; when a mention's
span does (a sentence splitter that joined a heading or the previous paragraph),
it is cut back to the line that holds the claim's own words: the number for a
quantity, else the supplier, goods, speaker or quote. Unchanged otherwise.
"""

from __future__ import annotations

import re

from wirecheck.model import Analysis, ClaimMention

_LINE = re.compile(r"[^\n]+")


def _anchor(m: ClaimMention, body: str) -> int:
    """Body offset of the claim's own words inside the mention span, or -1."""
    if m.quantity is not None and m.start <= m.quantity.start < m.end:
        return m.quantity.start
    lowered = body[m.start:m.end].lower()
    for word in (m.supplier, m.goods, m.speaker, m.quote, m.recipient):
        if word:
            found = lowered.find(word.lower())
            if found >= 0:
                return m.start + found
    return -1


def tidy(m: ClaimMention, body: str) -> ClaimMention:
    """The mention cut to the line holding its anchor (or unchanged)."""
    if "\n" not in body[m.start:m.end]:
        return m
    anchor = _anchor(m, body)
    for line in _LINE.finditer(body, m.start, m.end):
        if line.start() <= anchor < line.end() and line.group(0).strip():
            text = line.group(0)
            start = line.start() + len(text) - len(text.lstrip())
            end = line.start() + len(text.rstrip())
            return m.model_copy(update={"start": start, "end": end, "text": body[start:end]})
    return m


def tidy_mentions(analysis: Analysis) -> list[ClaimMention]:
    bodies = {art.id: art.body for art in analysis.articles}
    return [tidy(m, bodies[m.article]) if m.article in bodies else m for m in analysis.mentions]
