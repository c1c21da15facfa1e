"""``wirecheck watch``: keep a workspace up to date with folders and feeds.

Each poll lists the watched folders (files not seen yet, or changed since) and fetches the
watched feeds (RSS/Atom URLs: items the workspace does not hold yet); what is new becomes one
batch, analysed with everything the workspace holds (``wirecheck.incremental``) and written in
one transaction, so stopping (Ctrl-C, SIGTERM) or a kill mid-step leaves the workspace as it
was before that step. One line per batch says what it added: new articles, stories that
gained or changed articles, new conflicts and new changes.

The poll loop takes its waiting function from the caller (tests pass one that never sleeps
and stops after a few polls).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from wirecheck.model import Analysis, ClaimStatus, IngestError
from wirecheck.settings import Settings

if TYPE_CHECKING:
    import httpx

    from wirecheck.store import Workspace

WaitFn = Callable[[float], bool]  # wait up to N seconds; True: stop watching


@dataclass
class Batch:
    """What one step added."""

    number: int
    articles: int
    stories_changed: int
    new_conflicts: int
    new_changes: int
    errors: list[IngestError] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"batch {self.number}: {self.articles} new articles, {self.stories_changed} "
            f"stories changed, {self.new_conflicts} new conflicts, {self.new_changes} new "
            f"changes" + (f", {len(self.errors)} errors" if self.errors else "")
        )


def story_members(analysis: Analysis) -> dict[str, frozenset[str]]:
    return {s.id: frozenset(s.articles) for s in analysis.stories}


def compare(before: Analysis, after: Analysis, number: int, new_articles: int) -> Batch:
    """The batch line's counts: stories whose articles differ (new stories included),
    conflicts and changes whose ids were not there before."""
    old = story_members(before)
    changed = sum(1 for sid, members in story_members(after).items() if old.get(sid) != members)
    conflicts = {c.id for c in before.claims if c.status == ClaimStatus.CONFLICT}
    changes = {c.id for c in before.changes}
    return Batch(
        number=number,
        articles=new_articles,
        stories_changed=changed,
        new_conflicts=sum(
            1 for c in after.claims if c.status == ClaimStatus.CONFLICT and c.id not in conflicts
        ),
        new_changes=sum(1 for c in after.changes if c.id not in changes),
    )


class Watcher:
    """Folders and feeds polled into one workspace."""

    def __init__(
        self,
        workspace: Workspace,
        sources: Sequence[str],
        settings: Settings,
        out_dir: Path | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        from wirecheck.ingest.url import is_url

        self.workspace = workspace
        self.settings = settings
        self.out_dir = out_dir
        self.transport = transport
        self.feeds = [s for s in sources if is_url(s)]
        self.folders = [s for s in sources if not is_url(s)]
        self.seen: dict[str, tuple[int, float]] = {}  # file -> (size, mtime) when read
        self.known_sources = {d.source for d in workspace.iter_raw()}
        self.analysis = workspace.load_analysis()
        self.batches = 0

    def new_units(self) -> list[str]:
        """Files of the folders not read yet (or changed since), then every feed."""
        from wirecheck.ingest import expand_inputs

        units: list[str] = []
        for unit in expand_inputs(self.folders, self.settings.ingest):
            if isinstance(unit, IngestError):
                continue
            try:
                stat = os.stat(unit)
            except OSError:
                continue
            stamp = (stat.st_size, stat.st_mtime)
            if self.seen.get(unit) == stamp:
                continue
            if unit not in self.seen and unit in self.known_sources:
                self.seen[unit] = stamp  # stored by an earlier run or watch
                continue
            self.seen[unit] = stamp
            units.append(unit)
        return units + self.feeds

    def step(self) -> Batch | None:
        """Read what is new and, when there is any, analyse and store it (one transaction)."""
        from wirecheck.incremental import analyse_step, save_step
        from wirecheck.runner import finish_record, new_run

        units = self.new_units()
        if not units:
            return None
        record = new_run("watch", units)
        step = analyse_step(self.workspace, units, self.settings, transport=self.transport)
        if not step.new_documents:
            return None
        save_step(self.workspace, step, finish_record(record, step.analysis))
        self.known_sources |= {d.source for d in step.new_documents}
        self.batches += 1
        before_ids = {a.id for a in self.analysis.articles}
        added = sum(1 for a in step.analysis.articles if a.id not in before_ids)
        batch = compare(self.analysis, step.analysis, self.batches, added)
        batch.errors = [e for e in step.analysis.errors]
        self.analysis = step.analysis
        if self.out_dir is not None:
            self._write(step.analysis)
        return batch

    def _write(self, analysis: Analysis) -> None:
        from wirecheck.runner import write_analysis_json, write_briefings

        write_analysis_json(analysis, self.out_dir or Path("."))
        write_briefings(analysis, self.out_dir or Path("."))

    def run(
        self,
        interval: float,
        wait: WaitFn,
        report: Callable[[Batch], None],
        max_polls: int | None = None,
    ) -> int:
        """Poll until ``wait`` says stop (or ``max_polls``); returns the number of batches.
        A KeyboardInterrupt (Ctrl-C, or SIGTERM turned into one) ends the loop; a step it
        interrupts is rolled back."""
        polls = 0
        try:
            while max_polls is None or polls < max_polls:
                polls += 1
                batch = self.step()
                if batch is not None:
                    report(batch)
                if (max_polls is None or polls < max_polls) and wait(interval):
                    break
        except KeyboardInterrupt:
            pass
        return self.batches
