"""Provenance facts the align stage reads: families, origins, rewrite signals, dates."""

from __future__ import annotations

from dataclasses import dataclass, field

from wirecheck.model import Analysis, DerivationKind

_REWRITES = (DerivationKind.REWRITE, DerivationKind.TRANSLATION, DerivationKind.SUMMARY)


def family_map(analysis: Analysis) -> dict[str, str]:
    """Article id -> family id (from the articles, else the stories; else its own id)."""
    families = {a: f.id for s in analysis.stories for f in s.families for a in f.articles}
    for art in analysis.articles:
        if art.family:
            families[art.id] = art.family
    return {art.id: families.get(art.id, art.id) for art in analysis.articles}


@dataclass
class Context:
    families: dict[str, str]
    stories: dict[str, str | None]
    dates: dict[str, str | None]
    derived_from: set[tuple[str, str]] = field(default_factory=set)  # (derived, source)
    rewritten: set[str] = field(default_factory=set)  # derived side of a rewrite/translation

    def same_story(self, a: str, b: str) -> bool:
        return self.stories.get(a) == self.stories.get(b)

    def by_story(self, ids: list[str]) -> dict[str | None, list[str]]:
        """``ids`` grouped by story, each group in the order given (``same_story`` classes)."""
        groups: dict[str | None, list[str]] = {}
        for article in ids:
            groups.setdefault(self.stories.get(article), []).append(article)
        return groups


def make_context(analysis: Analysis) -> Context:
    return Context(
        families=family_map(analysis),
        stories={art.id: art.story for art in analysis.articles},
        dates={art.id: art.date for art in analysis.articles},
        derived_from={(d.derived, d.source) for d in analysis.derivations},
        rewritten={d.derived for d in analysis.derivations if d.kind in _REWRITES},
    )
