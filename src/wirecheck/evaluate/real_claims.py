"""Real-coverage scorers on what the reader sees: titles, numeric conflicts.

A chrome title is recognised structurally, with the cleaner's own cue lexicons (no list of
real titles): the site's own name (the URL host or the outlet), a language menu (only
two- or three-letter codes), a navigation label (three words or fewer), or a short line on
which a chrome cue fires (player widgets, "Advertisement", share and nav labels).
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

from wirecheck.clean.cues import cue_hits
from wirecheck.evaluate.keys import Keyed, norm
from wirecheck.evaluate.labels import RealLabels
from wirecheck.evaluate.results import FindingScore
from wirecheck.model import Article, ClaimGroup
from wirecheck.settings.clean import CleanSettings

_NAV_WORDS = 3  # headlines are longer; menu and section labels rarely are
_CODE = re.compile(r"^[a-z]{2,3}$")
_NUMBER = re.compile(r"\d+(?:[.:,]\d+)?")
# Scripts written without spaces (Han, kana, Hangul, Thai): a word is about two characters.
_UNSPACED = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_CHARS_PER_UNSPACED_WORD = 2


def _site_names(article: Article, url: str) -> set[str]:
    host = urlparse(url or article.url or "").hostname or ""
    labels = [part for part in host.split(".") if part not in ("www", "m", "amp")]
    names = {label.replace("-", "") for label in labels[:-1]}
    return names | {norm(article.outlet).replace(" ", "")} - {""}


def word_count(text: str) -> int:
    """Words of ``text``; runs of an unspaced script count one word per two characters."""
    unspaced = len(_UNSPACED.findall(text))
    spaced = _UNSPACED.sub(" ", text).split()
    return len(spaced) + -(-unspaced // _CHARS_PER_UNSPACED_WORD)


def chrome_title_reason(article: Article, url: str = "") -> str | None:
    """Why the title is a chrome line, or None when it reads like a headline."""
    title = (article.title or "").strip()
    words = title.split()
    if norm(title).replace(" ", "") in _site_names(article, url):
        return "the site's own name"
    if len(words) >= 2 and all(_CODE.match(w) for w in words):
        return "a language menu"
    if cue_hits(title) and len(words) <= CleanSettings().short_line_words:
        return "a short line with a chrome cue: " + ",".join(f for f, _ in cue_hits(title))
    if word_count(title) <= _NAV_WORDS:
        return "a navigation label (three words or fewer)"
    return None


def score_titles(k: Keyed, labels: RealLabels) -> FindingScore:
    """Titled articles whose title is not chrome: tp; chrome: fp; no title: fn."""
    row = FindingScore(finding="titles")
    for key, article in k.keyed_articles():
        if key not in labels.topic_of:
            continue
        row.support += 1
        if not (article.title or "").strip():
            row.fn += 1
            row.misses.append(f"{key}: no title")
        elif reason := chrome_title_reason(article, labels.url_of.get(key, "")):
            row.fp += 1
            row.misses.append(f"{key}: chrome title ({reason})")
        else:
            row.tp += 1
    row.extra["chrome"] = float(row.fp)
    row.note = "precision: share of titles that are not site chrome"
    return row


def _values(group: ClaimGroup) -> set[str]:
    q = group.quantity
    if q is None:
        return set()
    out = set(_NUMBER.findall(q.text))
    out |= {_fmt(v) for v in (q.value, q.low, q.high) if v is not None}
    return out


def _fmt(value: float) -> str:
    return f"{value:g}"


def _in(value: str, values: set[str]) -> bool:
    """A labelled value among a group's numbers (``'4:52'`` as written, 35 as 35.0)."""
    if value in values:
        return True
    try:
        return _fmt(float(value)) in values
    except ValueError:
        return False


def _conflicts(k: Keyed) -> list[tuple[ClaimGroup, ClaimGroup]]:
    groups = {g.id: g for g in k.analysis.claims}
    seen: set[frozenset[str]] = set()
    out: list[tuple[ClaimGroup, ClaimGroup]] = []
    for group in k.analysis.claims:
        for note in group.conflicts:
            other = groups.get(note.with_)
            pair = frozenset((group.id, note.with_))
            if other is not None and pair not in seen:
                seen.add(pair)
                out.append((group, other))
    return out


def _stories(k: Keyed, labels: RealLabels, pair: tuple[ClaimGroup, ClaimGroup]) -> set[str]:
    keys = k.keys([m.article for g in pair for m in g.mentions])
    return {s for key in keys if (s := labels.story_of(key))}


def _inside(k: Keyed, labels: RealLabels, pair: tuple[ClaimGroup, ClaimGroup]) -> bool:
    stories = _stories(k, labels, pair)
    a, b = (_values(g) for g in pair)
    return any(
        d.story in stories
        and any(_in(v, a) for v in d.values)
        and any(_in(v, b) for v in d.values)
        for d in labels.differences
    )


def _same_sentence(pair: tuple[ClaimGroup, ClaimGroup]) -> bool:
    spans = {(m.article, m.start, m.end) for m in pair[0].mentions}
    return any((m.article, m.start, m.end) in spans for m in pair[1].mentions)


def score_real_conflicts(k: Keyed, labels: RealLabels) -> list[FindingScore]:
    """Numeric conflicts outside the labelled differences, and within one sentence (counts:
    fp; tp counts the others)."""
    outside = FindingScore(finding="conflicts_outside_differences")
    one_sentence = FindingScore(finding="conflicts_in_one_sentence")
    for pair in _conflicts(k):
        if not _stories(k, labels, pair):
            continue
        label = f"{pair[0].text[:40]!r} vs {pair[1].text[:40]!r}"
        for row, bad in ((outside, not _inside(k, labels, pair)),
                         (one_sentence, _same_sentence(pair))):
            row.fp += bad
            row.tp += not bad
            if bad:
                row.misses.append(label)
    outside.note = f"{outside.fp} numeric conflicts outside the labelled differences"
    one_sentence.note = f"{one_sentence.fp} conflicts between two numbers of one sentence"
    return [outside, one_sentence]
