"""Screen resolved entities (or any names) against loaded lists; every match explained."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import cast

from wirecheck.entities.lists import ErrorLog, iter_list
from wirecheck.entities.screening.features import Party
from wirecheck.entities.screening.index import ScreenIndex, entry_forms, rarity_of
from wirecheck.entities.screening.keys import PERSON_SCHEMATA, NameForm, name_form
from wirecheck.entities.screening.score import explain, raw_score
from wirecheck.model import Entity, EntityType, Explanation, ListEntry, ScreeningMatch
from wirecheck.settings.screen import ScreenSettings

SCREENED_TYPES = (EntityType.ORGANIZATION, EntityType.GOVERNMENT, EntityType.PERSON)
_CACHE: dict[tuple[str, float, int, str | None], ScreenIndex] = {}


def load_index(paths: Iterable[str], fmt: str | None, log: ErrorLog) -> ScreenIndex:
    """One index over every list in ``paths``. Indexes are cached per (path, mtime, size) so a
    long-lived process (API server, repeated runs) does not re-read an unchanged list."""
    index = ScreenIndex()
    for path in paths:
        stat = Path(path).stat()
        key = (str(Path(path).resolve()), stat.st_mtime, stat.st_size, fmt)
        if key not in _CACHE:
            _CACHE[key] = ScreenIndex.build(iter_list(Path(path), fmt, log))
        for entry in _CACHE[key].entries:
            index.add(entry)
    return index


def entity_party(entity: Entity) -> Party:
    """The entity's names as a comparison party (one-word person names are left out)."""
    is_person = entity.type == EntityType.PERSON
    names = [entity.name, *entity.aliases]
    forms = [name_form(n, is_person) for n in names]
    forms = [f for f in forms if f.tokens and (not is_person or len(f.tokens) >= 2)]
    countries = frozenset([entity.country] if entity.country else [])
    return Party(tuple(forms), is_person, countries)


def entry_party(
    entry: ListEntry,
    rarity: Callable[[str], float] | None = None,
    forms: tuple[NameForm, ...] | None = None,
) -> Party:
    is_person: bool | None = entry.schema_ in PERSON_SCHEMATA
    if entry.schema_ == "LegalEntity":
        is_person = None
    countries = frozenset(cast("list[str]", entry.countries))
    forms = forms if forms is not None else tuple(entry_forms(entry))
    return Party(forms, is_person, countries, rarity)


def screen_party(
    index: ScreenIndex, party: Party, settings: ScreenSettings
) -> list[ScreeningMatch]:
    """Matches of one party at or above the threshold, best first.

    Blocking gives the candidates; a cheap rapidfuzz pre-score keeps the few that can reach
    the threshold; only those get the full explained feature score.
    """
    numbers: set[int] = set()
    for form in party.forms:
        numbers.update(
            index.candidates(form.tokens, settings.max_candidates, settings.posting_budget)
        )
    rarity = rarity_of(index)
    matches: list[ScreeningMatch] = []
    for number in _prefilter(index, party, numbers, settings):
        entry = index.entries[number]
        other = entry_party(entry, rarity, index.forms[number])
        total, values = raw_score(party, other, settings.weights)
        if total >= settings.match_threshold:
            matches.append(_match(entry, explain(total, values)))
    matches.sort(key=lambda m: (-m.score, m.list, m.entry))
    return matches[: settings.max_matches]


def _prefilter(
    index: ScreenIndex, party: Party, numbers: set[int], settings: ScreenSettings
) -> list[int]:
    """Candidates whose best plain name similarity reaches ``settings.prefilter``."""
    from rapidfuzz import fuzz

    kept: list[tuple[float, int]] = []
    for number in numbers:
        best = 0.0
        for theirs in index.forms[number]:
            for mine in party.forms:
                best = max(
                    best,
                    fuzz.token_sort_ratio(mine.key, theirs.key),
                    fuzz.ratio(mine.compact, theirs.compact),
                )
        if best >= settings.prefilter * 100:
            kept.append((best, number))
    kept.sort(reverse=True)
    return [number for _, number in kept[: settings.max_scored]]


def _match(entry: ListEntry, explanation: Explanation) -> ScreeningMatch:
    return ScreeningMatch(
        list=entry.list,
        entry=entry.id,
        name=entry.name,
        score=round(explanation.score, 4),
        explanation=explanation.summary,
        features=explanation.features,
    )


def screen_entities(
    entities: list[Entity], settings: ScreenSettings, index: ScreenIndex | None = None
) -> list[Entity]:
    """Entities with ``screening`` filled for organisations, government bodies and people."""
    if index is None:
        index = load_index(settings.lists, settings.list_format, ErrorLog())
    out: list[Entity] = []
    for entity in entities:
        if entity.type not in SCREENED_TYPES:
            out.append(entity)
            continue
        party = entity_party(entity)
        matches = screen_party(index, party, settings) if party.forms else []
        out.append(entity.model_copy(update={"screening": matches}))
    return out
