"""Ingest over HTTP: one background writer thread, jobs serialised through a queue.

DuckDB has a single writer, so the API process owns the workspace connection and every
write runs here, one job at a time, while request threads read through their own cursors
(``Workspace._reader``). A job stores the raw documents, cleans them as one batch and
upserts the articles in one transaction. A job that asks for the analysis runs one
incremental step instead (``wirecheck.incremental``, as ``wirecheck run NEW --db WS``): the
new documents analysed with what the workspace holds, everything written in one
transaction; a workspace holding articles without their raw documents is analysed again
from its stored articles.
"""

from __future__ import annotations

import hashlib
import queue
import threading
import uuid
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

from wirecheck.model import Article, RawDocument
from wirecheck.settings import Settings

if TYPE_CHECKING:
    from wirecheck.store import Workspace


class IngestDocument(BaseModel):
    """One document posted to ``/api/ingest``."""

    text: str = Field(min_length=1)
    source: str | None = None
    title: str | None = None
    date: str | None = None
    outlet: str | None = None
    url: str | None = None
    language: str | None = None

    def raw(self) -> RawDocument:
        digest = hashlib.sha1(self.text.encode("utf-8")).hexdigest()[:16]
        return RawDocument(
            source=self.source or f"api:{digest}",
            text=self.text,
            title=self.title,
            date=self.date,
            outlet=self.outlet,
            url=self.url,
            language=self.language,
            format="text",
        )


class IngestRequest(BaseModel):
    documents: list[IngestDocument]
    analyze: bool = False


class JobStatus(BaseModel):
    id: str
    status: str = "queued"  # queued|running|done|failed
    received: int = 0
    stored: int = 0
    new: int = 0
    analyzed: bool = False
    error: str = ""


def clean_batch(docs: Sequence[RawDocument], settings: Settings) -> list[Article]:
    """The project's cleaner over one posted batch (corpus-level rules see the whole batch);
    the same cleaner as the local run (``runner.default_cleaner``)."""
    from wirecheck.runner import default_cleaner

    return default_cleaner()(docs, settings.clean)


@dataclass
class IngestWorker:
    """The single writer. ``submit`` returns at once; ``status`` reports progress."""

    workspace: Workspace
    settings: Settings
    keep: int = 1000
    clean: Callable[[Sequence[RawDocument], Settings], list[Article]] = clean_batch
    _queue: queue.Queue[tuple[JobStatus, IngestRequest] | None] = field(default_factory=queue.Queue)
    _jobs: OrderedDict[str, JobStatus] = field(default_factory=OrderedDict)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _thread: threading.Thread | None = None
    generation: int = 0  # bumped after every committed write (read caches key on it)

    def start(self) -> None:
        self._thread = threading.Thread(target=self._loop, name="wirecheck-ingest", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 30.0) -> None:
        if self._thread is not None:
            self._queue.put(None)
            self._thread.join(timeout)
            self._thread = None

    def submit(self, request: IngestRequest) -> JobStatus:
        job = JobStatus(id=f"job-{uuid.uuid4().hex[:16]}", received=len(request.documents))
        with self._lock:
            self._jobs[job.id] = job
            while len(self._jobs) > self.keep:
                self._jobs.popitem(last=False)
        self._queue.put((job, request))
        return job.model_copy()

    def status(self, job_id: str) -> JobStatus | None:
        with self._lock:
            job = self._jobs.get(job_id)
            return job.model_copy() if job else None

    def wait(self) -> None:
        """Block until every submitted job is processed (tests and benchmarks)."""
        self._queue.join()

    def _loop(self) -> None:
        while True:
            item = self._queue.get()
            try:
                if item is None:
                    return
                self._run(*item)
            finally:
                self._queue.task_done()

    def _committed(self) -> None:
        with self._lock:
            self.generation += 1

    def _update(self, job: JobStatus, **changes: object) -> None:
        """Change a job's status under the lock, so ``status`` never sees half an update."""
        with self._lock:
            for name, value in changes.items():
                setattr(job, name, value)

    def _run(self, job: JobStatus, request: IngestRequest) -> None:
        self._update(job, status="running")
        try:
            docs = [d.raw() for d in request.documents]
            if request.analyze and self._step(job, docs):
                return
            self.workspace.upsert_raw(docs)
            articles = self.clean(docs, self.settings)
            new = self.workspace.upsert_articles(articles)
            self._committed()
            self._update(job, new=new, stored=len(articles))
            if request.analyze:
                self._analyze()
                self._committed()
            self._update(job, status="done", analyzed=request.analyze)
        except Exception as err:  # a failed job is reported, the writer keeps serving
            self._update(job, status="failed", error=f"{type(err).__name__}: {err}")

    def _step(self, job: JobStatus, docs: list[RawDocument]) -> bool:
        """Store and analyse ``docs`` as one incremental step (``wirecheck.incremental``:
        what the workspace holds is reused, one transaction writes it all); False, with
        nothing written, when the workspace holds articles without their raw documents,
        which a step would drop: those are analysed again from the stored articles."""
        from wirecheck.incremental import analyse_posted, save_step
        from wirecheck.runner import finish_record, new_run

        if self.workspace.articles_without_raw():
            return False
        stored = list(self.workspace.iter_raw())
        record = new_run("ingest", [d.source for d in docs])
        step = analyse_posted(self.workspace, stored, docs, self.settings)
        save_step(self.workspace, step, finish_record(record, step.analysis))
        self._committed()
        new = len(step.new_documents)
        self._update(job, new=new, stored=len(docs), status="done", analyzed=True)
        return True

    def _analyze(self) -> None:
        from wirecheck.model import Analysis
        from wirecheck.runner import analyze_analysis

        # every stored article: the last analysis covers only those it was run over
        runs = self.workspace.list_runs()
        articles = list(self.workspace.iter_articles())
        analysis = Analysis(articles=articles, errors=runs[-1].errors if runs else [])
        analyze_analysis(analysis, self.settings, self.workspace)
