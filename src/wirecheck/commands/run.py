"""``wirecheck run PATH... --out DIR``: ingest + analyse + report (the main job)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from wirecheck.commands import (
    EXIT_USAGE,
    ProgressPrinter,
    exit_code,
    parse_stages,
    print_errors,
    print_summary,
)


class Engine(StrEnum):
    LOCAL = "local"
    RAY = "ray"


PathsArg = Annotated[
    list[str], typer.Argument(help="Files, directories, URLs, or - for stdin.", metavar="PATH")
]
DbOpt = Annotated[
    Path | None, typer.Option("--db", help="DuckDB workspace file (default: in memory).")
]
ListOpt = Annotated[
    list[Path] | None,
    typer.Option("--list", help="Sanctions/export-control list file to screen against."),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print a JSON summary on stdout.")]
StagesOpt = Annotated[
    str | None,
    typer.Option("--stages", help="Comma-separated analysis stages to run (default all; none)."),
]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress output.")]


def run_command(
    paths: PathsArg,
    out: Annotated[Path, typer.Option("--out", "-o", help="Output directory.")] = Path(
        "wirecheck-out"
    ),
    db: DbOpt = None,
    lists: ListOpt = None,
    stages: StagesOpt = None,
    as_json: JsonOpt = False,
    quiet: QuietOpt = False,
    engine: Annotated[
        Engine,
        typer.Option("--engine", help="Where to run: same results; RAY_ADDRESS = a Ray cluster."),
    ] = Engine.LOCAL,
) -> None:
    """Ingest PATHs, find stories, sources and claims, and write DIR/analysis.json + briefings."""
    from wirecheck.runner import run, with_lists

    if engine is Engine.RAY:
        from wirecheck.distributed import run_ray as run  # type: ignore[assignment]
    from wirecheck.settings import load_settings

    chosen = parse_stages(stages)
    settings = load_settings()
    try:
        settings = with_lists(settings, [str(p) for p in lists or []])
    except ValueError as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(EXIT_USAGE) from err
    with ProgressPrinter(enabled=not quiet) as progress:
        result = run(paths, out, db, settings, stages=chosen, progress=progress)
    analysis = result.analysis
    print_errors(analysis.errors)
    print_summary(analysis, result.files, result.run_id, as_json)
    raise typer.Exit(exit_code(analysis.errors))


def register(app: typer.Typer) -> None:
    app.command("run")(run_command)
