"""Time periods a quantity refers to ("in 2022", "last year", "the fourth quarter of 2023").

Pure: periods are resolved against the article date (ISO ``YYYY-MM-DD``) when relative.
Results use ``YYYY``, ``YYYY-Qn``, ``YYYY-Hn`` and ``YYYY-MM``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from wirecheck.model import Quantity

_ORDINAL_QUARTER = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4, "last": 4}
_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]

_QUARTER_OF_YEAR = re.compile(
    r"\b(?:the\s+)?(first|second|third|fourth|final|last|[1-4](?:st|nd|rd|th))\s+quarter"
    r"\s+(?:of\s+)?((?:19|20)\d\d)\b",
    re.IGNORECASE,
)
_Q_YEAR = re.compile(r"\bQ([1-4])\s*[-/ ]?\s*((?:19|20)\d\d)\b", re.IGNORECASE)
_HALF_OF_YEAR = re.compile(
    r"\b(?:the\s+)?(first|second|1st|2nd)\s+half\s+(?:of\s+)?((?:19|20)\d\d)\b", re.IGNORECASE
)
_MONTH_YEAR = re.compile(rf"\b({'|'.join(_MONTHS)})\s+((?:19|20)\d\d)\b", re.IGNORECASE)
_RELATIVE_YEAR = re.compile(r"\b(last|this|next|previous|past)\s+year\b", re.IGNORECASE)
_RELATIVE_QUARTER = re.compile(r"\b(last|this|previous|past)\s+quarter\b", re.IGNORECASE)
_YEAR = re.compile(r"(?<![\d$£€.,-])((?:19|20)\d\d)(?![\d%-]|\s?(?:per|bn|m\b|million))")


@dataclass(frozen=True)
class PeriodSpan:
    start: int
    end: int
    period: str


def find_periods(text: str, article_date: str | None, offset: int = 0) -> list[PeriodSpan]:
    """Period expressions in ``text``, longest first where they overlap, in text order."""
    found: list[PeriodSpan] = []
    for pattern, resolve in _RULES:
        for match in pattern.finditer(text):
            period = resolve(match, article_date)
            if period is None or _covered(found, match.start() + offset, match.end() + offset):
                continue
            found.append(PeriodSpan(match.start() + offset, match.end() + offset, period))
    return sorted(found, key=lambda span: span.start)


def _covered(found: list[PeriodSpan], start: int, end: int) -> bool:
    return any(span.start < end and start < span.end for span in found)


def _quarter(match: re.Match[str], _: str | None) -> str:
    word = match[1].lower()
    number = _ORDINAL_QUARTER.get(word) or int(word[0])
    return f"{match[2]}-Q{number}"


def _q_year(match: re.Match[str], _: str | None) -> str:
    return f"{match[2]}-Q{match[1]}"


def _half(match: re.Match[str], _: str | None) -> str:
    return f"{match[2]}-H{1 if match[1].lower() in ('first', '1st') else 2}"


def _month(match: re.Match[str], _: str | None) -> str:
    return f"{match[2]}-{_MONTHS.index(match[1].lower()) + 1:02d}"


def _relative_year(match: re.Match[str], article_date: str | None) -> str | None:
    year = _year_of(article_date)
    if year is None:
        return None
    shift = {"last": -1, "previous": -1, "past": -1, "this": 0, "next": 1}[match[1].lower()]
    return str(year + shift)


def _relative_quarter(match: re.Match[str], article_date: str | None) -> str | None:
    if article_date is None or not re.match(r"^\d{4}-\d{2}", article_date):
        return None
    year, month = int(article_date[:4]), int(article_date[5:7])
    quarter = (month - 1) // 3 + 1
    if match[1].lower() != "this":
        quarter -= 1
        if quarter == 0:
            year, quarter = year - 1, 4
    return f"{year}-Q{quarter}"


def _plain_year(match: re.Match[str], _: str | None) -> str:
    return match[1]


def _year_of(article_date: str | None) -> int | None:
    if article_date and re.match(r"^\d{4}", article_date):
        return int(article_date[:4])
    return None


_RULES = (
    (_QUARTER_OF_YEAR, _quarter),
    (_Q_YEAR, _q_year),
    (_HALF_OF_YEAR, _half),
    (_MONTH_YEAR, _month),
    (_RELATIVE_QUARTER, _relative_quarter),
    (_RELATIVE_YEAR, _relative_year),
    (_YEAR, _plain_year),
)


def assign_periods(
    quantities: list[Quantity], periods: list[PeriodSpan], max_gap: int
) -> list[Quantity]:
    """Give each quantity the period that follows it (before the next quantity of its unit),
    else the nearest period before it in the same text."""
    out: list[Quantity] = []
    for index, quantity in enumerate(quantities):
        limit = _next_same_unit(quantities, index)
        after = [
            p for p in periods if quantity.end <= p.start <= min(limit, quantity.end + max_gap)
        ]
        before = [p for p in periods if p.end <= quantity.start]
        chosen = after[0] if after else (before[-1] if before else None)
        out.append(quantity.model_copy(update={"period": chosen.period if chosen else None}))
    return out


def _next_same_unit(quantities: list[Quantity], index: int) -> int:
    unit = quantities[index].unit
    for other in quantities[index + 1 :]:
        if other.unit == unit:
            return other.start
    return 1 << 60
