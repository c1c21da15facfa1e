"""The workspace: articles, analyses, runs and sanctions lists in one DuckDB file.

Writes commit per batch, so a process killed mid-ingest leaves a valid workspace holding
every committed batch; upserts by content-derived id make re-running idempotent.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wirecheck.model import Analysis, Article, ListEntry, RawDocument
from wirecheck.store.lists import ListStore
from wirecheck.store.queries import Queries
from wirecheck.store.schema import (
    ARTICLES,
    DERIVED,
    FAMILIES,
    INSERT_CHUNK,
    LIST_ENTRIES,
    RAW,
    RUNS,
    TABLE_NAMES,
    RunRecord,
    Table,
    unique_rows,
)

if TYPE_CHECKING:
    import duckdb


def _digest(data: str) -> str:
    """MD5 hex of a record's JSON, as DuckDB's ``md5`` gives it for the stored text."""
    return hashlib.md5(data.encode("utf-8")).hexdigest()


def _state(row: list[Any]) -> tuple[str, int]:
    """What ``_digests`` reads back for a row: its record's MD5 and its position."""
    return _digest(row[-1]), row[0]


class Workspace(Queries, ListStore):
    """A DuckDB file (or an in-memory database) holding articles, analyses, runs and lists."""

    @classmethod
    def open(cls, path: str | Path | None = None) -> Workspace:
        """Open (creating and migrating) the workspace at ``path``; None means in memory."""
        import duckdb

        if path is not None:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        return cls(
            duckdb.connect(":memory:" if path is None else str(path)),
            None if path is None else str(path),
        )

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def upsert_raw(self, docs: Sequence[RawDocument]) -> None:
        """Store raw documents (one committed batch); ids are content-derived."""
        self._transaction(lambda c: self._insert(c, RAW, docs, self._next_seq(c, RAW)))

    def iter_raw(self) -> Iterator[RawDocument]:
        yield from self._select(RAW)

    def upsert_articles(self, articles: Sequence[Article]) -> int:
        """Insert or update ``articles`` by id in one transaction; returns how many were new."""
        before = self.count("articles")

        def work(conn: duckdb.DuckDBPyConnection) -> None:
            self._insert(conn, ARTICLES, articles, self._next_seq(conn, ARTICLES))
            ids = [a.id for a in articles]
            conn.execute("DELETE FROM removed_lines WHERE article IN (SELECT unnest(?))", [ids])
            rows = [
                [a.id, r.line_no, str(r.reason.value), r.rule, r.text]
                for a in articles
                for r in a.removed
            ]
            if rows:
                self._insert_plain(conn, "removed_lines", rows)

        self._transaction(work)
        return self.count("articles") - before

    def iter_articles(self) -> Iterator[Article]:
        yield from self._select(ARTICLES)

    def articles_without_raw(self) -> int:
        """Stored articles whose raw document the workspace does not hold (a workspace
        written from an analysis alone): an incremental step, which analyses raw documents,
        would drop them."""
        sql = (
            "SELECT count(*) FROM articles a "
            "WHERE NOT EXISTS (SELECT 1 FROM raw_documents r WHERE r.id = a.id)"
        )
        row = self._reader().execute(sql).fetchone()
        return int(row[0]) if row else 0

    def get_article(self, article_id: str) -> Article | None:
        return next(self._select(ARTICLES, "id = ?", [article_id]), None)

    def count(self, table: str) -> int:
        """Rows in one of the workspace's tables (name checked against the schema)."""
        if table not in TABLE_NAMES:
            raise KeyError(table)
        return self._count(table)

    # ------------------------------------------------------------------ analyses

    def save_analysis(self, analysis: Analysis) -> None:
        """Upsert the articles and replace every derived table, in one transaction; the
        analysis covers exactly its articles (``load_analysis`` returns those). Only rows
        that differ from the stored ones are written (``_sync``): a later step that changed
        a few stories rewrites those, not the whole workspace."""

        def work(conn: duckdb.DuckDBPyConnection) -> None:
            conn.execute("DELETE FROM screening")
            conn.execute("DELETE FROM analysis_articles")
            for table, attr in DERIVED:
                self._sync(conn, table, getattr(analysis, attr))
            self._sync(conn, FAMILIES, [f for s in analysis.stories for f in s.families])
            rows = [
                [e.id, m.list, m.entry, m.name, m.score, m.model_dump_json()]
                for e in analysis.entities
                for m in e.screening
            ]
            if rows:
                self._insert_plain(conn, "screening", rows)
            covered = [[n, a.id] for n, a in enumerate(analysis.articles)]
            if covered:
                self._insert_plain(conn, "analysis_articles", covered)

        changed: list[Article] = []
        with self.atomic():
            self._transaction(lambda c: changed.extend(self._changed(c, analysis.articles)))
            self.upsert_articles(changed)
            self._transaction(work)

    def _changed(
        self, conn: duckdb.DuckDBPyConnection, articles: Sequence[Article]
    ) -> list[Article]:
        """``articles`` not stored with the same record (new, or cleaned differently)."""
        stored = dict(self._digests(conn, ARTICLES))
        return [
            a
            for a in articles
            if stored.get((a.id,), ("", -1))[0] != _digest(a.model_dump_json(by_alias=True))
        ]

    @staticmethod
    def _digests(
        conn: duckdb.DuckDBPyConnection, table: Table
    ) -> Iterator[tuple[tuple[Any, ...], tuple[str, int]]]:
        """(key, (MD5 of the stored record, seq)) of every row of ``table``."""
        keys = ", ".join(f'"{k}"' for k in table.key)
        cursor = conn.execute(f"SELECT {keys}, md5(data::VARCHAR), seq FROM {table.name}")
        while rows := cursor.fetchmany(10_000):
            for row in rows:
                yield tuple(row[:-2]), (str(row[-2]), int(row[-1]))

    def _sync(self, conn: duckdb.DuckDBPyConnection, table: Table, records: Sequence[Any]) -> None:
        """Make ``table`` hold exactly ``records`` at their positions (what deleting every
        row and inserting them gives), writing only rows whose record or position changed
        and deleting the rows no longer there."""
        stored = dict(self._digests(conn, table))
        for chunk in unique_rows(table, records):
            write = [(key, row) for key, row in chunk if stored.pop(key, None) != _state(row)]
            if write:  # a changed row is deleted, then written anew
                self._delete_keys(conn, table, [key for key, _ in write])
                columns = [list(col) for col in zip(*(row for _, row in write), strict=True)]
                conn.execute(table.insert_sql(update=False), columns)
        gone = list(stored)
        for start in range(0, len(gone), INSERT_CHUNK):
            self._delete_keys(conn, table, gone[start : start + INSERT_CHUNK])

    @staticmethod
    def _delete_keys(
        conn: duckdb.DuckDBPyConnection, table: Table, keys: Sequence[tuple[Any, ...]]
    ) -> None:
        types = {c: t for c, t, _ in table.columns}
        lists = ", ".join(f'unnest(?::{types[k]}[]) AS "{k}"' for k in table.key)
        match = " AND ".join(f'{table.name}."{k}" = d."{k}"' for k in table.key)
        conn.execute(
            f"DELETE FROM {table.name} USING (SELECT {lists}) d WHERE {match}",
            [list(col) for col in zip(*keys, strict=True)],
        )

    def load_analysis(self) -> Analysis:
        """The stored analysis: the articles it covers (in its order) with its derived tables,
        and the last run's errors. Articles stored since (``ingest`` without analysis) are not
        part of it; a workspace never analysed returns all its articles and nothing derived."""
        parts: dict[str, Any] = {attr: list(self._select(t)) for t, attr in DERIVED}
        runs = self.list_runs()
        errors = runs[-1].errors if runs else []
        return Analysis(articles=self.analysed_articles(), errors=errors, **parts)

    def analysed_articles(self) -> list[Article]:
        if not self._count("analysis_articles"):
            return list(self.iter_articles())
        sql = (
            "SELECT a.data FROM analysis_articles c JOIN articles a ON a.id = c.article "
            "ORDER BY c.seq"
        )
        cursor = self._reader().execute(sql)
        out: list[Article] = []
        while rows := cursor.fetchmany(500):
            out += [Article.model_validate_json(data) for (data,) in rows]
        return out

    # ------------------------------------------------------------------ per-article caches

    def cached_extractions(self, keys: Sequence[str]) -> dict[str, tuple[str, str]]:
        """Stored extraction results (mentions JSON, entity mentions JSON) by content key."""
        sql = (
            "SELECT c.key, c.mentions, c.entity_mentions FROM extract_cache c "
            "JOIN (SELECT unnest(?) AS key) k ON k.key = c.key"
        )
        rows = self._reader().execute(sql, [list(keys)]).fetchall()
        return {str(k): (str(m), str(e)) for k, m, e in rows}

    def save_extractions(self, rows: Sequence[tuple[str, str, str, str]]) -> None:
        """(key, article, mentions JSON, entity mentions JSON) rows; known keys are kept."""
        if not rows:
            return

        def work(conn: duckdb.DuckDBPyConnection) -> None:
            columns = [list(col) for col in zip(*rows, strict=True)]
            conn.execute(
                "INSERT INTO extract_cache SELECT unnest(?), unnest(?), unnest(?)::JSON, "
                "unnest(?)::JSON ON CONFLICT (key) DO NOTHING",
                columns,
            )

        self._transaction(work)

    def cached_results(self, kind: str, keys: Sequence[str]) -> dict[str, str]:
        """Stored stage results of ``kind`` (JSON text) by the key of their inputs."""
        sql = (
            "SELECT c.key, c.value FROM stage_cache c JOIN (SELECT unnest(?) AS key) k "
            "ON k.key = c.key WHERE c.kind = ?"
        )
        rows = self._reader().execute(sql, [list(keys), kind]).fetchall()
        return {str(k): str(v) for k, v in rows}

    def save_results(self, kind: str, rows: Sequence[tuple[str, str]]) -> None:
        """(key, JSON text) stage results of ``kind``; known keys are kept (same inputs give
        the same result)."""
        if not rows:
            return

        def work(conn: duckdb.DuckDBPyConnection) -> None:
            keys, values = (list(col) for col in zip(*rows, strict=True))
            conn.execute(
                "INSERT INTO stage_cache SELECT ?, unnest(?), unnest(?) "
                "ON CONFLICT (kind, key) DO NOTHING",
                [kind, keys, values],
            )

        self._transaction(work)

    # ------------------------------------------------------------------ runs

    def record_run(self, run: RunRecord) -> None:
        """Insert or update a run (call at start and again when it finishes)."""

        def work(conn: duckdb.DuckDBPyConnection) -> None:
            self._insert(conn, RUNS, [run], self._next_seq(conn, RUNS))
            conn.execute("DELETE FROM ingest_errors WHERE run = ?", [run.id])
            rows = [[run.id, e.source, e.reason] for e in run.errors]
            if rows:
                self._insert_plain(conn, "ingest_errors", rows)

        self._transaction(work)

    def list_runs(self) -> list[RunRecord]:
        return list(self._select(RUNS))

    # ------------------------------------------------------------------ sanctions lists

    def save_list(self, name: str, version: str, entries: Iterable[ListEntry]) -> int:
        """Replace list ``name`` with ``entries`` (one transaction); returns the entry count."""
        rows = [e if e.list == name else e.model_copy(update={"list": name}) for e in entries]

        def work(conn: duckdb.DuckDBPyConnection) -> None:
            conn.execute("DELETE FROM list_entries WHERE list = ?", [name])
            self._insert(conn, LIST_ENTRIES, rows)
            conn.execute(
                "INSERT OR REPLACE INTO lists VALUES (?, ?, ?)",
                [name, version, len(rows)],
            )

        self._transaction(work)
        return len(rows)

    def record_list(self, name: str, version: str, entries: int) -> None:
        """The list ``name`` as the listing shows it (its entries are kept by ``ListStore``)."""
        self._transaction(lambda conn: self._record_list(conn, name, version, entries))

    @staticmethod
    def _record_list(conn: duckdb.DuckDBPyConnection, name: str, version: str, n: int) -> None:
        conn.execute("INSERT OR REPLACE INTO lists VALUES (?, ?, ?)", [name, version, n])

    def iter_list_entries(self, name: str) -> Iterator[ListEntry]:
        yield from self._select(LIST_ENTRIES, "list = ?", [name])

    def list_lists(self) -> list[tuple[str, str, int]]:
        """(name, version, entries) of every stored list."""
        rows = self._reader().execute("SELECT name, version, entries FROM lists ORDER BY name")
        return [(str(n), str(v), int(c)) for n, v, c in rows.fetchall()]
