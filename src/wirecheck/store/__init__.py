"""The DuckDB workspace: the only package that speaks SQL.

``schema`` declares the tables (key columns for querying plus the full record as JSON) and
the ordered migrations; ``connection`` holds the writer connection, per-thread readers and
transactions; ``queries`` the paged listings the HTTP API reads; ``workspace`` the
``Workspace`` class everything else uses::

    from wirecheck.store import Workspace
    with Workspace.open("corpus.duckdb") as workspace:
        workspace.upsert_articles(articles)
"""

from __future__ import annotations

from wirecheck.store.schema import (
    MIGRATIONS,
    SCHEMA_VERSION,
    Page,
    RunRecord,
    Table,
    dumps_json,
)
from wirecheck.store.workspace import Workspace

__all__ = [
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "Page",
    "RunRecord",
    "Table",
    "Workspace",
    "dumps_json",
]
