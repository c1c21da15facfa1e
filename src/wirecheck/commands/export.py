"""``wirecheck export``: analysis.json, FtM JSON lines, GraphML or Parquet tables."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from wirecheck.commands.report import ANALYSIS, DB


def export(
    fmt: Annotated[str, typer.Option("--format", help="json, ftm, graphml or parquet")],
    out: Annotated[Path, typer.Option("--out", help="file to write (a directory for parquet)")],
    db: Annotated[Path | None, DB] = None,
    analysis_file: Annotated[Path | None, ANALYSIS] = None,
) -> None:
    """Export the analysis for other tools (Aleph/FtM, Gephi, DuckDB/Polars)."""
    from wirecheck.report.export import FORMATS
    from wirecheck.report.export import export as write
    from wirecheck.report.source import SourceError, load_source

    if fmt not in FORMATS:
        raise typer.BadParameter(f"choose one of {', '.join(FORMATS)}", param_hint="--format")
    try:
        analysis = load_source(db, analysis_file)
    except SourceError as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(2) from err
    for path in write(analysis, fmt, out):
        typer.echo(str(path))


def register(app: typer.Typer) -> None:
    app.command("export")(export)
