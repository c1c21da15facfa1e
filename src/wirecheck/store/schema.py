"""The workspace schema: record tables (key columns + a JSON ``data`` column), migrations.

Every table keeps a few key columns for querying and the full record as JSON, which
round-trips through the pydantic models of ``model.py``. The schema is versioned
(``meta.schema_version``) and grows by appending to ``MIGRATIONS``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, Field

from wirecheck.model import (
    Article,
    Change,
    ClaimGroup,
    ClaimMention,
    Derivation,
    Entity,
    EntityMention,
    Family,
    IngestError,
    ListEntry,
    RawDocument,
    Record,
    Story,
)

M = TypeVar("M", bound=BaseModel)


class RunRecord(Record):
    """One ``run``/``ingest``/``analyze`` invocation: what it read and what it found."""

    id: str
    command: str = "run"
    started: str
    finished: str | None = None
    inputs: list[str] = Field(default_factory=list)
    counts: dict[str, int] = Field(default_factory=dict)
    errors: list[IngestError] = Field(default_factory=list)


@dataclass(frozen=True)
class Table:
    """A record table: key columns (name, SQL type, getter) plus the JSON ``data`` column."""

    name: str
    model: type[BaseModel]
    columns: tuple[tuple[str, str, Callable[[Any], Any]], ...]
    key: tuple[str, ...] = ("id",)

    def ddl(self) -> str:
        cols = ", ".join(f'"{c}" {t}' for c, t, _ in self.columns)
        keys = ", ".join(f'"{k}"' for k in self.key)
        head = f"CREATE TABLE IF NOT EXISTS {self.name}"
        return f"{head} (seq BIGINT, {cols}, data JSON, PRIMARY KEY ({keys}))"

    def row(self, seq: int, record: Any) -> list[Any]:
        data = record.model_dump_json(by_alias=True)
        return [seq, *(get(record) for _, _, get in self.columns), data]

    def insert_sql(self, update: bool = True) -> str:
        """One INSERT of a whole batch, each column bound as one list and unnested.

        Measured on 2,000 rows of ~9 KB: DuckDB's executemany costs ~5 ms a row, a
        multi-row VALUES ~0.5 ms, unnested column lists ~0.35 ms (and no parameter limit).
        """
        names = ["seq", *(c for c, _, _ in self.columns), "data"]
        types = ["BIGINT", *(t for _, t, _ in self.columns), "VARCHAR"]
        cols = ", ".join(f'"{n}"' for n in names)
        lists = ", ".join(f"unnest(?::{t}[])" for t in types)
        sets = ", ".join(f'"{n}" = excluded."{n}"' for n in names[1:] if n not in self.key)
        conflict = f"DO UPDATE SET {sets}" if update else "DO NOTHING"
        keys = ", ".join(f'"{k}"' for k in self.key)
        return f"INSERT INTO {self.name} ({cols}) SELECT {lists} ON CONFLICT ({keys}) {conflict}"


def unique_rows(
    table: Table, records: Sequence[Any], seq: int = 0
) -> Iterator[list[tuple[tuple[Any, ...], list[Any]]]]:
    """(key, row) of ``records`` in chunks of at most ``INSERT_CHUNK``: one row per key,
    the last record of a key at its first position (DuckDB refuses to upsert one key twice
    in a statement). Rows are built chunk by chunk: a table's rows hold every record's JSON,
    gigabytes at 100,000 articles, which a list of all of them held at once."""
    getters = {name: get for name, _, get in table.columns}
    keys = [tuple(getters[k](r) for k in table.key) for r in records]
    first: dict[tuple[Any, ...], int] = {}
    last: dict[tuple[Any, ...], int] = {}
    for n, key in enumerate(keys):
        first.setdefault(key, n)
        last[key] = n
    for start in range(0, len(records), INSERT_CHUNK):
        chunk = range(start, min(start + INSERT_CHUNK, len(records)))
        rows = [
            (keys[n], table.row(seq + first[keys[n]], records[n]))
            for n in chunk
            if last[keys[n]] == n
        ]
        if rows:
            yield rows


def _attr(name: str) -> Callable[[Any], Any]:
    return lambda record: getattr(record, name)


def _enum(name: str) -> Callable[[Any], Any]:
    return lambda record: str(getattr(record, name).value)


_S, _I, _F = "VARCHAR", "INTEGER", "DOUBLE"
ARTICLES = Table(
    "articles",
    Article,
    tuple(
        (c, _S, _attr(c))
        for c in (
            "id",
            "source",
            "title",
            "date",
            "outlet",
            "url",
            "story",
            "family",
            "raw_sha1",
        )
    ),
)
RAW = Table(
    "raw_documents",
    RawDocument,
    (
        ("id", _S, lambda d: Article.make_id(d.source, d.text)),
        ("source", _S, _attr("source")),
        ("format", _S, _attr("format")),
    ),
)
DERIVATIONS = Table(
    "derivations",
    Derivation,
    (
        ("derived", _S, _attr("derived")),
        ("source", _S, _attr("source")),
        ("kind", _S, _enum("kind")),
        ("score", _F, _attr("score")),
    ),
    key=("derived", "source"),
)
STORIES = Table(
    "stories",
    Story,
    (
        ("id", _S, _attr("id")),
        ("title", _S, _attr("title")),
        ("independent_origins", _I, _attr("independent_origins")),
    ),
)
FAMILIES = Table(
    "families",
    Family,
    (
        ("id", _S, _attr("id")),
        ("origin", _S, _attr("origin")),
    ),
)
MENTIONS = Table(
    "claim_mentions",
    ClaimMention,
    (
        ("id", _S, _attr("id")),
        ("article", _S, _attr("article")),
        ("kind", _S, _enum("kind")),
    ),
)
CLAIMS = Table(
    "claims",
    ClaimGroup,
    (
        ("id", _S, _attr("id")),
        ("story", _S, _attr("story")),
        ("kind", _S, _enum("kind")),
        ("status", _S, _enum("status")),
        ("independent_origins", _I, _attr("independent_origins")),
        ("text", _S, _attr("text")),
    ),
)
CHANGES = Table(
    "changes",
    Change,
    (
        ("id", _S, _attr("id")),
        ("article", _S, _attr("article")),
        ("origin", _S, _attr("origin")),
        ("kind", _S, _attr("kind")),
        ("text", _S, _attr("text")),
    ),
)
ENTITIES = Table(
    "entities",
    Entity,
    (
        ("id", _S, _attr("id")),
        ("name", _S, _attr("name")),
        ("type", _S, _enum("type")),
    ),
)
ENTITY_MENTIONS = Table(
    "entity_mentions",
    EntityMention,
    (
        ("article", _S, _attr("article")),
        ("start", _I, _attr("start")),
        ("end", _I, _attr("end")),
        ("label", _S, _attr("label")),
        ("text", _S, _attr("text")),
    ),
    key=("article", "start", "end", "label"),
)
LIST_ENTRIES = Table(
    "list_entries",
    ListEntry,
    (
        ("list", _S, _attr("list")),
        ("id", _S, _attr("id")),
        ("name", _S, _attr("name")),
    ),
    key=("list", "id"),
)
RUNS = Table(
    "runs",
    RunRecord,
    (
        ("id", _S, _attr("id")),
        ("command", _S, _attr("command")),
        ("started", _S, _attr("started")),
        ("finished", _S, _attr("finished")),
    ),
)

# Tables that ``save_analysis`` replaces as a whole (they are derived from the articles).
DERIVED: tuple[tuple[Table, str], ...] = (
    (DERIVATIONS, "derivations"),
    (STORIES, "stories"),
    (MENTIONS, "mentions"),
    (CLAIMS, "claims"),
    (CHANGES, "changes"),
    (ENTITIES, "entities"),
    (ENTITY_MENTIONS, "entity_mentions"),
)

RECORD_TABLES: tuple[Table, ...] = (
    ARTICLES, RAW, DERIVATIONS, STORIES, FAMILIES, MENTIONS, CLAIMS, CHANGES, ENTITIES,
    ENTITY_MENTIONS, LIST_ENTRIES, RUNS,
)  # fmt: skip

# Ordered migrations; a workspace at version v runs MIGRATIONS[v:]. Migration 1 creates
# the tables from the current specs, so every later step must be idempotent (IF EXISTS /
# IF NOT EXISTS): it runs on fresh workspaces too.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    # 1: the first schema
    (
        *(t.ddl() for t in RECORD_TABLES),
        "CREATE TABLE IF NOT EXISTS removed_lines (article VARCHAR, line_no INTEGER, "
        "reason VARCHAR, rule VARCHAR, text VARCHAR)",
        "CREATE TABLE IF NOT EXISTS ingest_errors (run VARCHAR, source VARCHAR, reason VARCHAR)",
        "CREATE TABLE IF NOT EXISTS screening (entity VARCHAR, list VARCHAR, entry VARCHAR, "
        "name VARCHAR, score DOUBLE, data JSON)",
        "CREATE TABLE IF NOT EXISTS lists (name VARCHAR PRIMARY KEY, version VARCHAR, "
        "entries INTEGER)",
    ),
    # 2: the article body lives only in the JSON record (it was stored twice); search reads
    # it from there.
    ("ALTER TABLE articles DROP COLUMN IF EXISTS body",),
    # 3: sanctions list files kept with their blocking index (keyed by path and format,
    # replaced when the file changes); the articles an analysis covers; extraction results
    # per article content, reused by later runs.
    (
        "CREATE TABLE IF NOT EXISTS list_files (file_id INTEGER PRIMARY KEY, path VARCHAR, "
        "fmt VARCHAR, name VARCHAR, size BIGINT, mtime DOUBLE, sha256 VARCHAR, "
        "entries INTEGER, errors JSON, complete BOOLEAN, loaded VARCHAR)",
        "CREATE TABLE IF NOT EXISTS list_key_stage (file_id INTEGER, key UBIGINT, entry INTEGER)",
        "CREATE TABLE IF NOT EXISTS list_texts (file_id INTEGER, num INTEGER, data VARCHAR, "
        "forms VARCHAR)",
        "CREATE TABLE IF NOT EXISTS list_keys (file_id INTEGER, key UBIGINT)",
        "CREATE TABLE IF NOT EXISTS list_offsets (file_id INTEGER, pos BIGINT)",
        "CREATE TABLE IF NOT EXISTS list_postings (file_id INTEGER, entry INTEGER)",
        "CREATE TABLE IF NOT EXISTS analysis_articles (seq BIGINT, article VARCHAR)",
        "CREATE TABLE IF NOT EXISTS extract_cache (key VARCHAR PRIMARY KEY, article VARCHAR, "
        "mentions JSON, entity_mentions JSON)",
    ),
    # 4: stage results kept by the content of their inputs (evaluated provenance pairs,
    # claim groups per story), reused by incremental runs.
    (
        "CREATE TABLE IF NOT EXISTS stage_cache (kind VARCHAR, key VARCHAR, value VARCHAR, "
        "PRIMARY KEY (kind, key))",
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)
# Rows per INSERT statement (a batch of ingest is 200): bounds the size of the bound lists;
# 1,000 rows of ~9 KB took the same time per row as 200 on the 2-core box.
INSERT_CHUNK = 1000


@dataclass
class Page(Generic[M]):
    """One page of a listing: the records, and how many match in all."""

    items: list[M] = field(default_factory=list)
    total: int = 0
    offset: int = 0
    limit: int = 50


TABLE_NAMES = frozenset(
    [t.name for t in RECORD_TABLES]
    + ["removed_lines", "ingest_errors", "screening", "lists"]
    + ["list_files", "list_texts", "list_postings", "analysis_articles", "extract_cache"]
    + ["stage_cache"]
)


def dumps_json(value: object) -> str:
    """Pretty, stable JSON for files written next to the workspace (analysis.json), two-space
    indented, UTF-8 text. orjson writes it (the standard library's indenting encoder is pure
    Python: 4.7 s against 0.4 s for the analysis of 5,000 articles, the same text on it);
    what orjson refuses (a non-string key, an integer beyond 64 bits) goes to ``json``."""
    import json

    import orjson

    try:
        return orjson.dumps(value, option=orjson.OPT_INDENT_2).decode("utf-8") + "\n"
    except orjson.JSONEncodeError:
        return json.dumps(value, indent=2, ensure_ascii=False) + "\n"
