"""Leading metadata lines: date lines, kickers/breadcrumbs, bylines, and the title."""

from __future__ import annotations

import re
from dataclasses import dataclass

from wirecheck.clean import dates
from wirecheck.clean.cues import cue_hits
from wirecheck.clean.lines import (
    camel_joins,
    ends_sentence,
    is_bullet,
    norm_key,
    title_case_share,
    word_count,
    word_list,
)

_LABEL = r"(?:date|dated|published(?: on)?|posted(?: on)?|updated(?: on)?|last updated)"
_DATE_FORMS = (
    r"(?:19|20)\d\d-[01]\d-[0-3]\d(?:[T ][0-2]\d:[0-5]\d(?::[0-5]\d)?Z?)?",
    r"[A-Z][a-z]{2,8}\.? [0-3]?\d(?:st|nd|rd|th)?,? (?:19|20)\d\d",
    r"[0-3]?\d(?:st|nd|rd|th)? [A-Z][a-z]{2,8},? (?:19|20)\d\d",
)
_WEEKDAY_PREFIX = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?"
_TIME_SUFFIX = r"(?:,?\s+(?:at\s+)?[0-2]?\d[:.][0-5]\d\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?"
# A date at the start of a line, optionally labelled ("Published: ..."), optionally
# followed by the article text on the same line (the rest stays in the body).
_LEADING_DATE = re.compile(
    rf"^\s*(?P<meta>(?:{_LABEL}\s*[:\-–—]?\s*)?{_WEEKDAY_PREFIX}(?P<date>{'|'.join(_DATE_FORMS)})"
    rf"{_TIME_SUFFIX})\s*[|:\-–—]?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_BYLINE = re.compile(
    r"^(?:[Bb]y|[Ww]ords by|[Ww]ritten by|[Rr]eporting by)\s+"
    r"(?P<name>[A-Z][\w.'’-]+(?:\s*(?:[A-Z][\w.'’-]+|and|&|,)){0,8})\s*$"
)
_BREADCRUMB = re.compile(r"\s[|›»>/]\s")
_DASHED = re.compile(r"\s[-–—]\s")
# A short line after the title ending in a section word ("Some Site briefing").
_SECTION_WORD = re.compile(
    r"\b(?:briefing|brief|digest|roundup|round-up|explainer|analysis|opinion|exclusive|"
    r"breaking news|live updates|live|newsletter|podcast|factbox|fact check)\W*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DateLine:
    """A leading date: the metadata part (removed) and the rest of the line (kept)."""

    meta: str
    iso: str
    rest: str


def leading_date(text: str) -> DateLine | None:
    """Split a leading date (with optional label) off a line; None when there is none.

    A line that only has an unlabelled date followed by running text is still split
    when the date is in ISO form (machine metadata); a written-out date followed by
    text ("April 13, 2024 was...") is left alone, since that may be a sentence.
    """
    m = _LEADING_DATE.match(text)
    if m is None:
        return None
    value = dates.parse_iso(m["date"])
    if value is None:
        return None
    rest = m["rest"].strip()
    if rest and word_count(rest) <= 4 and not ends_sentence(rest):
        return DateLine(text.strip(), value.isoformat(), "")  # "| 3 min read": all metadata
    labelled = bool(re.match(_LABEL, m["meta"].strip(), re.IGNORECASE))
    iso_form = m["date"][:4].isdigit()
    if rest and not (labelled or iso_form):
        return None
    return DateLine(m["meta"].strip(), value.isoformat(), rest)


_SEP = r"(?:\s[|·•]\s|,\s|\s[-–—]\s)"
_SOURCE_DATE = re.compile(
    rf"(?:^|{_SEP}){_WEEKDAY_PREFIX}(?P<date>{'|'.join(_DATE_FORMS)})\s*(?={_SEP}|$)",
    re.IGNORECASE,
)


def source_date_line(text: str, max_words: int) -> tuple[str, str | None] | None:
    """A short label line with a date ("Some Outlet | 14 October 2025 | By A. Name").

    Returns the ISO date and the byline of a "By ..." segment (or None); None when the
    line is not such a line: too long, a sentence, or a date not set off by separators.
    """
    if word_count(text) > max_words or ends_sentence(text):
        return None
    m = _SOURCE_DATE.search(text)
    value = dates.parse_iso(m["date"]) if m else None
    if value is None:
        return None
    names = [byline(part, max_words) for part in re.split(r"\s[|·•]\s", text)]
    return value.isoformat(), next((n for n in names if n), None)


def byline(text: str, max_words: int) -> str | None:
    """The author names of a "By ..." line, or None."""
    m = _BYLINE.match(text.strip())
    if m is None or word_count(text) > max_words:
        return None
    return m["name"].strip(" ,&")


def is_kicker(text: str, max_words: int, after_title: bool = False) -> str | None:
    """A section/kicker line ("WorldNewsTop Story", "News | Politics"): the rule name or None.

    ``after_title``: the line right after the first open head line (the likely title): a
    short all-capitalised "Site Name - Section" line or a "Site briefing" line there is a
    section label, not the headline.
    """
    if ends_sentence(text) or word_count(text) > max_words // 2:
        return None
    if after_title and _DASHED.search(text) and title_case_share(text) == 1.0:
        return "section-label"
    if (
        after_title
        and word_count(text) <= 5
        and _SECTION_WORD.search(text)
        and not (cue_hits(text))
    ):
        return "section-label"
    # Two or more lower->Upper joins: category words glued together by a lost layout.
    # One join alone is common in brand names (YouTube, PayPal), so it is not enough.
    if camel_joins(text) >= 2:
        return "kicker-concatenated"
    if _BREADCRUMB.search(text):
        return "breadcrumb"
    return None


def partial_date_label(text: str) -> DateLine | None:
    """A labelled date of month precision ("date 2024-01 ..."): metadata without a day."""
    m = _PARTIAL_DATE.match(text)
    if m is None:
        return None
    return DateLine(m["meta"].strip(), "", m["rest"].strip())


_PARTIAL_DATE = re.compile(
    rf"^\s*(?P<meta>{_LABEL}\s*[:\-–—]?\s*(?:19|20)\d\d-[01]\d)(?![\d-])\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
# A headline has at least this many words: shorter lines at the top of a page are site
# names, section labels, menus and widgets ("Live Radio", "World", "en fr de"). A short
# real headline is rare and, when missed, the lead sentence stands in for it.
_MIN_TITLE_WORDS = 4
# At most this many words, every one capitalised or a number: a name (a site, a section,
# an organisation, an address), not a headline, which has lower-case function words.
_NAME_MAX_WORDS = 4
_BYLINE_START = re.compile(
    r"^[-–—•*\s]*(?:by|from|written by|words by|reporting by)\s+[A-Z]", re.IGNORECASE
)
_LABEL_BAR = re.compile(r"\s[|·•]\s")  # "Date: ... | Source: ... | Comments": a label bar
# A short line speaking to the reader ("Hi, what are you looking for?"): a search box or
# a prompt. Headlines that address the reader run longer ("What you need to know about...").
_READER = re.compile(r"\b(?:you|your)\b", re.IGNORECASE)
_READER_MAX_WORDS = 6
_LANGUAGE_CODE = re.compile(r"^[A-Za-z]{2,3}$")


def _unspaced(text: str) -> bool:
    """Mostly written in a script without spaces between words (Chinese, Japanese)."""
    letters = [ch for ch in text if ch.isalpha()]
    wide = sum(1 for ch in letters if ord(ch) >= 0x2E80)
    return bool(letters) and wide * 2 > len(letters)


def not_a_title(text: str, site_names: tuple[str, ...] = ()) -> str | None:
    """Why a line cannot be a headline (a chrome shape), or None when it could be one.

    ``site_names``: the outlet and URL host of the page; a line that only names the site
    is its masthead.
    """
    hits = cue_hits(text)
    if hits:
        return "cue:" + hits[0][0]
    if _BYLINE_START.match(text):
        return "byline"
    if leading_date(text) is not None or partial_date_label(text) is not None:
        return "date-line"
    key = norm_key(text).replace(" ", "")
    if key and any(key in norm_key(n).replace(" ", "") for n in site_names if n):
        return "site-name"
    if len(_LABEL_BAR.findall(text)) >= 2:
        return "label-bar"
    if _unspaced(text):
        return None if len(text.strip()) >= 8 else "too-short"
    words = word_list(text)
    tokens = text.replace("|", " ").split()
    if len(tokens) >= 2 and all(_LANGUAGE_CODE.match(t) for t in tokens):
        return "language-menu"
    if len(words) < _MIN_TITLE_WORDS:
        return "too-short"
    if len(words) <= _READER_MAX_WORDS and _READER.search(text):
        return "addresses-reader"
    if len(words) < 2 * _MIN_TITLE_WORDS and text.rstrip().endswith(("...", "…")):
        return "placeholder"
    if len(words) <= _NAME_MAX_WORDS and all(w[0].isupper() or w[0].isdigit() for w in words):
        return "name-only"
    return None


def is_title_like(text: str, max_words: int, site_names: tuple[str, ...] = ()) -> bool:
    """Could this line be a headline: a few words, no final period, not a bullet, not a
    chrome shape (``not_a_title``)."""
    words = word_count(text)
    if words > max_words or is_bullet(text):
        return False
    if text.rstrip().endswith((".", ":", ";", ",")):
        return False
    return not_a_title(text, site_names) is None


# "CITY, Region (Agency) - ", "(CITY) - ", "CITY. ", "City, Jan 6: " or "City: " before
# the lead: a dateline, not the headline.
_DATELINE = re.compile(
    r"^(?:\(?[A-Z][A-Z'-]{2,}(?: [A-Z][A-Z'-]+)*"
    r"(?:,\s*[A-Z][\w.'-]*(?: [A-Z][\w.'-]*)*){0,3}\)?\s*(?:\([^()]{1,40}\)\s*)?[-–—:.]{1,2}"
    r"|[A-Z][\w'-]+(?: [A-Z][\w'-]+)?,? (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
    r"[a-z]*\.? \d{1,2}\s*[:-]?"
    r"|[A-Z][\w'-]+:)\s+(?=\S)"
)
# Starts in lower case (after any bullet): the tail of a line cut elsewhere, not a lead.
_FRAGMENT = re.compile(r"^[-–—•*\s]*[a-z]")
_SENTENCE_SPLIT = re.compile(r"(?<=[a-z0-9\"”’)][.!?])\s+(?=[A-Z\"“])")


def lead_title(body: str, max_chars: int = 160) -> tuple[str, str] | None:
    """A fallback title and why: the head of the lead sentence (dateline dropped), the
    first sentence of the body that is not a chrome shape; cut at a word boundary."""
    for line in body.strip().split("\n"):
        for sentence in _SENTENCE_SPLIT.split(line.strip()):
            # a month label ("date 2024-01") stays in the body (it dates nothing, and the
            # body is left as found) but is no part of a title
            partial = partial_date_label(sentence)
            sentence = partial.rest if partial is not None else sentence
            if not sentence or _chrome_sentence(sentence):
                continue
            sentence = _DATELINE.sub("", sentence, count=1)
            return first_sentence(sentence, max_chars), "lead sentence of the body"
    return None


def _chrome_sentence(text: str) -> bool:
    """A chrome shape; a cue counts unless only weak cue words sit in a long sentence
    ("share", "updates" in news prose)."""
    if _FRAGMENT.match(text):
        return True
    reason = not_a_title(text)
    if reason is None:
        return False
    if reason.startswith("cue:"):
        return word_count(text) < 12 or any(strong for _, strong in cue_hits(text))
    return True


def first_sentence(body: str, max_chars: int = 160) -> str:
    """The body's first sentence, cut at a word boundary."""
    first = body.strip().split("\n", 1)[0]
    m = re.search(r"(?<=[a-z0-9\"”’)])[.!?](?=\s+[A-Z\"“])", first)
    sentence = first[: m.start() + 1] if m else first
    if len(sentence) <= max_chars:
        return sentence.strip()
    return sentence[:max_chars].rsplit(" ", 1)[0].rstrip(",;:") + "…"
