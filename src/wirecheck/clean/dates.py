"""Dates written in text: full dates, month-day references, weekday references.

Hand-written regexes rather than ``dateparser.search_dates``: that one is slow on whole
articles (it tries every token in many languages) and over-matches ("may", "march"),
while news text uses a few fixed English forms.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {
    name: index
    for index, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_ISO = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")
_MDY = re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE)
_DMY = re.compile(rf"\b{_DAY}\s+{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE)
_MD = re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?!,?\s+(?:19|20)\d\d)(?!\s*(?:%|per))", re.IGNORECASE)
_DM = re.compile(rf"\b{_DAY}\s+{_MONTH}\b(?!,?\s+(?:19|20)\d\d)", re.IGNORECASE)
_WEEKDAY = re.compile(r"\b(?P<weekday>" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)

# Cheap exact prefilters (the patterns above scan every position; most texts have no
# match). A full date needs a year; a month-day needs a month word next to a digit. The
# month-day hint is case-sensitive on a folded lower-case copy, which is several times
# faster than IGNORECASE; ``_FOLD`` maps the non-ASCII letters that IGNORECASE matches
# to ASCII letters (checked over all of Unicode), so the hint never misses a match.
_YEAR_HINT = re.compile(r"(?:19|20)\d\d")
_MONTH_PREFIXES = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
_MONTH_DAY_HINT = re.compile(
    rf"{_MONTH_PREFIXES}[a-z]*\.?\s+\d|\d(?:st|nd|rd|th)?\s+{_MONTH_PREFIXES}"
)
_FOLD = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})


def _folded(text: str) -> str:
    return text.translate(_FOLD).lower()


@dataclass(frozen=True)
class DateHit:
    """One date found in text, with its character span."""

    value: date
    start: int
    end: int


def _month(text: str) -> int:
    # folded, not just lower-cased: IGNORECASE also matched "ſept" or "İ" forms
    return int(text) if text.isdigit() else MONTHS[_folded(text).rstrip(".")]


def _make(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def full_dates(text: str) -> list[DateHit]:
    """Dates with day, month and year (ISO, "April 18, 2024", "18 April 2024")."""
    hits: list[DateHit] = []
    if not _YEAR_HINT.search(text):
        return hits
    for pattern in (_ISO, _MDY, _DMY):
        for m in pattern.finditer(text):
            value = _make(int(m["year"]), _month(m["month"]), int(m["day"]))
            if value is not None:
                hits.append(DateHit(value, m.start(), m.end()))
    return sorted(hits, key=lambda h: h.start)


def month_days(text: str) -> list[tuple[int, int]]:
    """(month, day) references without a year ("on April 12", "12 April")."""
    out: list[tuple[int, int]] = []
    if not _MONTH_DAY_HINT.search(_folded(text)):
        return out
    for pattern in (_MD, _DM):
        for m in pattern.finditer(text):
            day = int(m["day"])
            if 1 <= day <= 31 and not (m["month"].lower() == "may" and m["month"][0] == "m"):
                out.append((_month(m["month"]), day))
    return out


_SENTENCE = re.compile(r"(?<=[.!?])[\"”’]?\s+")
# A sentence with one of these words talks about what will happen: its weekday is
# a coming day, not the day of the report ("when he meets him on Tuesday").
_FUTURE = re.compile(
    r"\b(?:will|would|shall|next|upcoming|expected|plans?|planning|scheduled|due to|"
    r"going to|later)\b|\b\w+ (?:is|are) to\b",
    re.IGNORECASE,
)


def weekdays(text: str) -> list[int]:
    """Weekday references (0 = Monday) of sentences about the past or present, in order."""
    out: list[int] = []
    folded = _folded(text)
    if not any(day in folded for day in WEEKDAYS):
        return out
    for sentence in _SENTENCE.split(text):
        if _WEEKDAY.search(sentence) is None or _FUTURE.search(sentence):
            continue
        out.extend(WEEKDAYS.index(_folded(m["weekday"])) for m in _WEEKDAY.finditer(sentence))
    return out


def parse_iso(value: str | None) -> date | None:
    """A metadata date ("2024-04-13", "2024-04-13T10:00:00Z", "April 13, 2024") or None."""
    if not value:
        return None
    iso = re.match(r"\s*((?:19|20)\d\d)-([01]\d)-([0-3]\d)", value)
    if iso is not None:
        return _make(int(iso[1]), int(iso[2]), int(iso[3]))
    hits = full_dates(value)
    return hits[0].value if hits else None


def dominant(dates: list[date]) -> date | None:
    """The most frequent date; ties go to the latest (a report is dated after its events)."""
    if not dates:
        return None
    counts = Counter(dates)
    return max(counts, key=lambda d: (counts[d], d))


# A month-day may fall this many days after its context date: a copy or later version runs a
# day or two after the text that lends it a year ("Jan. 6" beside a text of 5 January is
# 6 January of the same year, not of the year before).
MONTH_DAY_AFTER = 3


def resolve_month_day(month: int, day: int, context: list[date]) -> date | None:
    """Give a year to "April 12": the latest such date on or before a context date (or at
    most ``MONTH_DAY_AFTER`` days after it)."""
    best: date | None = None
    for ref in context:
        latest = ref + timedelta(days=MONTH_DAY_AFTER)
        for year in (ref.year + 1, ref.year, ref.year - 1):
            candidate = _make(year, month, day)
            if candidate is not None and candidate <= latest and (best is None or candidate > best):
                best = candidate
                break
    return best


def resolve_weekday(days: list[int], anchor: date, max_back: int) -> date | None:
    """The mentioned weekday closest before (or on) ``anchor``, within ``max_back`` days."""
    best: date | None = None
    for weekday in set(days):
        back = (anchor.weekday() - weekday) % 7
        if back <= max_back:
            candidate = anchor - timedelta(days=back)
            if best is None or candidate > best:
                best = candidate
    return best
