"""Language-independent event keys of a text: figures, Latin-script names, dates mentioned.

A translation shares no wording with its source and an English embedding model places it
far away, but it keeps the event's figures ("7,4" in French is "7.4"; Arabic-Indic and
full-width digits are digits), the Latin-script names and acronyms it does not translate
(accents folded: "Orégon" is "oregon") and the dates it mentions ("5 janvier", "January 5",
"1月5日" are all (1, 5)). Month names come from the CLDR data of ``babel`` (every locale),
not from a list written here. Pure functions; the weighting by rarity is in
``story_link.py``.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources

from wirecheck.provenance.order import english_share

# a figure: digits (any script: \d is Unicode) with inner separators . , ' or thin spaces
_FIGURE = re.compile(r"\d+(?:[.,'\u2009\u202f\u00a0 ]\d+)*")
# thousands groups: a separator followed by exactly three digits, repeated to the end
_THOUSANDS = re.compile(r"^\d{1,3}(?:([.,'\u2009\u202f\u00a0 ])\d{3})(?:\1\d{3})*$")
# a Latin-script capitalised word or acronym (after accent folding)
_LATIN_NAME = re.compile(r"\b[A-Z][A-Za-z]*[A-Za-z0-9]\b")
_SENTENCE_END = ".!?:\n"
# dates written with a month name: "5 janvier", "5. Januar", "5 de enero", "January 5"
_DAY_MONTH = re.compile(
    r"\b(\d{1,2})(?:\.|er|º|th|st|nd|rd)?\s+([^\W\d_]+)(?:\s+([^\W\d_]{3,}))?"
)
_MONTH_DAY = re.compile(r"\b([^\W\d_]{3,})\.?\s+(\d{1,2})\b(?!\s*[:.,]?\d)")
# numeric month/day: CJK "1月5日", and ISO "2024-01-05"
_CJK_DATE = re.compile(r"(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_ISO_DATE = re.compile(r"\b(?:19|20)\d\d-(\d\d)-(\d\d)\b")
MIN_MONTH_AGREEMENT = 0.8  # share of locales that must read a month name as the same month
# share of common English function words above which a text is English (order.py: English
# texts ~0.35-0.45, other Latin-script languages < 0.1, CJK/Arabic 0)
ENGLISH_MIN = 0.15


@dataclass(frozen=True, slots=True)
class EventKeys:
    """What a text says about its event, in a form that survives translation."""

    figures: frozenset[str]
    names: frozenset[str]
    dates: frozenset[tuple[int, int]]  # (month, day) mentioned in the text
    lead_dates: frozenset[tuple[int, int]]  # ... in its lead (the text's own event)
    lead: frozenset[str]  # figures and names of the lead (what the text itself reports)
    english: bool = True  # written in English (the event similarity's model reads English)


_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_OTHER_DIGIT = re.compile(r"(?![0-9])\d")


def fold(text: str) -> str:
    """Accents removed, compatibility forms unified (full-width letters and digits)."""
    if text.isascii():
        return text
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text))


def ascii_digits(text: str) -> str:
    """Every decimal digit of any script (Arabic-Indic, Devanagari, full-width) as 0-9."""
    if text.isascii():
        return text
    text = text.translate(_ARABIC_SEPARATORS)
    return _OTHER_DIGIT.sub(lambda m: str(unicodedata.decimal(m.group(0))), text)


_ARABIC_SEPARATORS = str.maketrans({"\u066b": ".", "\u066c": ","})


def normal_figure(raw: str) -> str:
    """One spelling per value: thousands separators dropped ("1,000", "1.000", "1 000"),
    a remaining separator read as the decimal point ("7,4" and "7.4"), leading zeros off."""
    raw = ascii_digits(raw)
    if _THOUSANDS.match(raw):
        return raw.translate(_NO_SEPARATORS).lstrip("0") or "0"
    parts = re.split(r"[.,'\u2009\u202f\u00a0 ]", raw)
    whole = "".join(parts[:-1]) if len(parts) > 1 else parts[0]
    whole = whole.lstrip("0") or "0"
    if len(parts) == 1:
        return whole
    frac = parts[-1].rstrip("0")
    return f"{whole}.{frac}" if frac else whole


_NO_SEPARATORS = str.maketrans("", "", ".,'\u2009\u202f\u00a0 ")


def figures(text: str) -> frozenset[str]:
    """Normalised figures of ``text`` (a run of figures split by spaces is read as one only
    when it forms thousands groups)."""
    found: set[str] = set()
    for m in _FIGURE.finditer(text):
        raw = m.group(0)
        if " " in raw and not _THOUSANDS.match(ascii_digits(raw)):
            found.update(normal_figure(p) for p in raw.split(" ") if p)
        else:
            found.add(normal_figure(raw))
    return frozenset(found)


def latin_names(text: str) -> frozenset[str]:
    """Capitalised Latin-script words and acronyms, accents folded, lower-cased. A word that
    opens a sentence counts only if it is also capitalised elsewhere inside a sentence (in
    any language a sentence opens with a capital)."""
    folded = fold(text)
    inside: set[str] = set()
    opening: set[str] = set()
    for m in _LATIN_NAME.finditer(folded):
        word = m.group(0)
        (opening if _opens(folded, m.start()) else inside).add(word)
    acronyms = {w for w in opening if w.isupper() and len(w) >= 2}
    return frozenset(w.lower() for w in inside | acronyms)


def _opens(text: str, pos: int) -> bool:
    before = text[max(0, pos - 4) : pos].rstrip(" \"'(\u00ab\u201c\u2018-")
    return not before or before[-1] in _SENTENCE_END


MONTHS_FILE = "month_names.json"


@cache
def month_names() -> dict[str, int]:
    """Month names of every CLDR locale (``cldr_month_names``), read from the shipped data
    file: building them loads every locale into babel's process-wide cache (~140 MB kept
    for the life of the process, in every worker)."""
    path = resources.files("wirecheck") / "data" / MONTHS_FILE
    data: dict[str, int] = json.loads(path.read_text(encoding="utf-8"))
    return data


def cldr_month_names() -> dict[str, int]:
    """Month names and abbreviations of every CLDR locale (lower-case, accents folded), each
    with the month most locales give it; names read differently by many locales are left out
    (e.g. an abbreviation that is March in one language and May in another).
    ``scripts/build_month_names.py`` writes them to the data file; a test checks it is current."""
    from babel import Locale, localedata

    votes: dict[str, Counter[int]] = {}
    for ident in localedata.locale_identifiers():
        if "_" in ident:
            continue
        try:
            months = Locale.parse(ident).months
        except (ValueError, KeyError):
            continue
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in months[context][width].items():
                    key = fold(name).lower().strip(". ")
                    if len(key) >= 3 and key.isalpha():
                        votes.setdefault(key, Counter())[number] += 1
    out: dict[str, int] = {}
    for name, counter in sorted(votes.items()):
        month, count = counter.most_common(1)[0]
        if count >= MIN_MONTH_AGREEMENT * sum(counter.values()):
            out[name] = month
    return out


def mentioned_dates(text: str) -> frozenset[tuple[int, int]]:
    """(month, day) of every date written with a month name or numerically in ``text``."""
    return frozenset(date for date, _ in dates_at(text))


def dates_at(text: str) -> list[tuple[tuple[int, int], int]]:
    """Each date mentioned in ``text`` as ((month, day), character offset)."""
    months = month_names()
    norm = ascii_digits(fold(text)).lower()
    found: list[tuple[tuple[int, int], int]] = []
    for m in _DAY_MONTH.finditer(norm):
        # the word after the day, or after a short connector ("5 de enero")
        month = months.get(m.group(2))
        if month is None and len(m.group(2)) <= 3 and m.group(3):
            month = months.get(m.group(3))
        _add_date(found, month, int(m.group(1)), m.start())
    for m in _MONTH_DAY.finditer(norm):
        _add_date(found, months.get(m.group(1)), int(m.group(2)), m.start())
    for pattern in (_CJK_DATE, _ISO_DATE):
        for m in pattern.finditer(norm):
            _add_date(found, int(m.group(1)), int(m.group(2)), m.start())
    return found


def _add_date(
    found: list[tuple[tuple[int, int], int]], month: int | None, day: int, at: int
) -> None:
    if month is not None and 1 <= month <= 12 and 1 <= day <= 31:
        found.append(((month, day), at))


def event_keys(body: str, lead_chars: int = 400) -> EventKeys:
    """The event keys of an article body (``lead_chars``: how much of it is its lead; a
    word cut at the boundary is dropped, as only keys of the whole text are kept)."""
    folded = fold(body)
    nums, names = figures(folded), latin_names(folded)
    head = folded[:lead_chars]
    dates = dates_at(folded)
    return EventKeys(
        figures=nums,
        names=names,
        dates=frozenset(d for d, _ in dates),
        lead_dates=frozenset(d for d, at in dates if at < lead_chars),
        lead=(figures(head) & nums) | (latin_names(head) & names),
        english=english_share(body) > ENGLISH_MIN,
    )
