"""``wirecheck screen --list FILE``: load a sanctions list into the workspace and screen.

The list is streamed into the workspace (name, version, row count kept); then every
organisation, government body and person of the stored analysis is screened against all
lists in the workspace, and the matches are saved back (``entities[].screening``). Bad rows
are reported one line each and skipped (exit 1); an unreadable list is a usage error (exit 2).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from wirecheck.commands import EXIT_INPUT_ERRORS, EXIT_OK, EXIT_USAGE
from wirecheck.commands.ingest import DEFAULT_DB, WorkspaceOpt

if TYPE_CHECKING:
    from wirecheck.model import Analysis, Entity
    from wirecheck.store import Workspace
    from wirecheck.store.lists import StoredListFile

ListOpt = Annotated[Path, typer.Option("--list", help="List file (FtM JSON lines or CSV).")]
FormatOpt = Annotated[
    str | None,
    typer.Option("--format", help="ftm, simple (targets.simple.csv) or csl; default: detect."),
]
OutOpt = Annotated[
    Path | None, typer.Option("--out", help="Also write DIR/analysis.json with the matches.")
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print the result as JSON.")]


def screen_command(
    list_file: ListOpt,
    fmt: FormatOpt = None,
    db: WorkspaceOpt = DEFAULT_DB,
    out: OutOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Load a sanctions/export-control list and screen the workspace's entities against it."""
    from wirecheck.entities.lists import FORMATS, ListFormatError

    if fmt is not None and fmt not in FORMATS:
        raise typer.BadParameter(f"choose one of {', '.join(FORMATS)}", param_hint="--format")
    if not db.exists():
        typer.echo(f"error: {db}: no such workspace (run `wirecheck run` first)", err=True)
        raise typer.Exit(EXIT_USAGE)
    from wirecheck.store import Workspace

    with Workspace.open(db) as workspace:
        try:
            stored, report = load_into(workspace, list_file, fmt)
        except ListFormatError as err:
            typer.echo(f"error: {err}", err=True)
            raise typer.Exit(EXIT_USAGE) from err
        analysis = screen_workspace(workspace)
    if out is not None:
        from wirecheck.runner import write_analysis_json

        write_analysis_json(analysis, out)
    loaded = {"name": stored.name, "version": _version(stored), "entries": stored.entries}
    _report(analysis, loaded, report, as_json)
    raise typer.Exit(EXIT_INPUT_ERRORS if report["bad_rows"] else EXIT_OK)


def load_into(
    workspace: Workspace, path: Path, fmt: str | None
) -> tuple[StoredListFile, dict[str, Any]]:
    """The list at ``path`` kept in the workspace (streamed in if absent or changed; it
    replaces an older file of the same list name) and its load report (row errors, counts)."""
    from wirecheck.entities.lists import ListFormatError
    from wirecheck.entities.lists.stored import ensure_list, stored_errors

    stored, errors = ensure_list(workspace, path, fmt, replace_name=True)
    if stored is None:
        raise ListFormatError(f"{errors[0].source}: {errors[0].reason}")
    workspace.record_list(stored.name, _version(stored), stored.entries)
    rows = [e for e in stored_errors(stored) if e.reason.startswith("row ")]
    lines = [f"{e.source}:{e.reason.removeprefix('row ')}" for e in rows]
    report = {
        "errors": lines,
        "bad_rows": int(stored.report.get("bad_rows", 0)),
        "skipped": int(stored.report.get("skipped", 0)),
    }
    return stored, report


def _version(stored: StoredListFile) -> str:
    import datetime as dt

    day = dt.datetime.fromtimestamp(stored.mtime, tz=dt.UTC).date().isoformat()
    return f"{day} ({stored.size} bytes)"


def screen_workspace(workspace: Workspace) -> Analysis:
    """The stored analysis with its entities (resolved if needed) screened against every
    list kept in the workspace; saved back to the workspace."""
    from wirecheck.entities.lists.stored import stored_index
    from wirecheck.entities.resolve import resolve_only
    from wirecheck.entities.screening.screen import screen_entities
    from wirecheck.settings import load_settings

    settings = load_settings().screen
    analysis = workspace.load_analysis()
    entities = analysis.entities or resolve_only(analysis, settings)
    index = stored_index(workspace, workspace.stored_list_files())
    screened = screen_entities(entities, settings, index)
    analysis = analysis.model_copy(update={"entities": screened})
    workspace.save_analysis(analysis)
    return analysis


def _matches(entities: list[Entity]) -> list[dict[str, Any]]:
    return [
        {
            "entity": e.id,
            "entity_name": e.name,
            "type": e.type.value,
            "list": m.list,
            "entry": m.entry,
            "name": m.name,
            "score": m.score,
            "explanation": m.explanation,
        }
        for e in entities
        for m in e.screening
    ]


def _report(
    analysis: Analysis, loaded: dict[str, Any], report: dict[str, Any], as_json: bool
) -> None:
    matches = _matches(analysis.entities)
    errors = report["errors"]
    if as_json:
        payload = {
            "list": loaded,
            "bad_rows": report["bad_rows"],
            "errors": errors,
            "matches": matches,
        }
        typer.echo(json.dumps(payload, indent=2, ensure_ascii=False))
        return
    for line in errors:
        typer.echo(f"error: {line}", err=True)
    typer.echo(
        f"list {loaded['name']} ({loaded['version']}): {loaded['entries']} entries loaded, "
        f"{report['bad_rows']} bad rows, {report['skipped']} rows of other kinds skipped"
    )
    screened = sum(1 for e in analysis.entities if e.type.value != "country")
    typer.echo(f"{screened} entities screened, {len(matches)} matches")
    for match in matches:
        typer.echo(
            f"  {match['entity_name']} ~ {match['name']} [{match['list']}:{match['entry']}] "
            f"{match['score']:.2f}: {match['explanation']}"
        )


def register(app: typer.Typer) -> None:
    app.command("screen")(screen_command)
