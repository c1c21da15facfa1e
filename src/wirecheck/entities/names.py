"""Name normalisation for resolution and screening, built on the FollowTheMoney name tools.

Every key here comes from ``fingerprints`` (legal-form removal + ASCII transliteration, so
"Example City Example Technology Co. Ltd." and "ОАО Пример" give plain word keys), ``rigour``
(person-title removal, stopwords, phonetics) and ``normality``. The only hand-written parts are
surface clean-up of NER spans (possessives, leading articles, photo credits), which these
libraries do not cover, and two small generic lexicons (words that mark an organisation or a
government body) used to type ambiguous spans.
"""

from __future__ import annotations

import re
from functools import lru_cache

import fingerprints
from fingerprints.cleanup import clean_name_ascii
from rigour.names import remove_person_prefixes
from rigour.text.phonetics import metaphone
from rigour.text.translit import ascii_text

from wirecheck.memory import stage_cache

# Generic words that only organisations carry (not names of any one organisation).
ORG_WORDS = frozenset(
    {
        "agency",
        "association",
        "bank",
        "board",
        "bureau",
        "center",
        "centre",
        "college",
        "committee",
        "company",
        "corporation",
        "council",
        "exchange",
        "factory",
        "federation",
        "foundation",
        "fund",
        "group",
        "holding",
        "holdings",
        "industries",
        "industry",
        "institute",
        "laboratory",
        "limited",
        "ministry",
        "office",
        "organisation",
        "organization",
        "party",
        "plant",
        "research",
        "school",
        "service",
        "services",
        "systems",
        "technologies",
        "technology",
        "trust",
        "union",
        "university",
        "works",
        # industry nouns used as the generic part of company names
        "dynamics",
        "electronics",
        "energy",
        "engineering",
        "logistics",
        "manufacturing",
        "minerals",
        "mining",
        "resources",
        "shipping",
        "solutions",
        "trading",
    }
)
# Generic words that mark a government body (titles of offices, departments).
GOVERNMENT_WORDS = frozenset(
    {
        "army",
        "cabinet",
        "congress",
        "department",
        "embassy",
        "government",
        "kremlin",
        "ministry",
        "navy",
        "parliament",
        "pentagon",
        "police",
        "senate",
        "treasury",
        "white",
        "house",
    }
)

# Connecting words dropped from organisation keys so "Institute of X" = "X Institute". A short
# list on purpose: rigour's multilingual stopwords include syllables of romanised names
# ("da", "de") that carry the name.
CONNECTORS = frozenset({"of", "and", "the", "for", "und", "et"})

# Titles of office written before a name ("Premier Given Surname"); a generic lexicon.
TITLES = (
    "president|premier|prime minister|foreign minister|minister|chancellor|secretary of state|"
    "secretary|ambassador|envoy|senator|governor|spokesperson|spokesman|spokeswoman|"
    "chief executive|director|analyst|adviser|advisor|official"
)
# A personal name: two or three capitalised words.
NAME_PATTERN = r"(?P<name>[A-Z][a-z'’\-]+(?:\s+[A-Z][a-z'’\-]+){1,2})"
# A whole span that is a title of office (with up to two capitalised words of portfolio before
# it, "Trade Minister") followed by a name.
_TITLED_SPAN = re.compile(rf"^(?:[A-Z][a-z]+\s+){{0,2}}(?i:{TITLES})\s+{NAME_PATTERN}$")


def untitled(span: str) -> str | None:
    """The name inside a span made of a title and a name, else None."""
    match = _TITLED_SPAN.match(span)
    return match.group("name") if match else None



_POSSESSIVE = re.compile(r"[’'`]s?$")
_LEADING_ARTICLE = re.compile(r"^(the|a|an)\s+", re.IGNORECASE)
_SPACES = re.compile(r"\s+")


def clean_surface(text: str) -> str:
    """An NER span as a name: no possessive, leading article, or doubled whitespace."""
    text = _SPACES.sub(" ", text).strip(' \t,;:-–—•·*"“”()[]')
    text = _POSSESSIVE.sub("", text).strip()
    return _LEADING_ARTICLE.sub("", text).strip()


# "X Co. Ltd. of Malaysia" / "X Sdn Bhd of Hong Kong": a place after a legal form is where
# the organisation is registered, not part of its name ("Bank of England" has no legal form).
_OF_PLACE = re.compile(
    r"^(?P<name>.+?)\s+of\s+(?P<place>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})$"
)


_OPEN_BRACKET = re.compile(r"\s*\([^)]*$")  # "X Ltd (Serbia": the span cut inside a bracket
_LOWER_TAIL = re.compile(r"(?:\s+[a-z][\w-]*)+$")  # "X Engineering plant": a noun after the name


def drop_registered_place(text: str) -> str:
    """The name without a trailing "of <Place>" when a legal form precedes it, an unclosed
    bracket, or lower-case words after it (names are written with capitals)."""
    text = _OPEN_BRACKET.sub("", text)
    if text[:1].isupper():
        text = _LOWER_TAIL.sub("", text)
    match = _OF_PLACE.match(text.strip())
    if match is None:
        return text
    name = match.group("name")
    last = name.split()[-1]
    removed = fingerprints.remove_types(last, clean=_lower) or ""
    return name if not removed.strip(" .") else text


def _lower(text: str) -> str | None:
    """A cleaner for ``fingerprints.remove_types`` defined once: fingerprints builds and keeps
    a legal-form replacer per cleaner object (an unbounded cache), so a lambda made per call
    grew memory by ~40 MB a thousand articles and rebuilt the replacer every time."""
    return text.lower()


@stage_cache
@lru_cache(maxsize=65536)
def is_plausible_name(raw: str, min_chars: int = 2) -> bool:
    """False for spans that are layout debris rather than names.

    Rejected: line breaks or bullets inside the span (list layout), slashes (photo credits such
    as "Agency Photo/Name"), spans without any capital letter in a cased script (common nouns
    the tagger caught, e.g. "treasury"), and spans shorter than ``min_chars``.
    """
    if "\n" in raw or "•" in raw or "/" in raw:
        return False
    text = clean_surface(raw)
    if len(text) < min_chars or not any(ch.isalpha() for ch in text):
        return False
    cased = [ch for ch in text if ch.isalpha() and ch.lower() != ch.upper()]
    return not cased or any(ch.isupper() for ch in cased)


def _ascii_clean(text: str) -> str | None:
    """fingerprints' cleaner after rigour's transliteration (one function object: fingerprints
    caches its legal-form replacer per cleaner). ASCII text skips the transliterator."""
    return clean_name_ascii(text if text.isascii() else ascii_text(text))


@lru_cache(maxsize=65536)
def org_tokens(name: str) -> tuple[str, ...]:
    """Comparison tokens of an organisation name: ASCII, casefolded, no legal form, no stopwords.

    rigour's ``ascii_text`` transliterates first (its spellings: "Шевченко" -> "Shevchenko"),
    then ``fingerprints.remove_types`` drops legal forms (Co., Ltd, GmbH, OOO...); connectors
    ("of", "and") are dropped so word order variants compare equal.
    """
    key = fingerprints.remove_types(clean_surface(name), clean=_ascii_clean) or ""
    tokens = tuple(tok for tok in key.split() if tok not in CONNECTORS)
    if tokens:
        return tokens
    fallback = ascii_text(clean_surface(name)).lower().split()
    return tuple(fallback)


@lru_cache(maxsize=65536)
def person_tokens(name: str) -> tuple[str, ...]:
    """Comparison tokens of a person name: titles removed, ASCII, casefolded."""
    text = remove_person_prefixes(clean_surface(name))
    key = fingerprints.generate(ascii_text(text), keep_order=True) or ""
    return tuple(key.split())


def token_key(tokens: tuple[str, ...]) -> str:
    """Order-free key of a token tuple (word order variants share it)."""
    return " ".join(sorted(tokens))


@lru_cache(maxsize=65536)
def phonetic(token: str) -> str:
    """Metaphone key of one ASCII token (rigour), or the token itself when it has no letters."""
    return metaphone(token) or token


@stage_cache
@lru_cache(maxsize=65536)  # pure; a name recurs in every copy of its story
def has_org_marker(name: str) -> bool:
    """True when a name carries a legal form or a generic organisation word."""
    text = clean_surface(name)
    full = (fingerprints.generate(text) or "").split()
    stripped = set(org_tokens(text))
    words = set(full)
    return bool(words & ORG_WORDS) or bool(words - stripped - {"of", "and", "the"})


def is_government(name: str) -> bool:
    """True when the name contains a generic government word ("ministry", "embassy")."""
    words = set(ascii_text(clean_surface(name)).lower().split())
    return bool(words & GOVERNMENT_WORDS) or "white house" in " ".join(sorted(words))


def acronym(tokens: tuple[str, ...]) -> str:
    """Initials of the tokens (for abbreviations like "NCRI" of a long institute name)."""
    return "".join(tok[0] for tok in tokens if tok)
