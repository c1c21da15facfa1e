"""``wirecheck report``: the cited briefing of a workspace or analysis.json, as md or html."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

DB = typer.Option("--db", help="workspace file (DuckDB) to read")
ANALYSIS = typer.Option("--analysis", help="analysis.json to read instead of a workspace")


def report(
    out: Annotated[Path, typer.Option("--out", help="file to write")],
    fmt: Annotated[str, typer.Option("--format", help="md or html")] = "html",
    db: Annotated[Path | None, DB] = None,
    analysis_file: Annotated[Path | None, ANALYSIS] = None,
) -> None:
    """Write the briefing (every statement cites its passage) as Markdown or HTML."""
    from wirecheck.report import render_html, render_markdown
    from wirecheck.report.source import SourceError, load_source

    if fmt not in ("md", "html"):
        raise typer.BadParameter("choose md or html", param_hint="--format")
    try:
        analysis = load_source(db, analysis_file)
    except SourceError as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(2) from err
    text = render_markdown(analysis) if fmt == "md" else render_html(analysis)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    typer.echo(str(out))


def register(app: typer.Typer) -> None:
    app.command("report")(report)
