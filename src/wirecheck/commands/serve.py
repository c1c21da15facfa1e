"""``wirecheck serve``: the HTTP API and web UI over a workspace, on loopback by default."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def serve(
    db: Annotated[Path | None, typer.Option("--db", help="workspace file (DuckDB)")] = None,
    host: Annotated[str | None, typer.Option("--host", help="default 127.0.0.1")] = None,
    port: Annotated[int | None, typer.Option("--port", help="default 8000")] = None,
) -> None:
    """Browse stories, claims and articles; JSON API under /api (read-only without a token)."""
    import uvicorn

    from wirecheck.api import create_app
    from wirecheck.settings import load_settings

    settings = load_settings()
    api = settings.api.model_copy(
        update={k: v for k, v in (("host", host), ("port", port)) if v is not None}
    )
    if db is not None and not db.exists():
        typer.echo(f"error: {db}: no such workspace", err=True)
        raise typer.Exit(2)
    import duckdb

    try:
        app = create_app(api, db, settings)
    except duckdb.IOException as err:  # DuckDB allows one process per workspace file
        typer.echo(f"error: cannot open {db} (is another wirecheck using it?): {err}", err=True)
        raise typer.Exit(2) from err
    typer.echo(
        f"wirecheck serving {db or 'an empty in-memory workspace'} on http://{api.host}:{api.port}/"
    )
    uvicorn.run(
        app, host=api.host, port=api.port, log_level="warning", timeout_keep_alive=api.keep_alive_s
    )


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
