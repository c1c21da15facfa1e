"""``wirecheck watch SOURCE... --db WS``: poll folders and RSS/Atom feeds, analyse each batch.

Prints one line per batch (new articles, stories changed, new conflicts, new changes) and
stops cleanly on Ctrl-C or SIGTERM: a step it interrupts is rolled back, so the workspace is
the one the last finished batch left.
"""

from __future__ import annotations

import signal
import threading
from datetime import UTC, datetime
from pathlib import Path
from types import FrameType
from typing import Annotated

import typer

from wirecheck.commands import EXIT_USAGE
from wirecheck.commands.run import ListOpt

SourcesArg = Annotated[
    list[str], typer.Argument(help="Folders that receive files, RSS/Atom feed URLs.")
]


def watch_command(
    sources: SourcesArg,
    db: Annotated[Path, typer.Option("--db", help="DuckDB workspace file.")],
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Rewrite DIR/analysis.json per batch.")
    ] = None,
    interval: Annotated[
        float, typer.Option("--interval", min=0.0, help="Seconds between polls.")
    ] = 60.0,
    max_polls: Annotated[
        int | None, typer.Option("--max-polls", min=1, help="Stop after N polls.")
    ] = None,
    lists: ListOpt = None,
) -> None:
    """Watch folders and feeds; analyse what arrives together with the workspace."""
    from wirecheck.entities.lists.stored import lists_in
    from wirecheck.runner import with_lists
    from wirecheck.settings import load_settings
    from wirecheck.store import Workspace
    from wirecheck.watch import Batch, Watcher

    try:
        settings = with_lists(load_settings(), [str(p) for p in lists or []])
    except ValueError as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(EXIT_USAGE) from err
    stop = threading.Event()
    previous = signal.signal(signal.SIGTERM, _interrupt)

    def wait(seconds: float) -> bool:
        return stop.wait(seconds)

    def report(batch: Batch) -> None:
        stamp = datetime.now(UTC).strftime("%H:%M:%S")
        typer.echo(f"{stamp} {batch.line()}")

    try:
        with Workspace.open(db) as workspace, lists_in(workspace):
            watcher = Watcher(workspace, sources, settings, out)
            typer.echo(f"watching {len(sources)} source(s) every {interval:g} s; Ctrl-C stops")
            batches = watcher.run(interval, wait, report, max_polls)
    finally:
        signal.signal(signal.SIGTERM, previous)
    typer.echo(f"stopped after {batches} batch(es); workspace {db} is consistent")


def _interrupt(signum: int, frame: FrameType | None) -> None:
    """SIGTERM ends the watch like Ctrl-C (the running step rolls back)."""
    raise KeyboardInterrupt


def register(app: typer.Typer) -> None:
    app.command("watch")(watch_command)
