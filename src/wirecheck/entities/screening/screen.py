"""Screen resolved entities (or any names) against loaded lists; every match explained."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from wirecheck.entities.lists import ErrorLog, ListFormatError, iter_list
from wirecheck.entities.screening.features import Party
from wirecheck.entities.screening.index import ListIndex, ScreenIndex, entry_forms, rarity_of
from wirecheck.entities.screening.keys import PERSON_SCHEMATA, NameForm, name_form
from wirecheck.entities.screening.score import explain, raw_score
from wirecheck.model import (
    Entity,
    EntityType,
    Explanation,
    IngestError,
    ListEntry,
    ScreeningMatch,
)
from wirecheck.settings.screen import ScreenSettings

SCREENED_TYPES = (EntityType.ORGANIZATION, EntityType.GOVERNMENT, EntityType.PERSON)
_CacheKey = tuple[tuple[tuple[str, float, int], ...], str | None]
_CACHE: dict[_CacheKey, tuple[ListIndex, list[IngestError]]] = {}
MAX_CACHED = 2  # list sets kept in memory (a 100k-entry index takes a few hundred MB)


def load_lists(paths: Iterable[str], fmt: str | None) -> tuple[ListIndex, list[IngestError]]:
    """One index over every readable list in ``paths``, and one error per unreadable list or
    bad row (``path: row N: reason``). Inside ``lists.stored.lists_in(workspace)`` the lists
    are kept in that workspace (loaded once, reused by later runs); otherwise built in memory
    and cached per (paths, mtimes, sizes, format) so a long-lived process (API server,
    repeated runs) does not re-read unchanged lists."""
    from wirecheck.entities.lists.stored import active_workspace, workspace_index

    workspace = active_workspace()
    if workspace is not None:
        return workspace_index(workspace, paths, fmt)
    files = [Path(p) for p in paths]
    key: _CacheKey = (
        tuple(
            (str(f.resolve()), f.stat().st_mtime, f.stat().st_size)
            if f.is_file()
            else (str(f), 0.0, 0)
            for f in files
        ),
        fmt,
    )
    if key not in _CACHE:
        if len(_CACHE) >= MAX_CACHED:
            _CACHE.pop(next(iter(_CACHE)))  # oldest first: a changed list replaces its index
        _CACHE[key] = _build(files, fmt)
    return _CACHE[key]


def _build(files: list[Path], fmt: str | None) -> tuple[ScreenIndex, list[IngestError]]:
    index = ScreenIndex()
    errors: list[IngestError] = []
    for path in files:
        log = ErrorLog()
        try:
            for entry in iter_list(path, fmt, log):
                index.add(entry)
        except (ListFormatError, OSError) as err:
            errors.append(IngestError(source=str(path), reason=str(err).removeprefix(f"{path}: ")))
        errors += [
            IngestError(source=str(path), reason=f"row {e.row}: {e.reason}") for e in log.errors
        ]
        if log.count > len(log.errors):
            more = log.count - len(log.errors)
            errors.append(IngestError(source=str(path), reason=f"{more} more bad rows"))
    return index, errors


def load_index(paths: Iterable[str], fmt: str | None) -> ListIndex:
    """``load_lists`` that refuses unreadable lists (raises ``ListFormatError``)."""
    index, errors = load_lists(paths, fmt)
    fatal = [e for e in errors if not e.reason.startswith("row ")]
    if fatal:
        raise ListFormatError(fatal[0].reason)
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
    countries = frozenset(entry.countries)
    forms = forms if forms is not None else tuple(entry_forms(entry))
    return Party(forms, is_person, countries, rarity)


def screen_party(
    index: ListIndex, party: Party, settings: ScreenSettings
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
    kept = _prefilter(index, party, numbers, settings)
    in_play = {t for n in kept for form in index.forms_of(n) for t in form.tokens}
    rarity = rarity_of(index, in_play | {t for form in party.forms for t in form.tokens})
    matches: list[ScreeningMatch] = []
    for number in kept:
        entry = index.entry(number)
        other = entry_party(entry, rarity, index.forms_of(number))
        total, values = raw_score(party, other, settings.weights)
        if total >= settings.match_threshold:
            matches.append(_match(entry, explain(total, values)))
    matches.sort(key=lambda m: (-m.score, m.list, m.entry))
    return matches[: settings.max_matches]


def _prefilter(
    index: ListIndex, party: Party, numbers: set[int], settings: ScreenSettings
) -> list[int]:
    """Candidates whose best plain name similarity reaches ``settings.prefilter``."""
    from rapidfuzz import fuzz

    kept: list[tuple[float, int]] = []
    for number in numbers:
        best = 0.0
        for key, compact in index.match_keys(number):
            for mine in party.forms:
                best = max(
                    best,
                    fuzz.token_sort_ratio(mine.key, key),
                    fuzz.ratio(mine.compact, compact),
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
    entities: list[Entity], settings: ScreenSettings, index: ListIndex | None = None
) -> list[Entity]:
    """Entities with ``screening`` filled for organisations, government bodies and people."""
    if index is None:
        index = load_index(settings.lists, settings.list_format)
    out: list[Entity] = []
    for entity in entities:
        if entity.type not in SCREENED_TYPES:
            out.append(entity)
            continue
        party = entity_party(entity)
        matches = screen_party(index, party, settings) if party.forms else []
        out.append(entity.model_copy(update={"screening": matches}))
    return out
