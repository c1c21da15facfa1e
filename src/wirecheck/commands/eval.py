"""``wirecheck eval --gold FILE [--json] PATH...``: score the main job against a gold file.

With ``--analysis FILE`` an existing analysis.json is scored instead of running the job;
``--stages none`` scores ingest and cleaning only (fast).
Prints precision/recall/F1 per finding type as a Rich table, or JSON with ``--json``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from wirecheck.commands import EXIT_USAGE, ProgressPrinter, exit_code, parse_stages, print_errors
from wirecheck.commands.run import QuietOpt

if TYPE_CHECKING:
    from wirecheck.evaluate import EvalReport
    from wirecheck.model import Analysis
    from wirecheck.pipeline import Stage

PathsArg = Annotated[
    list[str] | None,
    typer.Argument(help="Files or directories to analyse (the gold's corpus).", metavar="PATH"),
]
GoldOpt = Annotated[Path, typer.Option("--gold", help="Gold file (YAML, format of gold.yaml).")]
AnalysisOpt = Annotated[
    Path | None, typer.Option("--analysis", help="Score this analysis.json instead of running.")
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print the scores as JSON on stdout.")]
StagesOpt = Annotated[
    str | None,
    typer.Option("--stages", help="Analysis stages to run (default all; none: clean only)."),
]


def eval_command(
    gold: GoldOpt,
    paths: PathsArg = None,
    analysis_file: AnalysisOpt = None,
    as_json: JsonOpt = False,
    stages: StagesOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """Score the analysis of PATHs (or of --analysis FILE) against a gold file."""
    from wirecheck.evaluate import evaluate, load_gold

    if bool(paths) == bool(analysis_file):
        typer.echo("error: give PATHs to analyse or --analysis FILE (one of them)", err=True)
        raise typer.Exit(EXIT_USAGE)
    try:
        gold_data = load_gold(gold)
        if analysis_file:
            analysis = _load(analysis_file)
        else:
            analysis = _run(paths or [], parse_stages(stages), quiet)
    except (OSError, ValueError) as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(EXIT_USAGE) from err
    report = evaluate(analysis, gold_data, gold_name=str(gold))
    if as_json:
        typer.echo(json.dumps(report.to_json_dict(), indent=2))
    else:
        print_table(report)
    print_errors(analysis.errors)
    raise typer.Exit(exit_code(analysis.errors))


def _load(path: Path) -> Analysis:
    from wirecheck.model import Analysis

    return Analysis.model_validate_json(path.read_text(encoding="utf-8"))


def _run(paths: list[str], stages: tuple[Stage, ...], quiet: bool) -> Analysis:
    from wirecheck.runner import analyze_paths
    from wirecheck.settings import load_settings

    with ProgressPrinter(enabled=not quiet) as progress:
        return analyze_paths(paths, load_settings(), stages=stages, progress=progress)


def print_table(report: EvalReport) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"wirecheck eval: {report.gold} ({report.matched_articles} articles)")
    for column in ("finding", "precision", "recall", "F1", "tp", "fp", "fn", "gold", "note"):
        table.add_column(column, justify="left" if column in ("finding", "note") else "right")
    for row in report.scores:
        extra = ", ".join(f"{k}={v:.3g}" for k, v in row.extra.items())
        table.add_row(
            row.finding,
            f"{row.precision:.3f}",
            f"{row.recall:.3f}",
            f"{row.f1:.3f}",
            str(row.tp),
            str(row.fp),
            str(row.fn),
            str(row.support),
            "; ".join(x for x in (extra, row.note) if x),
        )
    console = Console()
    if not console.is_terminal:
        console = Console(width=160)  # logs and pipes: do not squeeze the table to 80 columns
    console.print(table)


def register(app: typer.Typer) -> None:
    app.command("eval")(eval_command)
