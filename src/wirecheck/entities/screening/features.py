"""Screening features, nomenklatura logic_v1 style: a declared list of small pure functions.

Main features measure name agreement in [0, 1]; the score is the best weighted main feature.
Qualifier features have negative weights and pull the score down when facts disagree
(countries, person vs organisation, numbers in the name, legal forms). Weights can be
overridden per run (``ScreenSettings.weights``); every value is kept in the explanation.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import JaroWinkler, Levenshtein

from wirecheck.entities.names import ORG_WORDS
from wirecheck.entities.screening.keys import NameForm
from wirecheck.features import Feature


@dataclass(frozen=True)
class Party:
    """One side of a comparison: its names, whether it is a person, its countries."""

    forms: tuple[NameForm, ...]
    is_person: bool | None  # None: unknown (a generic legal entity)
    countries: frozenset[str] = frozenset()
    rarity: Callable[[str], float] | None = None  # token weight (list IDF), None: all equal

    @property
    def primary(self) -> tuple[NameForm, ...]:
        return tuple(f for f in self.forms if not f.is_alias)

    @property
    def aliases(self) -> tuple[NameForm, ...]:
        return tuple(f for f in self.forms if f.is_alias)


FeatureFn = Callable[[Party, Party], tuple[float, str]]


ScreenFeature = Feature[FeatureFn]


def _best(
    query: Party, names: tuple[NameForm, ...], sim: Callable[[NameForm, NameForm], float]
) -> tuple[float, str]:
    best, note = 0.0, ""
    for left in query.forms:
        for right in names:
            value = sim(left, right)
            if value > best:
                best, note = value, f"'{left.raw}' ~ '{right.raw}'"
    return best, note


def _token_sim(left: NameForm, right: NameForm) -> float:
    return fuzz.token_sort_ratio(left.key, right.key) / 100.0


def name_literal_match(query: Party, entry: Party) -> tuple[float, str]:
    return _best(query, entry.forms, lambda a, b: float(bool(a.literal) and a.literal == b.literal))


def name_fingerprint_match(query: Party, entry: Party) -> tuple[float, str]:
    """Same words once legal forms, case, punctuation, script and word order are set aside."""
    return _best(query, entry.forms, lambda a, b: float(bool(a.key) and a.key == b.key))


def name_compact_match(query: Party, entry: Party) -> tuple[float, str]:
    """Same letters once spaces go ("Hua Wei Tech" = "Huawei Tech"): romanised Chinese names."""
    return _best(query, entry.forms, lambda a, b: float(bool(a.compact) and a.compact == b.compact))


def name_similarity(query: Party, entry: Party) -> tuple[float, str]:
    """rapidfuzz token_sort_ratio against the entry's primary name(s)."""
    return _best(query, entry.primary, _token_sim)


def alias_similarity(query: Party, entry: Party) -> tuple[float, str]:
    """The same measure against the entry's aliases (other spellings, former names)."""
    return _best(query, entry.aliases, _token_sim)


def phonetic_match(query: Party, entry: Party) -> tuple[float, str]:
    """Share of tokens whose metaphone keys pair up (transliteration variants)."""

    def sim(a: NameForm, b: NameForm) -> float:
        if not a.phonetics or not b.phonetics:
            return 0.0
        common = len(set(a.phonetics) & set(b.phonetics))
        return common / max(len(set(a.phonetics)), len(set(b.phonetics)))

    return _best(query, entry.forms, sim)


def person_name_jaro_winkler(query: Party, entry: Party) -> tuple[float, str]:
    """Jaro-Winkler of person names in either order (given name first or last)."""
    if not (query.is_person and entry.is_person):
        return 0.0, ""

    def sim(a: NameForm, b: NameForm) -> float:
        text = " ".join(a.tokens)
        return max(
            JaroWinkler.similarity(text, " ".join(b.tokens)),
            JaroWinkler.similarity(text, " ".join(reversed(b.tokens))),
        )

    return _best(query, entry.forms, sim)


def _token_matches(left: str, right: str) -> bool:
    """Same token, or a slip: one edit when the longer token has 5+ letters, two at 8+.

    Shorter tokens must be equal: romanised syllables ("jin"/"jian") differ by one letter.
    """
    if left == right:
        return True
    longest = max(len(left), len(right))
    if longest < 5:
        return False
    return Levenshtein.distance(left, right, score_cutoff=2) <= (2 if longest >= 8 else 1)


def _unmatched_share(
    a: NameForm, b: NameForm, rarity: Callable[[str], float], persons: bool = False
) -> float:
    """Weighted share of unmatched tokens; for two people only the shorter name's tokens
    count (middle names and patronymics are often left out)."""
    if a.compact == b.compact:
        return 0.0
    total = missed = 0.0
    sides = [(a.tokens, b.tokens), (b.tokens, a.tokens)]
    if persons:
        sides = sorted(sides, key=lambda side: len(side[0]))[:1]
    for mine, theirs in sides:
        for token in mine:
            if token in ORG_WORDS:
                continue  # generic words ("holdings", "group") do not tell companies apart
            weight = rarity(token)
            total += weight
            if not any(_token_matches(token, other) for other in theirs):
                missed += weight
    return missed / total if total else 0.0


def rare_token_mismatch(query: Party, entry: Party) -> tuple[float, str]:
    """Share of the names' weight (rare words weigh most) in words the other name lacks.

    Two names sharing only a city and generic words ("Harbin X Optics" vs "Harbin Y Optics")
    differ in their rarest word; this pulls such pairs down. The best-agreeing pair of names
    counts.
    """
    rarity = entry.rarity or query.rarity or (lambda _t: 1.0)
    best, note = 1.0, ""
    for left in query.forms:
        for right in entry.forms:
            share = _unmatched_share(left, right, rarity, bool(query.is_person and entry.is_person))
            if share < best:
                best, note = share, f"'{left.raw}' vs '{right.raw}'"
    return (best, note) if best > 0 else (0.0, "")


def person_token_overlap(query: Party, entry: Party) -> tuple[float, str]:
    """Share of the shorter person name's tokens found in the other name (two at least):
    "Given Surname" against "SURNAME, Given Patronymic"."""
    if not (query.is_person and entry.is_person):
        return 0.0, ""

    def sim(a: NameForm, b: NameForm) -> float:
        short, long = sorted((a.tokens, b.tokens), key=len)
        found = sum(1 for t in short if any(_token_matches(t, o) for o in long))
        return found / len(short) if found >= 2 else 0.0

    return _best(query, entry.forms, sim)


def country_mismatch(query: Party, entry: Party) -> tuple[float, str]:
    if query.countries and entry.countries and not query.countries & entry.countries:
        return 1.0, f"{sorted(query.countries)} vs {sorted(entry.countries)}"
    return 0.0, ""


def schema_mismatch(query: Party, entry: Party) -> tuple[float, str]:
    if query.is_person is None or entry.is_person is None or query.is_person == entry.is_person:
        return 0.0, ""
    kinds = {True: "person", False: "organisation"}
    return 1.0, f"{kinds[query.is_person]} vs {kinds[entry.is_person]}"


def number_mismatch(query: Party, entry: Party) -> tuple[float, str]:
    """Numbers in both names that differ ("Plant No. 5" vs "Plant No. 7")."""
    left = {t for f in query.forms for t in f.tokens if t.isdigit()}
    right = {t for f in entry.forms for t in f.tokens if t.isdigit()}
    if left and right and not left & right:
        return 1.0, f"{sorted(left)} vs {sorted(right)}"
    return 0.0, ""


@lru_cache(maxsize=65536)
def _legal_forms(raw: str) -> frozenset[str]:
    from rigour.names import extract_org_types

    return frozenset(target for _, target in extract_org_types(raw.casefold(), generic=True))


def _dropped_words(form: NameForm) -> bool:
    return len(form.literal.split()) > len(form.tokens)


def legal_form_mismatch(query: Party, entry: Party) -> tuple[float, str]:
    """Both names carry legal forms and none is shared (rigour's generic org types)."""
    if query.is_person or entry.is_person:
        return 0.0, ""
    if not any(_dropped_words(f) for f in query.forms) or not any(
        _dropped_words(f) for f in entry.forms
    ):
        return 0.0, ""  # one side has no legal form at all (cheap check first)
    left = frozenset().union(*(_legal_forms(f.raw) for f in query.forms))
    right = frozenset().union(*(_legal_forms(f.raw) for f in entry.forms))
    if left and right and not left & right:
        return 1.0, f"{sorted(left)} vs {sorted(right)}"
    return 0.0, ""


# Weights: main features rank exact > fingerprint > fuzzy, so the score tells how close the
# best evidence is; qualifier weights were tuned on bench/bench_screen.py hard negatives
# (same tokens, other country or schema) until none reached the threshold while all true
# targets kept theirs.
FEATURES: tuple[ScreenFeature, ...] = (
    Feature("name_literal_match", name_literal_match, 1.0),
    Feature("name_fingerprint_match", name_fingerprint_match, 0.95),
    Feature("name_compact_match", name_compact_match, 0.95),
    Feature("name_similarity", name_similarity, 0.9),
    Feature("alias_similarity", alias_similarity, 0.85),
    Feature("person_name_jaro_winkler", person_name_jaro_winkler, 0.85),
    Feature("person_token_overlap", person_token_overlap, 0.85),
    Feature("phonetic_match", phonetic_match, 0.8),
    Feature("rare_token_mismatch", rare_token_mismatch, -0.5, qualifier=True),
    Feature("country_mismatch", country_mismatch, -0.2, qualifier=True),
    Feature("schema_mismatch", schema_mismatch, -0.3, qualifier=True),
    Feature("number_mismatch", number_mismatch, -0.3, qualifier=True),
    Feature("legal_form_mismatch", legal_form_mismatch, -0.1, qualifier=True),
)
