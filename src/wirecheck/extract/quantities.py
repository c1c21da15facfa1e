"""Numbers in news text as intervals: percentages, money, counts, with their qualifiers.

Pure (no spaCy): a regular grammar over the text. Written by hand because the
libraries at hand (quantulum-like parsers are not installed; spaCy's NER only tags
"MONEY"/"PERCENT" spans without qualifiers or scales) do not map qualifiers to intervals,
which is the point here (SPEC "Quantity"):

* below qualifiers ("nearly", "almost", "just under") -> [v(1-d), v)
* above qualifiers ("more than", "over", "above")    -> (v, v(1+d)]
* approximate ("about", "roughly", "approximately")  -> [v(1-d), v(1+d)]
* "at least" -> [v, open); "up to"/"at most" -> [0, v]; "less than"/"under" -> [0, v)
* a bare number -> v +- half a unit of its last non-zero digit (capped).

``high=None`` means unbounded.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from wirecheck.model import Quantity
from wirecheck.settings.extract import ExtractSettings

WORD_NUMBERS: dict[str, int] = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "dozen": 12,
}  # "one" is left out: in news prose it is mostly a pronoun ("one of the biggest")

# qualifier wording -> interval class
QUALIFIERS: dict[str, str] = {
    "nearly": "below",
    "almost": "below",
    "just under": "below",
    "close to": "below",
    "just shy of": "below",
    "nearing": "below",
    "more than": "above",
    "over": "above",
    "above": "above",
    "exceeding": "above",
    "in excess of": "above",
    "upwards of": "above",
    "well over": "above",
    "just over": "above",
    "more then": "above",
    "about": "about",
    "roughly": "about",
    "around": "about",
    "approximately": "about",
    "some": "about",
    "an estimated": "about",
    "approx.": "about",
    "circa": "about",
    "at least": "at_least",
    "no less than": "at_least",
    "not less than": "at_least",
    "up to": "at_most",
    "at most": "at_most",
    "no more than": "at_most",
    "less than": "less",
    "fewer than": "less",
    "under": "less",
    "below": "less",
}

SCALES: dict[str, float] = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "mln": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
    "trn": 1e12,
}
CURRENCY_SYMBOLS: dict[str, str] = {
    "us$": "USD",
    "$": "USD",
    "£": "GBP",
    "€": "EUR",
    "usd": "USD",
    "gbp": "GBP",
    "eur": "EUR",
    "¥": "CNY",
    "rmb": "CNY",
    "cny": "CNY",
}
CURRENCY_WORDS: dict[str, str] = {
    "dollars": "USD",
    "euros": "EUR",
    "pounds sterling": "GBP",
    "yuan": "CNY",
    "renminbi": "CNY",
    "roubles": "RUB",
    "rubles": "RUB",
    "yen": "JPY",
}
UNIT_SYMBOL: dict[str, str] = {"USD": "$", "GBP": "£", "EUR": "€"}


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_PATTERN = re.compile(
    rf"(?<![\w.$£€¥-])(?<!\d,)"  # "7,4": the decimal part of a number, not a number
    rf"(?:(?P<qual>{_alt(list(QUALIFIERS))})\s+)?"
    rf"(?P<cur>{_alt(list(CURRENCY_SYMBOLS))})?\s?"
    rf"(?P<num>{_NUMBER}|(?:{_alt(list(WORD_NUMBERS))})(?![\w]))"
    rf"(?:\s?(?P<scale>{_alt(list(SCALES))})(?![\w]))?"
    rf"(?:\s?(?P<pct>%|per\s?cent\b|pct\b)"
    rf"|\s(?P<curword>{_alt(list(CURRENCY_WORDS))})\b)?",
    re.IGNORECASE,
)
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
    # the same in the other languages of wire copies (a date is never a count)
    "|janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre"
    "|d[ée]cembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre"
    "|noviembre|diciembre|januar|februar|m[äa]rz|juni|juli|oktober|dezember|gennaio|febbraio"
    "|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|janeiro|fevereiro|mar[çc]o|maio"
    "|junho|julho|setembro|outubro|dezembro|januari|februari|maart|mei|augustus"
)
_MONTH_BEFORE = re.compile(rf"\b(?:{_MONTHS})\.?\s*$", re.IGNORECASE)
_MONTH_AFTER = re.compile(rf"^\s*(?:de\s+)?(?:{_MONTHS})\b", re.IGNORECASE)
# A capitalised word right before a number, not opening the sentence: a model or product
# number ("Corvane 412", "XR 9"), never a count of the noun that follows.
_NAME_BEFORE = re.compile(r"(?:^|(?P<lead>[.!?:;\"“”]\s*)|\s)(?P<word>[A-Z][\w-]*)\s+$")
# Words before a number that make it a measurement or a label, not a count.
_LABEL_BEFORE = re.compile(
    r"\b(?:magnitude|aged|age|flight|route|no\.|number|level|category|gate|platform)\s*$",
    re.IGNORECASE,
)
_NEXT_WORD = re.compile(r"^[\s-]*([A-Za-z][\w-]*)")
_TIME_UNITS = {
    "year",
    "years",
    "month",
    "months",
    "week",
    "weeks",
    "day",
    "days",
    "hour",
    "hours",
    "minute",
    "minutes",
    "second",
    "seconds",
    "decade",
    "decades",
    "am",
    "pm",
    "h",
    "year-old",
    "of",
    "to",
    "and",
    "or",
    "percentage",
    "times",
    # lengths, depths, weights of things and clock times: measurements, not counts
    "km",
    "kilometre",
    "kilometres",
    "kilometer",
    "kilometers",
    "mile",
    "miles",
    "metre",
    "metres",
    "meter",
    "meters",
    "feet",
    "foot",
    "ft",
    "inches",
    "cm",
    "mm",
    "mph",
    "knots",
    "gmt",
    "utc",
    "a",
    # "years" in the other languages of wire copies
    "ans",
    "años",
    "anni",
    "jahre",
    "anos",
    "jaar",
}


@dataclass(frozen=True)
class _Raw:
    start: int
    end: int
    qualifier: str | None
    number: str
    value: float
    unit: str


def parse_quantities(text: str, settings: ExtractSettings, offset: int = 0) -> list[Quantity]:
    """All quantities in ``text`` as intervals; spans are shifted by ``offset``."""
    return [to_quantity(raw, text, settings, offset) for raw in _scan(text)]


def to_quantity(raw: _Raw, text: str, settings: ExtractSettings, offset: int = 0) -> Quantity:
    low, high, low_inc, high_inc = interval(raw.value, raw.number, raw.qualifier, settings)
    return Quantity(
        low=low,
        high=high,
        low_inclusive=low_inc,
        high_inclusive=high_inc,
        unit=raw.unit,
        qualifier=raw.qualifier,
        text=text[raw.start : raw.end],
        value=raw.value,
        start=raw.start + offset,
        end=raw.end + offset,
    )


def _scan(text: str) -> Iterator[_Raw]:
    for match in _PATTERN.finditer(text):
        raw = _classify(match, text)
        if raw is not None:
            yield raw


def _classify(match: re.Match[str], text: str) -> _Raw | None:
    number = match["num"].lower()
    cur, scale, pct, curword = match["cur"], match["scale"], match["pct"], match["curword"]
    if cur and cur.lower() in ("usd", "gbp", "eur", "rmb", "cny") and not match["num"][0].isdigit():
        return None
    base = float(WORD_NUMBERS[number]) if number in WORD_NUMBERS else float(number.replace(",", ""))
    scale_value = SCALES[scale.lower()] if scale else 1.0
    if scale and scale.lower() in ("m", "b", "k") and not cur:
        return None  # "5m" without a currency is a distance or a plain count; not ours
    qualifier = match["qual"].lower() if match["qual"] else None
    if pct:
        unit = "%"
    elif cur or curword:
        unit = CURRENCY_SYMBOLS[cur.lower()] if cur else CURRENCY_WORDS[curword.lower()]
    else:
        if not _is_count(match, text, number, qualifier):
            return None
        unit = "count"
    start = match.start("qual") if qualifier else match.start("cur") if cur else match.start("num")
    return _Raw(start, match.end(), qualifier, number, base * scale_value, unit)


def _is_count(match: re.Match[str], text: str, number: str, qualifier: str | None) -> bool:
    """A plain number is a count only when qualified or followed by a counted noun."""
    if _YEAR.match(number) and qualifier is None:
        return False
    before, after = text[: match.start()], text[match.end() :]
    if _MONTH_BEFORE.search(before) or _MONTH_AFTER.match(after):
        return False
    if after[:1] in ("-", "/", ":") or before[-1:] in ("/", ":", "#"):
        return False
    if len(number) > 1 and number[0] == "0" and number[1].isdigit():
        return False  # "04": minutes of a clock time or a code, never a count
    word = _NEXT_WORD.match(after)
    if word is not None and word.group(1).lower() in _TIME_UNITS:
        return False
    if qualifier is None and _model_number(before, word):
        return False
    return qualifier is not None or word is not None


def _model_number(before: str, word: re.Match[str] | None) -> bool:
    """A number named by the capitalised word before it or a capitals word after it
    ("XR 9", "412 XR"),
    or labelled by a measuring word ("magnitude 7", "aged 45", "flight 4410")."""
    if _LABEL_BEFORE.search(before):
        return True
    if word is not None and len(word.group(1)) > 1 and word.group(1).isupper():
        return True  # "412 XR"; a capitalised adjective ("three Chinese groups") is fine
    name = _NAME_BEFORE.search(before)
    return name is not None and name.group("lead") is None and name.start("word") > 0


def interval(
    value: float, number: str, qualifier: str | None, settings: ExtractSettings
) -> tuple[float | None, float | None, bool, bool]:
    """(low, high, low_inclusive, high_inclusive) of a number with its qualifier."""
    kind = QUALIFIERS.get(qualifier or "", "bare")
    if kind == "below":
        return value * (1 - settings.below_margin), value, True, False
    if kind == "above":
        return value, value * (1 + settings.above_margin), False, True
    if kind == "about":
        return value * (1 - settings.about_margin), value * (1 + settings.about_margin), True, True
    if kind == "at_least":
        return value, None, True, True
    if kind == "at_most":
        return 0.0, value, True, True
    if kind == "less":
        return 0.0, value, True, False
    half = min(rounding_half_unit(number, value), abs(value) * settings.bare_max_margin)
    return value - half, value + half, True, True


def rounding_half_unit(number: str, value: float) -> float:
    """Half a unit of the last non-zero digit of ``number`` as written, scaled to ``value``."""
    if number in WORD_NUMBERS:
        return 0.5 * (value / WORD_NUMBERS[number])
    digits = number.replace(",", "")
    written = float(digits)
    if written == 0:
        return 0.0
    if "." in digits:
        place = 10.0 ** -len(digits.split(".")[1])
    else:
        stripped = digits.rstrip("0")
        place = 10.0 ** (len(digits) - len(stripped))
    return 0.5 * place * (value / written)


def format_quantity(value: float, unit: str, qualifier: str | None = None) -> str:
    """Canonical wording of a quantity; ``parse_quantities`` reads it back."""
    prefix = f"{qualifier} " if qualifier else ""
    if unit == "%":
        return f"{prefix}{_num(value)}%"
    if unit == "count":
        return f"{prefix}{_num(value)}"
    scaled, scale = _scale(value)
    symbol = UNIT_SYMBOL.get(unit)
    amount = f"{_num(scaled)}{' ' + scale if scale else ''}"
    return f"{prefix}{symbol}{amount}" if symbol else f"{prefix}{unit} {amount}"


def _scale(value: float) -> tuple[float, str]:
    for name, size in (("trillion", 1e12), ("billion", 1e9), ("million", 1e6)):
        if abs(value) >= size:
            return value / size, name
    return value, ""


def _num(value: float) -> str:
    text = f"{value:,.6f}".rstrip("0").rstrip(".")  # "1,800": never read as a year
    return text or "0"


def overlaps(a: Quantity, b: Quantity) -> bool:
    """True when two quantities' intervals share at least one point (None = unbounded)."""
    return _below(a, b) and _below(b, a)


def _below(a: Quantity, b: Quantity) -> bool:
    """a's low bound does not lie above b's high bound."""
    if a.low is None or b.high is None:
        return True
    if a.low < b.high:
        return True
    return a.low == b.high and a.low_inclusive and b.high_inclusive
