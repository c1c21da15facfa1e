"""The analysis pipeline: a plain list of stages over an ``Analysis``.

Each stage is a named function ``(Analysis, Settings) -> Analysis`` that calls
pure stage functions from its package and returns a new ``Analysis``; users can
drop or add stages (``analyze(..., stages=[...])``). Executors are separate:
this module runs stages in-process; ``wirecheck.distributed`` runs the same stage
functions on Ray. Heavy libraries are imported inside the stage so that
``import wirecheck`` stays fast.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from wirecheck.memory import release_free_memory
from wirecheck.model import Analysis
from wirecheck.settings import Settings

if TYPE_CHECKING:
    from wirecheck.extract import ExtractionResult
    from wirecheck.provenance import ProvenanceResult

StageFn = Callable[[Analysis, Settings], Analysis]
ProgressFn = Callable[[str, int, int], None]  # (stage name, done, total)


@dataclass(frozen=True)
class Stage:
    name: str
    run: StageFn
    description: str = ""


def _provenance(analysis: Analysis, settings: Settings) -> Analysis:
    from wirecheck.provenance import build_provenance

    return apply_provenance(analysis, build_provenance(analysis.articles, settings.provenance))


def apply_provenance(analysis: Analysis, result: ProvenanceResult) -> Analysis:
    """``analysis`` with a provenance result: stories, derivations, each article's story and
    family (shared by the local stage and the Ray runner, ``wirecheck.distributed``)."""
    story_of = {a: s.id for s in result.stories for a in s.articles}
    family_of = {a: f.id for s in result.stories for f in s.families for a in f.articles}
    articles = [
        art.model_copy(update={"story": story_of.get(art.id), "family": family_of.get(art.id)})
        for art in analysis.articles
    ]
    return analysis.model_copy(
        update={"articles": articles, "derivations": result.derivations, "stories": result.stories}
    )


def _extract(analysis: Analysis, settings: Settings) -> Analysis:
    from wirecheck.extract import extract_claims

    return apply_extraction(analysis, extract_claims(analysis.articles, settings.extract))


def apply_extraction(analysis: Analysis, result: ExtractionResult) -> Analysis:
    """``analysis`` with claim mentions and entity spans (local stage and Ray runner)."""
    return analysis.model_copy(
        update={"mentions": result.mentions, "entity_mentions": result.entity_mentions}
    )


def _align(analysis: Analysis, settings: Settings) -> Analysis:
    from wirecheck.align.by_story import align_by_story
    from wirecheck.incremental.stories import canonical_order

    result = align_by_story(analysis, settings.align)  # whole stories, a batch at a time
    # story order: an incremental run that aligns only the stories that changed gives the
    # same lists (wirecheck.incremental.stories)
    claims, changes, derived = canonical_order(
        analysis, result.claims, result.changes, result.mentions
    )
    # align adds statement mentions for sentences extraction left uncovered; keep them so
    # every MentionRef.mention id resolves in analysis.json and the workspace.
    known = {m.id for m in analysis.mentions}
    mentions = analysis.mentions + [m for m in derived if m.id not in known]
    return analysis.model_copy(update={"claims": claims, "changes": changes, "mentions": mentions})


def _entities(analysis: Analysis, settings: Settings) -> Analysis:
    from wirecheck.entities import resolve_with_errors
    from wirecheck.entities.parties import with_entity_parties

    # resolve_entities + list errors (unreadable list, bad rows) reported like input errors
    entities, errors = resolve_with_errors(analysis, settings.screen)
    claims = with_entity_parties(analysis.claims, entities)  # parties as entity ids
    return analysis.model_copy(
        update={"entities": entities, "claims": claims, "errors": [*analysis.errors, *errors]}
    )


PROVENANCE = Stage("provenance", _provenance, "stories, derivations, origin families")
EXTRACT = Stage("extract", _extract, "claim mentions and named entities")
ALIGN = Stage("align", _align, "claim groups, corroboration, conflicts, changes")
ENTITIES = Stage("entities", _entities, "entity resolution")

DEFAULT_STAGES: tuple[Stage, ...] = (PROVENANCE, EXTRACT, ALIGN, ENTITIES)


def analyze(
    analysis: Analysis,
    settings: Settings,
    stages: Sequence[Stage] = DEFAULT_STAGES,
    progress: ProgressFn | None = None,
) -> Analysis:
    """Run ``stages`` in order over ``analysis`` and return the result."""
    for index, stage in enumerate(stages):
        if progress is not None:
            progress(stage.name, index, len(stages))
        analysis = stage.run(analysis, settings)
        release_free_memory()  # the stage's working memory, before the next one builds its own
    if progress is not None:
        progress("done", len(stages), len(stages))
    return analysis
