"""``wirecheck ingest PATH... --db FILE``: read and clean inputs into a workspace."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from wirecheck.commands import ProgressPrinter, counts_line, exit_code, print_errors
from wirecheck.commands.run import JsonOpt, PathsArg, QuietOpt

DEFAULT_DB = Path("wirecheck.duckdb")
# --db of the commands that work on a stored workspace (ingest, analyze, screen)
WorkspaceOpt = Annotated[Path, typer.Option("--db", help="DuckDB workspace file.")]


def ingest_command(
    paths: PathsArg,
    db: WorkspaceOpt = DEFAULT_DB,
    as_json: JsonOpt = False,
    quiet: QuietOpt = False,
) -> None:
    """Read PATHs (files, directories, URLs, -) into the workspace; re-running is idempotent."""
    from wirecheck.runner import ingest_paths, new_run, now_iso
    from wirecheck.settings import load_settings
    from wirecheck.store import Workspace

    settings = load_settings()
    record = new_run("ingest", paths)
    with Workspace.open(db) as workspace, ProgressPrinter(enabled=not quiet) as progress:
        workspace.record_run(record)
        result = ingest_paths(paths, settings, workspace, progress=progress)
        counts = {
            "articles": len(result.articles),
            "new": result.new,
            "errors": len(result.errors),
            "in workspace": workspace.count("articles"),
        }
        update = {"finished": now_iso(), "counts": counts, "errors": result.errors}
        workspace.record_run(record.model_copy(update=update))
    print_errors(result.errors)
    if as_json:
        errors = [e.model_dump() for e in result.errors]
        typer.echo(json.dumps({"run": record.id, "counts": counts, "errors": errors}, indent=2))
    else:
        typer.echo(counts_line(counts))
    raise typer.Exit(exit_code(result.errors))


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest_command)
