"""CLI commands, one module each with ``register(app)``; shared helpers for them live here.

Commands are thin wrappers over ``wirecheck.runner``: parse options, show progress on
stderr (a Rich bar on a terminal, plain lines otherwise), print one line per bad input,
and map the outcome to the exit code (0 ok, 1 some inputs failed, 2 usage error).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from types import TracebackType
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from pathlib import Path

    from wirecheck.model import Analysis, IngestError
    from wirecheck.pipeline import Stage

EXIT_OK = 0
EXIT_INPUT_ERRORS = 1
EXIT_USAGE = 2
# Plain (non-TTY) progress prints a stage's line each time another 1/PLAIN_STEPS of it
# is done: 20 lines a stage keeps CI logs short and still shows where a run stalls.
PLAIN_STEPS = 20


class ProgressPrinter:
    """A ``ProgressFn`` for the CLI: a Rich progress bar on a TTY, plain lines otherwise."""

    def __init__(self, stream: TextIO | None = None, enabled: bool = True) -> None:
        self.stream = stream or sys.stderr
        self.enabled = enabled
        self.tty = enabled and self.stream.isatty()
        self._bar: Any = None
        self._tasks: dict[str, Any] = {}
        self._last: tuple[str, int] | None = None

    def __enter__(self) -> ProgressPrinter:
        if self.tty:
            from rich.console import Console
            from rich.progress import Progress

            self._bar = Progress(console=Console(file=self.stream), transient=True)
            self._bar.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, err: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._bar is not None:
            self._bar.stop()

    def __call__(self, stage: str, done: int, total: int) -> None:
        if not self.enabled or stage == "done":
            return
        if self._bar is not None:
            self._rich(stage, done, total)
            return
        bucket = done * PLAIN_STEPS // total if total else done
        if self._last == (stage, bucket):
            return
        self._last = (stage, bucket)
        shown = f"{done}/{total}" if total else str(done)
        print(f"wirecheck: {stage} {shown}", file=self.stream, flush=True)

    def _rich(self, stage: str, done: int, total: int) -> None:
        task = self._tasks.get(stage)
        if task is None:
            task = self._bar.add_task(stage, total=total or None)
            self._tasks[stage] = task
        self._bar.update(task, completed=done, total=total or None)


def print_errors(errors: Sequence[IngestError], stream: TextIO | None = None) -> None:
    """One line per bad input on stderr."""
    out = stream or sys.stderr
    for error in errors:
        print(f"error: {error.line()}", file=out)


def exit_code(errors: Sequence[IngestError]) -> int:
    return EXIT_INPUT_ERRORS if errors else EXIT_OK


def counts_line(counts: dict[str, int]) -> str:
    return ", ".join(f"{value} {name}" for name, value in counts.items())


def analysis_counts(analysis: Analysis) -> dict[str, int]:
    return {
        "articles": len(analysis.articles),
        "stories": len(analysis.stories),
        "claims": len(analysis.claims),
        "changes": len(analysis.changes),
        "entities": len(analysis.entities),
        "errors": len(analysis.errors),
    }


def print_summary(analysis: Analysis, files: Sequence[Path], run_id: str, as_json: bool) -> None:
    """What a run found and wrote: one line (or JSON with ``--json``) on stdout."""
    counts = analysis_counts(analysis)
    if as_json:
        summary = {
            "run": run_id,
            "counts": counts,
            "files": [str(f) for f in files],
            "errors": [e.model_dump() for e in analysis.errors],
        }
        print(json.dumps(summary, indent=2))
        return
    print(counts_line(counts))
    for written in files:
        print(f"wrote {written}")


def parse_stages(text: str | None) -> tuple[Stage, ...]:
    """``--stages a,b`` to pipeline stages (default: all; ``none``: ingest only)."""
    from wirecheck.pipeline import DEFAULT_STAGES

    if text is None:
        return DEFAULT_STAGES
    names = [n.strip() for n in text.split(",") if n.strip()]
    if names == ["none"]:
        return ()
    known = {stage.name: stage for stage in DEFAULT_STAGES}
    unknown = [n for n in names if n not in known]
    if unknown:
        import typer

        choices = ", ".join(known)
        raise typer.BadParameter(f"unknown stage {unknown[0]!r} (choose from {choices}, none)")
    return tuple(known[n] for n in names)
