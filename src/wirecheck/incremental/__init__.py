"""Incremental runs: new inputs analysed together with what the workspace already holds.

``wirecheck run NEW --db WS`` (and each step of ``wirecheck watch``) reads only NEW, then
analyses every document the workspace holds plus the new ones, so the result equals a full
run over all of them, ids included. Work that depends on one article alone is not redone:
extraction (two thirds of a run) is kept per article content in the workspace and reused.
Cleaning is corpus-level (a line repeated across articles is chrome): the batch's line
signals and date borrowing run over all raw documents again, while each document's own
cleaning is reused unless the document is new or one of its lines changed standing
(``incremental.clean``). Provenance reuses evaluated pairs and each body's event keys
(``incremental.pairs``), align the claim groups of unchanged stories
(``incremental.stories``); candidate search, stories and entities are recomputed.

Order: a run into an empty workspace keeps the input order (as a run without a workspace);
once the workspace holds earlier documents, all are analysed in source order (path or URL;
the documents of one source in their stored order), so batches arriving in any order give the
analysis of one run over the whole folder.

Atomic: nothing is written until the analysis is done, then the new raw documents, the
articles, the analysis (only the rows that changed, ``Workspace.save_analysis``), the
caches and the run record are written in one transaction; a step interrupted or killed
leaves the workspace as it was before the step.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Any

from wirecheck.incremental.memo import ResultCache
from wirecheck.model import (
    Analysis,
    Article,
    ClaimMention,
    EntityMention,
    IngestError,
    RawDocument,
)
from wirecheck.pipeline import (
    ALIGN,
    DEFAULT_STAGES,
    EXTRACT,
    PROVENANCE,
    ProgressFn,
    Stage,
    analyze,
)
from wirecheck.settings import Settings

if TYPE_CHECKING:
    import httpx

    from wirecheck.runner import CleanFn
    from wirecheck.store import RunRecord, Workspace


@dataclass
class Step:
    """One incremental step: the analysis and what it added."""

    analysis: Analysis
    new_documents: list[RawDocument] = field(default_factory=list)
    extractions: list[tuple[str, str, str, str]] = field(default_factory=list)  # new ones
    reused: int = 0  # articles whose extraction came from the workspace
    # new results: provenance pairs, align stories, event keys, cleaned documents
    results: list[ResultCache] = field(default_factory=list)


def content_key(article: Article) -> str:
    """An article as extraction sees it: every field but its story and family."""
    data = article.model_dump_json(exclude={"story", "family"})
    return hashlib.sha1(data.encode("utf-8")).hexdigest()


def read_new(
    paths: Sequence[str],
    settings: Settings,
    known: set[str],
    transport: httpx.BaseTransport | None = None,
    progress: ProgressFn | None = None,
) -> tuple[list[RawDocument], list[IngestError]]:
    """Documents of ``paths`` not in ``known`` (raw document ids), and read errors."""
    from wirecheck.runner import _read_all

    docs: list[RawDocument] = []
    errors: list[IngestError] = []
    for item in _read_all(paths, settings, transport, progress):
        if isinstance(item, IngestError):
            errors.append(item)
            continue
        # documents the workspace holds are skipped; repeats within the inputs are kept, as
        # a run without a workspace keeps them (the cleaner sees what it always saw)
        if Article.make_id(item.source, item.text) not in known:
            docs.append(item)
    return docs, errors


def all_documents(stored: list[RawDocument], new: list[RawDocument]) -> list[RawDocument]:
    """The documents to analyse: input order into an empty workspace, else source order."""
    if not stored:
        return new
    return sorted([*stored, *new], key=lambda d: d.source)


def analyse_step(
    workspace: Workspace,
    paths: Sequence[str],
    settings: Settings,
    stages: Sequence[Stage] = DEFAULT_STAGES,
    progress: ProgressFn | None = None,
    transport: httpx.BaseTransport | None = None,
    cleaner: CleanFn | None = None,
) -> Step:
    """Read ``paths`` and analyse them with everything in ``workspace``; nothing is written."""
    stored = list(workspace.iter_raw())
    new, errors = read_new(paths, settings, document_ids(stored), transport, progress)
    return analyse_documents(workspace, stored, new, errors, settings, stages, progress, cleaner)


def document_ids(docs: Sequence[RawDocument]) -> set[str]:
    """The article ids of raw documents (what ``read_new`` skips when the workspace holds it)."""
    return {Article.make_id(d.source, d.text) for d in docs}


def analyse_posted(
    workspace: Workspace,
    stored: list[RawDocument],
    posted: Sequence[RawDocument],
    settings: Settings,
) -> Step:
    """``analyse_step`` over documents already read (the API's ingest) with ``stored``, the
    workspace's raw documents; posted documents it holds are skipped, as ``read_new`` does."""
    known = document_ids(stored)
    new = [d for d in posted if Article.make_id(d.source, d.text) not in known]
    return analyse_documents(workspace, stored, new, [], settings)


def analyse_documents(
    workspace: Workspace,
    stored: list[RawDocument],
    new: list[RawDocument],
    errors: list[IngestError],
    settings: Settings,
    stages: Sequence[Stage] = DEFAULT_STAGES,
    progress: ProgressFn | None = None,
    cleaner: CleanFn | None = None,
) -> Step:
    """The step's analysis of ``stored`` (the workspace's raw documents) plus ``new``."""
    from wirecheck.incremental.clean import CLEANED
    from wirecheck.runner import unique_articles

    docs = all_documents(stored, new)
    if progress is not None:
        progress("clean", 0, len(docs))
    cleaned = ResultCache(workspace, CLEANED)
    articles = unique_articles((cleaner or reusing_cleaner(cleaned))(docs, settings.clean))
    cache = ExtractionCache(workspace)
    reusing = StoryStages(workspace, articles)
    chosen = [reusing.stage(cache.stage() if s.name == EXTRACT.name else s) for s in stages]
    result = analyze(Analysis(articles=articles, errors=errors), settings, chosen, progress)
    return Step(result, new, cache.rows, cache.reused, [*reusing.caches, cleaned])


def reusing_cleaner(cache: ResultCache) -> CleanFn:
    """The default cleaner with each document's own work reused (``incremental.clean``);
    where ``wirecheck.clean`` is missing, the runner's stand-in."""
    from wirecheck.runner import default_cleaner

    try:
        from wirecheck.clean import clean_documents
    except ImportError:
        return default_cleaner()
    from wirecheck.incremental.clean import CleanReuse

    return partial(clean_documents, each=CleanReuse(cache).each)


def save_step(
    workspace: Workspace,
    step: Step,
    record: RunRecord | None = None,
    progress: ProgressFn | None = None,
) -> None:
    """Write a step in one transaction (new raw documents, articles, analysis, caches, run);
    ``progress`` hears ``("save", parts written, parts)`` inside it, before the commit."""
    writes: list[Callable[[], None]] = [
        lambda: workspace.upsert_raw(step.new_documents) if step.new_documents else None,
        lambda: workspace.save_analysis(step.analysis),
        lambda: workspace.save_extractions(step.extractions),
        *(results.save for results in step.results),
        lambda: workspace.record_run(record) if record is not None else None,
    ]
    with workspace.atomic():
        for done, write in enumerate(writes):
            if progress is not None:
                progress("save", done, len(writes))
            write()
    if progress is not None:
        progress("save", len(writes), len(writes))


def _by_article(items: Sequence[ClaimMention | EntityMention]) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = {}
    for item in items:
        out.setdefault(item.article, []).append(item)
    return out


def _dumps(items: Sequence[ClaimMention | EntityMention]) -> str:
    return json.dumps([i.model_dump(mode="json", by_alias=True) for i in items])


class ExtractionCache:
    """The extract stage with per-article results kept in the workspace by content."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self.rows: list[tuple[str, str, str, str]] = []  # (key, article, mentions, spans)
        self.reused = 0

    def stage(self) -> Stage:
        return Stage(EXTRACT.name, self.run, EXTRACT.description + " (reused by content)")

    def run(self, analysis: Analysis, settings: Settings) -> Analysis:
        from wirecheck.extract import extract_claims

        keys = [content_key(a) for a in analysis.articles]
        cached = self.workspace.cached_extractions(sorted(set(keys)))
        missing = [a for a, k in zip(analysis.articles, keys, strict=True) if k not in cached]
        fresh = extract_claims(missing, settings.extract) if missing else None
        new_mentions = _by_article(fresh.mentions if fresh else [])
        new_spans = _by_article(fresh.entity_mentions if fresh else [])
        mentions: list[ClaimMention] = []
        spans: list[EntityMention] = []
        for article, key in zip(analysis.articles, keys, strict=True):
            if key in cached:
                found, entities = cached[key]
                mentions += [ClaimMention.model_validate(m) for m in json.loads(found)]
                spans += [EntityMention.model_validate(e) for e in json.loads(entities)]
            else:
                found_new = new_mentions.get(article.id, [])
                spans_new = new_spans.get(article.id, [])
                mentions += found_new
                spans += spans_new
                self.rows.append((key, article.id, _dumps(found_new), _dumps(spans_new)))
                cached[key] = (self.rows[-1][2], self.rows[-1][3])  # a repeated article
        self.reused = len(keys) - len(missing)
        return analysis.model_copy(update={"mentions": mentions, "entity_mentions": spans})


class StoryStages:
    """Provenance and align stages that reuse what the workspace holds: evaluated candidate
    pairs, the bodies' event keys and multilingual sentence vectors (``incremental.pairs``),
    and the claim groups of stories whose inputs did not change (``incremental.stories``).
    Other stages pass through."""

    def __init__(self, workspace: Workspace, articles: Sequence[Article]) -> None:
        from wirecheck.incremental.pairs import EVENT_KEYS, PAIRS, SENTENCE_VECTORS
        from wirecheck.incremental.stories import STORIES

        self.keys = {a.id: content_key(a) for a in articles}
        self.pairs = ResultCache(workspace, PAIRS)
        self.stories = ResultCache(workspace, STORIES)
        self.event_keys = ResultCache(workspace, EVENT_KEYS)
        self.vectors = ResultCache(workspace, SENTENCE_VECTORS)
        self.caches = [self.pairs, self.stories, self.event_keys, self.vectors]

    def stage(self, stage: Stage) -> Stage:
        if stage.name == PROVENANCE.name:
            return Stage(stage.name, self.provenance, stage.description + " (pairs reused)")
        if stage.name == ALIGN.name:
            return Stage(stage.name, self.align, stage.description + " (stories reused)")
        return stage

    def provenance(self, analysis: Analysis, settings: Settings) -> Analysis:
        from wirecheck.incremental.pairs import build_provenance_reusing
        from wirecheck.pipeline import apply_provenance

        keys = [self.keys[a.id] for a in analysis.articles]
        found = build_provenance_reusing(
            analysis.articles, settings.provenance, self.pairs, keys, self.event_keys, self.vectors
        )
        return apply_provenance(analysis, found)

    def align(self, analysis: Analysis, settings: Settings) -> Analysis:
        from wirecheck.incremental.stories import align_reusing

        return align_reusing(analysis, settings.align, self.stories, self.keys)
