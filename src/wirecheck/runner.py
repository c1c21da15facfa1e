"""The Python API: ingest, analyse and run the main job (what the CLI commands wrap).

    from wirecheck.runner import run, analyze_paths, ingest_paths

Readers yield RawDocuments; they are committed to the workspace in batches (so a killed
process keeps every committed batch), cleaned together (the cleaner is corpus-level:
lines repeated across articles are chrome), and the articles are upserted by their
content-derived ids, so re-running over the same inputs is idempotent.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from wirecheck.model import Analysis, Article, IngestError, RawDocument
from wirecheck.pipeline import DEFAULT_STAGES, ProgressFn, Stage, analyze
from wirecheck.settings import Settings
from wirecheck.settings.clean import CleanSettings

if TYPE_CHECKING:
    import httpx

    from wirecheck.store import RunRecord, Workspace

CleanFn = Callable[[Sequence[RawDocument], CleanSettings], list[Article]]


@dataclass
class IngestResult:
    articles: list[Article] = field(default_factory=list)
    errors: list[IngestError] = field(default_factory=list)
    new: int = 0  # articles not yet in the workspace before this ingest


@dataclass
class RunResult:
    analysis: Analysis
    out_dir: Path
    files: list[Path] = field(default_factory=list)
    run_id: str = ""

    @property
    def errors(self) -> list[IngestError]:
        return self.analysis.errors


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def new_run(command: str, inputs: Sequence[str]) -> RunRecord:
    """A run record for a new invocation (random id: two runs are never the same run)."""
    import uuid

    from wirecheck.store import RunRecord

    return RunRecord(
        id=f"run-{uuid.uuid4().hex[:16]}", command=command, started=now_iso(), inputs=list(inputs)
    )


def default_cleaner() -> CleanFn:
    """The cleaner of ``wirecheck.clean`` (``clean_documents``); where that package is missing,
    ``passthrough_documents`` (documents pass through uncleaned). Shared by the local run,
    the Ray runner and the API's ingest worker."""
    try:
        from wirecheck.clean import clean_documents
    except ImportError:
        return passthrough_documents
    fn: CleanFn = clean_documents
    return fn


def passthrough_documents(docs: Sequence[RawDocument], settings: CleanSettings) -> list[Article]:
    """RawDocuments as Articles with the text as body (no cleaning): the cleaner's stand-in."""
    import hashlib

    return [
        Article(
            id=Article.make_id(d.source, d.text),
            source=d.source,
            title=d.title,
            date=d.date,
            outlet=d.outlet,
            byline=d.byline,
            language=d.language,
            url=d.url,
            body=d.text,
            raw_sha1=hashlib.sha1(d.text.encode("utf-8")).hexdigest(),
        )
        for d in docs
    ]


def _read_all(
    paths: Sequence[str],
    settings: Settings,
    transport: httpx.BaseTransport | None,
    progress: ProgressFn | None,
) -> Iterator[RawDocument | IngestError]:
    """Every item of every input, reporting ``("read", units done, units)`` progress."""
    from wirecheck.ingest import LazyClient, expand_inputs, read_unit

    units = list(expand_inputs(paths, settings.ingest))
    client = LazyClient(settings.ingest, transport)
    try:
        for done, unit in enumerate(units):
            if progress is not None:
                progress("read", done, len(units))
            if isinstance(unit, IngestError):
                yield unit
            else:
                yield from read_unit(unit, settings.ingest, client)
        if progress is not None:
            progress("read", len(units), len(units))
    finally:
        client.close()


def ingest_paths(
    paths: Sequence[str],
    settings: Settings,
    workspace: Workspace | None = None,
    transport: httpx.BaseTransport | None = None,
    progress: ProgressFn | None = None,
    *,
    cleaner: CleanFn | None = None,
) -> IngestResult:
    """Read, clean and (with a workspace) store ``paths``; bad inputs become ``errors``.

    ``cleaner`` replaces ``wirecheck.clean.clean_documents`` (``passthrough_documents``
    keeps the raw text as body).
    """
    batch = max(1, settings.ingest.batch_size)
    docs: list[RawDocument] = []
    errors: list[IngestError] = []
    for chunk in _batches(_read_all(paths, settings, transport, progress), batch, errors):
        docs.extend(chunk)
        if workspace is not None:
            workspace.upsert_raw(chunk)  # committed: survives a kill of this process
    if progress is not None:
        progress("clean", 0, len(docs))
    articles = unique_articles((cleaner or default_cleaner())(docs, settings.clean))
    if progress is not None:
        progress("clean", len(docs), len(docs))
    new = 0
    if workspace is not None:
        for start in range(0, len(articles), batch):
            new += workspace.upsert_articles(articles[start : start + batch])
            if progress is not None:
                progress("store", min(start + batch, len(articles)), len(articles))
    return IngestResult(articles=articles, errors=errors, new=new)


def _batches(
    items: Iterator[RawDocument | IngestError], size: int, errors: list[IngestError]
) -> Iterator[list[RawDocument]]:
    """Documents in lists of ``size``; errors are appended to ``errors`` on the way."""
    chunk: list[RawDocument] = []
    for item in items:
        if isinstance(item, IngestError):
            errors.append(item)
            continue
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def unique_articles(articles: list[Article]) -> list[Article]:
    """The first article of each id, in input order (the same file given twice, or two
    inputs with the same source and text, is one article)."""
    seen: set[str] = set()
    out = []
    for art in articles:
        if art.id not in seen:
            seen.add(art.id)
            out.append(art)
    return out


def analyze_paths(
    paths: Sequence[str],
    settings: Settings,
    workspace: Workspace | None = None,
    stages: Sequence[Stage] = DEFAULT_STAGES,
    progress: ProgressFn | None = None,
    transport: httpx.BaseTransport | None = None,
) -> Analysis:
    """Ingest ``paths`` and run the analysis ``stages``; stored when a workspace is given."""
    ingested = ingest_paths(paths, settings, workspace, transport, progress)
    analysis = Analysis(articles=ingested.articles, errors=ingested.errors)
    return analyze_analysis(analysis, settings, workspace, stages, progress)


def analyze_analysis(
    analysis: Analysis,
    settings: Settings,
    workspace: Workspace | None = None,
    stages: Sequence[Stage] = DEFAULT_STAGES,
    progress: ProgressFn | None = None,
) -> Analysis:
    """Run ``stages`` over an analysis (e.g. loaded from a workspace) and store the result."""
    result = analyze(analysis, settings, stages, progress)
    if workspace is not None:
        workspace.save_analysis(result)
    return result


def with_lists(settings: Settings, lists: Sequence[str]) -> Settings:
    """``settings`` with sanctions-list files added to ``settings.screen.lists``."""
    if not lists:
        return settings
    if "lists" not in type(settings.screen).model_fields:
        raise ValueError("this build cannot screen against lists (settings.screen.lists missing)")
    current = list(getattr(settings.screen, "lists", []))
    screen = settings.screen.model_copy(update={"lists": current + [str(p) for p in lists]})
    return settings.model_copy(update={"screen": screen})


def write_analysis_json(analysis: Analysis, out_dir: Path) -> Path:
    """``out_dir/analysis.json``: pretty, in the model's stable key order, written atomically
    (streamed: the file of a 100,000-article analysis runs to gigabytes)."""
    from wirecheck.store.jsonfile import write_model_json

    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / "analysis.json"
    tmp = target.with_suffix(".json.tmp")
    with tmp.open("w", encoding="utf-8") as handle:
        write_model_json(analysis, handle)
    os.replace(tmp, target)
    return target


def write_briefings(analysis: Analysis, out_dir: Path) -> list[Path]:
    """briefing.md and briefing.html in ``out_dir`` (jinja2 is imported only here)."""
    from wirecheck.report import write_briefings as report_briefings

    return list(report_briefings(analysis, out_dir))


def run(
    paths: Sequence[str],
    out_dir: str | Path,
    db: str | Path | None = None,
    settings: Settings | None = None,
    lists: Sequence[str] = (),
    *,
    stages: Sequence[Stage] = DEFAULT_STAGES,
    progress: ProgressFn | None = None,
    transport: httpx.BaseTransport | None = None,
) -> RunResult:
    """The main job: ingest + analyse ``paths``, store them in ``db`` (None: in memory),
    write ``out_dir/analysis.json`` and the briefings."""

    def analyze_fn(inputs: Sequence[str], chosen: Settings, workspace: Workspace) -> Analysis:
        if workspace.path is None:
            return analyze_paths(inputs, chosen, workspace, stages, progress, transport)
        # a workspace file: analyse the new inputs with what it holds (wirecheck.incremental)
        from wirecheck.incremental import analyse_step, save_step

        step = analyse_step(workspace, inputs, chosen, stages, progress, transport)
        save_step(workspace, step, progress=progress)
        return step.analysis

    return run_job(paths, out_dir, db, with_lists(settings or Settings(), lists), analyze_fn)


AnalyzeFn = Callable[[Sequence[str], Settings, "Workspace"], Analysis]


def run_job(
    paths: Sequence[str],
    out_dir: str | Path,
    db: str | Path | None,
    settings: Settings,
    analyze_fn: AnalyzeFn,
) -> RunResult:
    """The main job around an analysis function (the local ``analyze_paths`` or the Ray
    runner's): a run record in the workspace ``db``, ``analysis.json`` and the briefings."""
    from wirecheck.store import Workspace

    out = Path(out_dir)
    record = new_run("run", paths)
    with Workspace.open(db) as workspace, _lists_kept_in(workspace):
        workspace.record_run(record)
        analysis = analyze_fn(paths, settings, workspace)
        files = [write_analysis_json(analysis, out), *write_briefings(analysis, out)]
        workspace.record_run(finish_record(record, analysis))
    return RunResult(analysis=analysis, out_dir=out, files=files, run_id=record.id)


def _lists_kept_in(workspace: Workspace) -> AbstractContextManager[None]:
    """A workspace file keeps the sanctions lists a run screens against (loaded once, reused
    by later runs); an in-memory workspace builds them in memory as before."""
    from contextlib import nullcontext

    from wirecheck.entities.lists.stored import lists_in

    return lists_in(workspace) if workspace.path is not None else nullcontext()


def finish_record(record: RunRecord, analysis: Analysis) -> RunRecord:
    """The run record completed with its finish time, counts and errors."""
    counts = {
        "articles": len(analysis.articles),
        "errors": len(analysis.errors),
        "stories": len(analysis.stories),
        "claims": len(analysis.claims),
        "changes": len(analysis.changes),
        "entities": len(analysis.entities),
    }
    update = {"finished": now_iso(), "counts": counts, "errors": analysis.errors}
    return record.model_copy(update=update)
