"""The connection layer: one writer connection, per-thread read cursors, transactions.

Concurrency: the writer connection is guarded by a lock; each reading thread gets its own
``connection.cursor()`` (DuckDB's MVCC gives it the last committed snapshot), so an HTTP
API can read while an ingest writes in the same process.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from wirecheck.store.schema import (
    INSERT_CHUNK,
    MIGRATIONS,
    SCHEMA_VERSION,
    Table,
    unique_rows,
)

if TYPE_CHECKING:
    import duckdb


class Connection:
    """The SQL plumbing the workspace methods are written with."""

    def __init__(self, conn: duckdb.DuckDBPyConnection, path: str | None) -> None:
        self.path = path
        self._conn = conn
        self._lock = threading.RLock()
        self._local = threading.local()
        self._atomic: int | None = None  # the thread inside an ``atomic`` block
        self._migrate()

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def _reader(self) -> duckdb.DuckDBPyConnection:
        """This thread's read cursor (one per thread, made on first use)."""
        cursor: duckdb.DuckDBPyConnection | None = getattr(self._local, "cursor", None)
        if cursor is None:
            cursor = self._conn.cursor()
            self._local.cursor = cursor
        return cursor

    @contextmanager
    def atomic(self) -> Iterator[None]:
        """Every write inside the block is one transaction: all of it commits, or (on any
        exception, Ctrl-C included, or a killed process) none of it."""
        with self._lock:
            if self._local_atomic():
                yield
                return
            self._conn.begin()
            self._atomic = threading.get_ident()
            try:
                yield
            except BaseException:
                self._atomic = None
                self._conn.rollback()
                raise
            self._atomic = None
            self._conn.commit()

    def _local_atomic(self) -> bool:
        return self._atomic == threading.get_ident()

    def _transaction(self, work: Callable[[duckdb.DuckDBPyConnection], None]) -> None:
        with self._lock:
            if self._local_atomic():  # joins the enclosing ``atomic`` block
                work(self._conn)
                return
            self._conn.begin()
            try:
                work(self._conn)
            except BaseException:
                self._conn.rollback()
                raise
            self._conn.commit()

    def _migrate(self) -> None:
        self._conn.execute(
            "CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)"
        )
        row = self._conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        version = int(row[0]) if row else 0
        if version > SCHEMA_VERSION:
            raise RuntimeError(
                f"workspace schema {version} is newer than this wirecheck ({SCHEMA_VERSION})"
            )
        for number, statements in enumerate(MIGRATIONS[version:], start=version + 1):

            def step(
                conn: duckdb.DuckDBPyConnection,
                todo: Sequence[str] = statements,
                number: int = number,
            ) -> None:
                for statement in todo:
                    conn.execute(statement)
                conn.execute(
                    "INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)",
                    [str(number)],
                )

            self._transaction(step)

    @staticmethod
    def _insert(
        conn: duckdb.DuckDBPyConnection,
        table: Table,
        records: Sequence[Any],
        seq: int = 0,
        update: bool = True,
    ) -> None:
        for chunk in unique_rows(table, records, seq):
            columns = [list(col) for col in zip(*(row for _, row in chunk), strict=True)]
            conn.execute(table.insert_sql(update), columns)

    @staticmethod
    def _insert_plain(conn: duckdb.DuckDBPyConnection, table: str, rows: list[list[Any]]) -> None:
        """Multi-row INSERT into a table without a key (removed lines, errors, screening)."""
        for start in range(0, len(rows), INSERT_CHUNK):
            chunk = rows[start : start + INSERT_CHUNK]
            marks = "(" + ", ".join("?" for _ in chunk[0]) + ")"
            values = ", ".join([marks] * len(chunk))
            params = [value for row in chunk for value in row]
            conn.execute(f"INSERT INTO {table} SELECT * FROM (VALUES {values})", params)

    def _next_seq(self, conn: duckdb.DuckDBPyConnection, table: Table) -> int:
        row = conn.execute(f"SELECT coalesce(max(seq) + 1, 0) FROM {table.name}").fetchone()
        return int(row[0]) if row else 0

    def _select(
        self,
        table: Table,
        where: str = "",
        params: Sequence[Any] = (),
        tail: str = "ORDER BY seq",
    ) -> Iterator[Any]:
        sql = f"SELECT data FROM {table.name} {'WHERE ' + where if where else ''} {tail}"
        cursor = self._reader().execute(sql, list(params))
        while rows := cursor.fetchmany(500):
            for (data,) in rows:
                yield table.model.model_validate_json(data)

    def _count(self, table: str, where: str = "", params: Sequence[Any] = ()) -> int:
        sql = f"SELECT count(*) FROM {table} {'WHERE ' + where if where else ''}"
        row = self._reader().execute(sql, list(params)).fetchone()
        return int(row[0]) if row else 0
