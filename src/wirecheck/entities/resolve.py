"""Entity resolution over a whole analysis: organisations, government bodies, people, countries.

Order of work: collect surface forms (NER + supply parties); route each to countries, people
or organisations (a span the tagger called ORG that is exactly a person's name seen elsewhere
goes to people, and the reverse for spans carrying a legal form); cluster each kind; scan the
texts for untagged occurrences of the names found; build ``Entity`` records with stable ids.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from wirecheck.entities.collect import Surface, collect_surfaces
from wirecheck.entities.gazetteer import find_missed
from wirecheck.entities.groups import Group
from wirecheck.entities.names import (
    has_org_marker,
    is_government,
    org_tokens,
    person_tokens,
    token_key,
)
from wirecheck.entities.orgs import cluster_orgs
from wirecheck.entities.people import cluster_people, person_keys
from wirecheck.entities.places import cluster_countries, country_of
from wirecheck.entities.shortforms import in_story_context
from wirecheck.entities.siblings import list_siblings
from wirecheck.entities.titles import titled_people
from wirecheck.model import Alias, Analysis, Entity, EntityType, IngestError, stable_id
from wirecheck.settings.screen import ScreenSettings


def resolve_entities(analysis: Analysis, settings: ScreenSettings) -> list[Entity]:
    """Entities of ``analysis`` (resolved, and screened when ``settings.lists`` is set).

    An unreadable list raises ``ListFormatError``; ``resolve_with_errors`` reports it instead.
    """
    entities = resolve_only(analysis, settings)
    if settings.lists:
        from wirecheck.entities.screening.screen import screen_entities

        entities = screen_entities(entities, settings)
    return entities


def resolve_with_errors(
    analysis: Analysis, settings: ScreenSettings
) -> tuple[list[Entity], list[IngestError]]:
    """Entities, screened against every readable list, and one error per unreadable list or
    bad list row (the pipeline stage adds them to ``analysis.errors``)."""
    entities = resolve_only(analysis, settings)
    if not settings.lists:
        return entities, []
    from wirecheck.entities.screening.screen import load_lists, screen_entities

    index, errors = load_lists(settings.lists, settings.list_format)
    return screen_entities(entities, settings, index), errors


def resolve_only(analysis: Analysis, settings: ScreenSettings) -> list[Entity]:
    orgs, people, countries = _groups(analysis, settings)
    # One entity at a time, each group's members let go once its entity holds them as
    # aliases: the corpus's surface forms and the entities made of them are never all held
    # at once (synth 20000: traced peak 203 -> 132 MB; entity resolution sets the run's peak).
    entities = _drained(orgs, _org_entity)
    entities += _drained(people, _person_entity)
    entities += _drained(countries, _country_entity)
    return sorted(entities, key=lambda e: (e.type.value, -len(e.seen), e.name))


def _groups(
    analysis: Analysis, settings: ScreenSettings
) -> tuple[list[Group], list[Group], list[Group]]:
    """Groups of organisations, people and countries (the surface lists end here: the groups'
    members are the only references to the surfaces left)."""
    surfaces = collect_surfaces(analysis, settings.min_name_chars)
    surfaces += titled_people(analysis.articles, surfaces)
    bodies = {art.id: art.body for art in analysis.articles}
    story_of = {art.id: art.story or art.id for art in analysis.articles}
    surfaces = in_story_context(surfaces, story_of)
    places, people, orgs = route_surfaces(surfaces)
    _, extra_people, siblings = route_surfaces(list_siblings(bodies, orgs))
    people += extra_people
    orgs += siblings
    person_groups = cluster_people(people, settings.person_fuzzy_join)
    org_groups = cluster_orgs(orgs, settings.org_fuzzy_join)
    find_missed(bodies, org_groups, org_tokens, "ORG")
    full_people = [g for g in person_groups if len(g.tokens) >= 2]
    find_missed(bodies, full_people, person_tokens, "PERSON")
    return org_groups, person_groups, list(cluster_countries(places).values())


def _drained(groups: list[Group], make: Callable[[Group], Entity]) -> list[Entity]:
    """``make`` of each group in order, each group emptied of its members once made."""
    out = []
    for group in groups:
        out.append(make(group))
        group.members.clear()
    return out


def route_surfaces(
    surfaces: list[Surface],
) -> tuple[list[Surface], list[Surface], list[Surface]]:
    """Split surfaces into (countries, people, organisations) using labels and evidence."""
    keys, words = person_keys([s for s in surfaces if s.label == "PERSON"])
    org_keys, org_words, marked = _org_evidence(surfaces)
    unmarked_keys = keys - marked  # once: per surface it made routing quadratic
    org_keys -= unmarked_keys  # a name also tagged as a person stays one, unless a legal form
    org_words -= words  # so does a word of a person's full name
    places: list[Surface] = []
    people: list[Surface] = []
    orgs: list[Surface] = []
    for surface in surfaces:
        if surface.full:  # a short form of an organisation named in full in its story
            orgs.append(surface)
            continue
        if surface.label in ("GPE", "NORP") or country_of(surface.text) is not None:
            if country_of(surface.text) is not None:
                places.append(surface)
            elif _is_person_name(surface.text, keys, words):
                people.append(surface)
            continue
        if surface.label == "PERSON":
            is_person = not has_org_marker(surface.text) and not _is_org_name(
                surface.text, org_keys, org_words
            )
        else:
            is_person = _is_person_name(surface.text, unmarked_keys, words)
        (people if is_person else orgs).append(surface)
    return places, people, orgs


def _org_evidence(surfaces: list[Surface]) -> tuple[set[str], set[str], set[str]]:
    """Keys of names the tagger called organisations, the first words of those names, and
    the keys of those written with a legal form or organisation word somewhere."""
    keys: set[str] = set()
    firsts: set[str] = set()
    marked: set[str] = set()
    for surface in surfaces:
        is_marked = has_org_marker(surface.text)
        if surface.label == "ORG" or is_marked:
            tokens = org_tokens(surface.text)
            if len(tokens) >= 2:
                keys.add(token_key(tokens))
                firsts.add(tokens[0])
                if is_marked:
                    marked.add(token_key(tokens))
    return keys, firsts, marked


def _is_org_name(text: str, keys: set[str], firsts: set[str]) -> bool:
    """A PERSON span that is an organisation's name, or the first word of one ("Acme" for
    "Acme Dynamics"), is an organisation."""
    tokens = org_tokens(text)
    if len(tokens) == 1:
        return tokens[0] in firsts
    return token_key(tokens) in keys


def _is_person_name(text: str, keys: set[str], words: set[str]) -> bool:
    if has_org_marker(text):
        return False
    tokens = person_tokens(text)
    if len(tokens) >= 2:
        return token_key(tokens) in keys
    return len(tokens) == 1 and tokens[0] in words


def _display_name(group: Group, legal_free: bool) -> str:
    """The most used surface form; for organisations, forms without a legal form first."""
    counts = Counter(m.surface.text for m in group.members)

    def rank(text: str) -> tuple[bool, bool, int, bool, int]:
        if legal_free:  # organisations: the full name, without its legal form
            full = set(org_tokens(text)) == set(group.tokens)
            no_legal = len(org_tokens(text)) == len(text.split())
        else:
            full, no_legal = len(person_tokens(text)) >= len(group.tokens), True
        return (full, no_legal, counts[text], text[:1].isupper(), len(text))

    return max(counts, key=rank)


def _aliases(group: Group) -> tuple[list[str], list[Alias], list[str]]:
    names = sorted({m.surface.text for m in group.members})
    unique = {
        (m.surface.article, m.surface.start, m.surface.end, m.surface.text): m
        for m in group.members
    }
    seen = [
        Alias(
            name=m.surface.text,
            article=m.surface.article,
            start=m.surface.start,
            end=m.surface.end,
            reason=m.reason,
        )
        for m in sorted(unique.values(), key=lambda m: (m.surface.article, m.surface.start))
    ]
    return names, seen, sorted(group.articles)


def _org_entity(group: Group) -> Entity:
    name = _display_name(group, legal_free=True)
    names, seen, articles = _aliases(group)
    kind = (
        EntityType.GOVERNMENT if any(is_government(n) for n in names) else (EntityType.ORGANIZATION)
    )
    return Entity(
        id=stable_id("ent", kind.value, token_key(org_tokens(name))),
        name=name,
        type=kind,
        aliases=[n for n in names if n != name],
        seen=seen,
        articles=articles,
    )


def _person_entity(group: Group) -> Entity:
    name = _display_name(group, legal_free=False)
    names, seen, articles = _aliases(group)
    return Entity(
        id=stable_id("ent", EntityType.PERSON.value, token_key(person_tokens(name))),
        name=name,
        type=EntityType.PERSON,
        aliases=[n for n in names if n != name],
        seen=seen,
        articles=articles,
    )


def _country_entity(group: Group) -> Entity:
    code = group.tokens[0]  # ``cluster_countries`` keys a country's group by its code
    found = country_of(group.members[0].surface.text)
    name = found[1] if found else code.upper()
    names, seen, articles = _aliases(group)
    return Entity(
        id=stable_id("ent", EntityType.COUNTRY.value, code),
        name=name,
        type=EntityType.COUNTRY,
        aliases=[n for n in names if n != name],
        seen=seen,
        articles=articles,
        country=code,
    )
