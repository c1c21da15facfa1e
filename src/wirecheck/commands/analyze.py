"""``wirecheck analyze --db FILE --out DIR``: re-run the analysis stages on a workspace."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from wirecheck.commands import EXIT_USAGE, ProgressPrinter, parse_stages, print_summary
from wirecheck.commands.ingest import DEFAULT_DB, WorkspaceOpt
from wirecheck.commands.run import JsonOpt, QuietOpt, StagesOpt


def analyze_command(
    db: WorkspaceOpt = DEFAULT_DB,
    out: Annotated[Path, typer.Option("--out", "-o", help="Output directory.")] = Path(
        "wirecheck-out"
    ),
    stages: StagesOpt = None,
    as_json: JsonOpt = False,
    quiet: QuietOpt = False,
) -> None:
    """Analyse the articles stored in the workspace again and write DIR/analysis.json."""
    from wirecheck.model import Analysis
    from wirecheck.runner import (
        analyze_analysis,
        finish_record,
        new_run,
        write_analysis_json,
        write_briefings,
    )
    from wirecheck.settings import load_settings
    from wirecheck.store import Workspace

    if not db.exists():
        typer.echo(f"error: {db}: no such workspace (run `wirecheck ingest` first)", err=True)
        raise typer.Exit(EXIT_USAGE)
    chosen = parse_stages(stages)
    settings = load_settings()
    with Workspace.open(db) as workspace, ProgressPrinter(enabled=not quiet) as progress:
        record = new_run("analyze", [str(db)])
        workspace.record_run(record)
        articles = list(workspace.iter_articles())
        analysis = analyze_analysis(
            Analysis(articles=articles), settings, workspace, chosen, progress
        )
        workspace.record_run(finish_record(record, analysis))
    files = [write_analysis_json(analysis, out), *write_briefings(analysis, out)]
    print_summary(analysis, files, record.id, as_json)


def register(app: typer.Typer) -> None:
    app.command("analyze")(analyze_command)
