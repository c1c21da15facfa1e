"""Short forms read in their context: a name used after a full introduction in one story.

News introduces an organisation once by its full name ("Acme Dynamics Co. Ltd.") and then
calls it by a short form ("Acme"), an acronym ("AD"), or a possessive ("Acme's"). Across a
whole corpus such a short form is ambiguous (two stories may each have an "Acme ..."), but
within one story it names the one organisation introduced there whose name it abbreviates.
Legal forms and possessives are already removed by ``org_tokens``.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace

from wirecheck.entities.collect import Surface
from wirecheck.entities.names import acronym, org_tokens, token_key
from wirecheck.entities.places import country_of


def _abbreviates(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """``short`` keeps the first word of ``long`` and only drops words, or is its acronym."""
    if len(short) >= len(long) or not short:
        return False
    if len(short) == 1 and len(short[0]) >= 2 and short[0] == acronym(long):
        return True
    return short[0] == long[0] and set(short) < set(long)


def expansions(names: Iterable[str]) -> dict[str, str]:
    """For the organisation names of one context, each short form -> the full name it stands for.

    A short form maps only when the full names of the context that abbreviate to it (counting
    spellings with the same words as one) nest in one longest name; the full name returned is
    that name's shortest spelling (the one without a legal form).
    """
    tokens = {name: org_tokens(name) for name in set(names)}
    fulls: dict[str, str] = {}  # token key -> shortest spelling
    for name, toks in sorted(tokens.items()):
        if len(toks) >= 2:
            key = token_key(toks)
            if key not in fulls or len(name) < len(fulls[key]):
                fulls[key] = name
    out: dict[str, str] = {}
    for name, toks in tokens.items():
        targets = {k for k, full in fulls.items() if _abbreviates(toks, tokens[full])}
        # nested full names are one name written shorter or longer ("Acme Precision" and
        # "Acme Precision Tools"): the short form takes the longest; two names that do not
        # nest ("Acme Tools", "Acme Bureau") leave it unresolved
        widest = {k for k in targets if not any(set(k.split()) < set(o.split()) for o in targets)}
        if len(widest) == 1:
            out[name] = fulls[widest.pop()]
    return out


class Context:
    """Short forms resolved in their article first, then in their story: an article that
    names "Acme Dynamics" tells what its own "Acme" is, even when another article of the
    story also names an "Acme Bureau"."""

    def __init__(self, named: Iterable[tuple[str, str]], story_of: dict[str, str]) -> None:
        by_article: dict[str, set[str]] = defaultdict(set)
        by_story: dict[str, set[str]] = defaultdict(set)
        for article, name in named:
            by_article[article].add(name)
            by_story[story_of.get(article, article)].add(name)
        self.story_of = story_of
        self.in_article = {a: expansions(names) for a, names in by_article.items()}
        self.in_story = {s: expansions(names) for s, names in by_story.items()}

    def full(self, article: str, name: str) -> tuple[str, str] | None:
        """(full name, where it was introduced) for a short form, else None."""
        found = self.in_article.get(article, {}).get(name)
        if found is not None:
            return found, "article"
        story = self.story_of.get(article, article)
        found = self.in_story.get(story, {}).get(name)
        return (found, "story") if found is not None else None


def _candidate(surface: Surface) -> bool:
    """Organisation names, and one-word names the tagger called a person ("Acme's project"
    after "Acme Mining"): a person's full name is never the full form of anything here."""
    if surface.label in ("ORG", "SUPPLY"):
        return country_of(surface.text) is None
    return surface.label == "PERSON" and len(surface.text.split()) == 1


def in_story_context(surfaces: list[Surface], story_of: dict[str, str]) -> list[Surface]:
    """Surfaces with ``full`` set where a short form stands for an organisation's full name
    introduced in the same article or story (articles of no story are their own context)."""
    context = Context(((s.article, s.text) for s in surfaces if _candidate(s)), story_of)
    out: list[Surface] = []
    for surface in surfaces:
        found = context.full(surface.article, surface.text) if _candidate(surface) else None
        if found is None:
            out.append(surface)
            continue
        full, where = found
        note = surface.note or f"short form of '{full}', named in full in the same {where}"
        # one string per wording: a story's short form recurs in most of its texts
        out.append(replace(surface, full=full, note=sys.intern(note)))
    return out
