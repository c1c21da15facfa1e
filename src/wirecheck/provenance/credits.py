"""Credit lines found by generic patterns: datelines "(AGENCY) —", "X has the story",
"via X", "X contributed to this report", "Copyright YEAR X", a closing "— X" sign-off,
an agency named in any language ("according to X", "selon X", "según X", "laut X"),
house-style marks (a "Reporting by ...; Editing by ..." signature, instrument-code
tickers), "X reported", "told X", "Source: X".

The name patterns catch any capitalised name; the world list of news agencies
(``agencies.py``) only resolves a caught name to its agency and finds agency names in the
patterns that take nothing else (a sign-off, a mention in another language).
``origin`` credits say whose text this is, with a ``weight`` (how surely: a dateline
more than a mention); ``attribution`` credits say who reported a fact ("told the
broadcaster" never names an origin).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from wirecheck.provenance.agencies import agencies, resolve, with_house_style
from wirecheck.provenance.text import normalise

_NAME = r"((?:The |the )?[A-Z][\w&.'-]*(?: (?:of |de |la )?[A-Z][\w&.'-]*){0,4})"


@lru_cache(maxsize=1)
def _agency_alt() -> str:
    """A regex group of every agency alias in Latin script (longest first), as a whole word."""
    return r"(?<![\w-])(" + "|".join(_aliases(latin=True)) + r")(?![\w-])"


@lru_cache(maxsize=1)
def _unspaced_alt() -> str:
    """Aliases in scripts written without spaces (Chinese, Japanese) or in Arabic: a word
    boundary means nothing there, so the name alone is matched."""
    return "(" + "|".join(_aliases(latin=False)) + ")"


def _aliases(latin: bool) -> list[str]:
    names = {a for ag in agencies() for a in (ag.name, *ag.aliases)}
    keep = [n for n in names if all(ord(ch) < 0x0370 for ch in n) == latin]
    return [re.escape(normalise(n)) for n in sorted(keep, key=len, reverse=True)]


# Words that introduce a source in the languages of the agencies' copy; "told" is not one
# (a person speaking to an outlet is not that outlet's text).
_ACCORDING = (
    r"according to|citing|reported by|selon|d'apres|d'après|según|segun|de acuerdo con|"
    r"informó|informo|laut|berichtet|meldet|meldete|secondo|riferisce|segundo|"
    r"de acordo com|informou|volgens|meldt|menurut|dikutip dari|dikutip|dilansir dari|"
    r"dilansir|melansir|mengutip|reports|reported|rapporte"
)
_AGENCY_WORD = (
    r"(?:the |la |el |le |l'|die |der |a |o |de |het )?(?:news agency |press agency |agency |"
    r"agencia de noticias |agencia |agence de presse |agence |agência de notícias |agência |"
    r"agenzia di stampa |agenzia |Nachrichtenagentur |persbureau |kantor berita )?"
)
_ORIGIN = [
    ("dateline", re.compile(r"\(" + r"([A-Z][A-Za-z&.' -]{0,30}[A-Za-z.])" + r"\)\s*[-:]"), 0.9),
    ("has_the_story", re.compile(_NAME + r" (?:has|had) the (?:full )?story"), 0.9),
    (
        "originally",
        re.compile(r"(?:originally|first) (?:published|appeared) (?:by|in|on) " + _NAME),
        0.9,
    ),
    ("source_line", re.compile(r"(?m)^\s*(?:Source|Via|Credit)\s*:\s*" + _NAME), 0.9),
    (
        "copyright",
        re.compile(r"(?:Copyright|©|\([cC]\))\s*(?:(?:19|20)\d\d\s*[-,]?\s*)?" + _NAME),
        0.4,
    ),
    ("via", re.compile(r"\bvia " + _NAME), 0.4),
    ("contributed", re.compile(_NAME + r" contributed to this report"), 0.5),
]
_ATTRIBUTION = [
    ("reported", re.compile(_NAME + r" (?:reported|reports|said in a report)")),
    ("told", re.compile(r"\btold " + _NAME)),
    ("according_to", re.compile(r"\baccording to " + _NAME)),
]
# a pattern runs only on texts containing one of its keywords (the regexes start with a
# name, which makes them slow to try at every capital letter)
_KEYWORDS = {
    "dateline": (") -", "):"),
    "has_the_story": (" the story", " the full story"),
    "originally": ("originally", "first published", "first appeared"),
    "source_line": ("source:", "via:", "credit:"),
    "copyright": ("copyright", "©", "(c)"),
    "via": ("via ",),
    "contributed": ("contributed to this report",),
    "reported": (" reported", " reports", "said in a report"),
    "told": ("told ",),
    "according_to": ("according to ",),
}
_GENERIC = {"the", "he", "she", "they", "it", "officials", "reporters", "us", "u.s"}
# Weights of the agency-only patterns: a sign-off line is the agency's own mark; a mention
# in running text or a house-style mark is weaker evidence (an own report may cite one).
_SIGNOFF_WEIGHT = 0.8
_MENTION_WEIGHT = 0.5
_STYLE_WEIGHT = 0.6
_AGENCY_BONUS = 0.1  # a pattern naming a known agency is surer than one naming a site
# A copyright line naming an agency is the agency's notice on its own copy; naming a site,
# it is the site's footer (which also sits under the copies it carries).
_AGENCY_WEIGHT = {"copyright": 0.9}
_SIGNATURE = re.compile(r"Reporting by [^\n;]{2,80};[^\n]{0,200}?Editing by ")
_RIC_TICKER = re.compile(
    r"\b[A-Z][\w&'-]*(?: [A-Z][\w&'-]*){0,3} \(?[A-Z]{2,5}\."
    r"(?:N|O|OQ|L|T|PA|DE|HK|SS|SZ|TW|KS|AX|TO)\)?(?=[\s,.;:)]|$)"
)


@dataclass(frozen=True)
class Credit:
    name: str
    kind: str  # pattern name
    origin: bool  # True: names whose text this is; False: who reported a fact
    start: int
    end: int
    weight: float = 1.0  # how surely an origin credit names whose text this is (0..1)
    agency: bool = False  # the name resolves to a news agency of the world list


def credits(text: str) -> list[Credit]:
    """Credit lines of ``text`` in order of appearance (memoised: texts recur across pairs)."""
    return list(_credits(text))


@lru_cache(maxsize=4096)
def _credits(text: str) -> tuple[Credit, ...]:
    norm = normalise(text)
    lower = norm.lower()
    found: list[Credit] = []
    for kind, rx, weight in _ORIGIN:
        if any(k in lower for k in _KEYWORDS[kind]):  # cheap prefilter
            found.extend(_named(rx, norm, kind, True, weight))
    for kind, rx in _ATTRIBUTION:
        if any(k in lower for k in _KEYWORDS[kind]):
            found.extend(_named(rx, norm, kind, False, 0.0))
    found.extend(_agency_credits(norm))
    unique = {(c.name, c.kind, c.end): c for c in sorted(found, key=lambda c: -c.start)}
    return tuple(sorted(unique.values(), key=lambda c: c.start))


def _named(rx: re.Pattern[str], norm: str, kind: str, origin: bool, weight: float) -> list[Credit]:
    out = []
    for m in rx.finditer(norm):
        found = m.group(1)
        if kind == "copyright":  # the notice's name ends at its sentence ("X. All rights...")
            found = re.split(r"\.\s", found)[0]
        name = _clean(found)
        if not name:
            continue
        agency = resolve(name)
        weight_here = weight
        if agency is not None:
            name = agency.name
            if origin:
                weight_here = _AGENCY_WEIGHT.get(kind, min(1.0, weight + _AGENCY_BONUS))
        out.append(Credit(name, kind, origin, m.start(), m.end(), weight_here, agency is not None))
    return out


@lru_cache(maxsize=1)
def _agency_patterns() -> tuple[tuple[str, re.Pattern[str], float, bool], ...]:
    """(kind, pattern, weight, origin): a sign-off or a credit line is the agency's mark on
    its own copy; a mention ("according to X", "selon X") names a source of a fact, which
    an own report or another agency's copy cites as often as the agency's own text does."""
    alt = _agency_alt()
    # "- AGENCY" closing a paragraph, or a line of its own: "AGENCY", "(AGENCY)",
    # "AGENCY/Site", "AGENCY || Site name" (a credit line above or below the text)
    tail = r"(?:\s*(?:/|\|{1,2}|·)\s*[^\n|/]{1,40}?)?"
    signoff = r"(?m)(?:\s-\s*|^\s*\(?)" + alt + tail + r"\)?\s*$"
    according = r"(?i:\b(?:" + _ACCORDING + r"))\s+" + _AGENCY_WORD + alt
    agency_word = r"(?i:\b(?:news agency|agencia|agence|agência|agenzia|Nachrichtenagentur))\s+"
    return (
        ("signoff", re.compile(signoff), _SIGNOFF_WEIGHT, True),
        ("agency_mention", re.compile(according), _MENTION_WEIGHT, False),
        ("agency_mention", re.compile(agency_word + alt), _MENTION_WEIGHT, False),
        ("agency_mention", re.compile(_unspaced_alt()), _MENTION_WEIGHT, False),
    )


def _agency_credits(norm: str) -> list[Credit]:
    """Credits that only an agency name can fill, and the house-style marks."""
    out: list[Credit] = []
    for kind, rx, weight, origin in _agency_patterns():
        for m in rx.finditer(norm):
            agency = resolve(m.group(1))
            if agency is not None:
                out.append(Credit(agency.name, kind, origin, m.start(), m.end(), weight, True))
    for style, rx in (("signature", _SIGNATURE), ("ric_ticker", _RIC_TICKER)):
        mark = rx.search(norm)
        if mark is None:
            continue
        for agency in with_house_style(style):
            out.append(
                Credit(agency.name, style, True, mark.start(), mark.end(), _STYLE_WEIGHT, True)
            )
    return out


def _clean(name: str) -> str:
    name = re.sub(r"^(?:The|the) ", "", name.strip()).rstrip(".")
    return "" if name.lower() in _GENERIC or len(name) < 2 else name


def key(name: str | None) -> str:
    """Comparable form of an outlet or credited name (case, punctuation, leading 'the')."""
    if not name:
        return ""
    return re.sub(r"[^a-z0-9]", "", re.sub(r"^the ", "", name.lower()))


def credits_name(text: str, name: str | None) -> Credit | None:
    """The first credit of ``text`` naming ``name`` (an outlet), if any."""
    target = key(name)
    if not target:
        return None
    for credit in credits(text):
        ck = key(credit.name)
        if ck and (ck == target or (len(ck) > 3 and (ck in target or target in ck))):
            return credit
    return None


def origin_credit(text: str, head_chars: int = 600) -> Credit | None:
    """An origin credit near the top of ``text`` (dateline or 'X has the story')."""
    for credit in credits(text):
        if credit.origin and credit.start < head_chars:
            return credit
    return None
