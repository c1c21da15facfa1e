"""Sanctions list files kept in the workspace with their blocking index.

A list file is stored once under its path and format: its entries (the record and the
prepared name forms) and its postings (blocking-key hash -> entry numbers) as three
one-column tables (sorted key hashes, offsets, entry numbers) read back as Arrow arrays at
memory speed (a list column of postings read ten times slower, BLOBs slower still; measured
at 100k entries). Loading streams in
batches, each committed into staging rows of a file marked incomplete; the file becomes
visible (and replaces its older version) in one final transaction, so a load killed half-way
leaves the previous list in place.
"""

from __future__ import annotations

import bisect
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wirecheck.store.connection import Connection

if TYPE_CHECKING:
    import duckdb
    import numpy as np
    import numpy.typing as npt
    import pyarrow as pa

# DuckDB memory while a list loads: it spills beyond this instead of taking 80% of the
# machine (a 1M-entry list stages ~40M key rows and ~400 MB of entries).
LOAD_MEMORY = "512MB"


@dataclass(frozen=True)
class StoredListFile:
    """A list file in the workspace: where it came from, its stamp and its row errors."""

    file_id: int
    path: str
    fmt: str
    name: str
    size: int
    mtime: float
    sha256: str
    entries: int
    report: dict[str, Any]  # errors (list of {source, reason}), bad_rows, skipped


class Texts:
    """A stored string column read as Arrow chunks; one string is decoded when a query
    reaches it (no Python object per entry at start), straight from the chunk's offsets
    and bytes (an Arrow scalar per read cost more than the decoding)."""

    def __init__(self, column: pa.ChunkedArray) -> None:
        self.chunks = [_RawStrings(chunk) for chunk in column.iterchunks()]
        self.starts: list[int] = []
        total = 0
        for chunk in self.chunks:
            self.starts.append(total)
            total += chunk.size
        self.size = total

    def __len__(self) -> int:
        return self.size

    def __getitem__(self, number: int) -> str:
        if not 0 <= number < self.size:
            raise IndexError(number)
        chunk = bisect.bisect_right(self.starts, number) - 1
        return self.chunks[chunk].get(number - self.starts[chunk])


class _RawStrings:
    """One Arrow string chunk (no nulls: every stored row has its text)."""

    def __init__(self, chunk: pa.Array) -> None:
        import numpy as np
        import pyarrow as pa

        self.size = len(chunk)
        if chunk.null_count or not (
            pa.types.is_string(chunk.type) or pa.types.is_large_string(chunk.type)
        ):
            raise ValueError(f"stored text column of type {chunk.type} with nulls or not text")
        _, offsets, data = chunk.buffers()
        width = np.int64 if pa.types.is_large_string(chunk.type) else np.int32
        every = np.frombuffer(offsets, dtype=width)
        self.offsets = every[chunk.offset : chunk.offset + self.size + 1]
        self.data = memoryview(data) if data is not None else memoryview(b"")

    def get(self, row: int) -> str:
        return str(self.data[self.offsets[row] : self.offsets[row + 1]], "utf-8")


@dataclass(frozen=True)
class ListArrays:
    """One stored list, as columns: sorted key hashes with their posting offsets and entry
    numbers, and each entry's record (JSON) and name forms, parsed when a query needs them."""

    keys: npt.NDArray[np.uint64]
    offsets: npt.NDArray[np.int64]
    postings: npt.NDArray[np.int32]
    data: Texts
    forms: Texts


_FILE_COLUMNS = "file_id, path, fmt, name, size, mtime, sha256, entries, errors"


def _file(row: tuple[Any, ...]) -> StoredListFile:
    file_id, path, fmt, name, size, mtime, sha, entries, errors = row
    return StoredListFile(
        int(file_id), str(path), str(fmt), str(name), int(size), float(mtime), str(sha),
        int(entries), json.loads(errors) if errors else {},
    )  # fmt: skip


class ListStore(Connection):
    """The list-file tables: find, stream in, swap, read back as arrays."""

    def stored_list_files(self) -> list[StoredListFile]:
        """Every complete stored list file, by list name then path (screening order)."""
        sql = f"SELECT {_FILE_COLUMNS} FROM list_files WHERE complete ORDER BY name, path"
        return [_file(r) for r in self._reader().execute(sql).fetchall()]

    def find_list_file(self, path: str, fmt: str) -> StoredListFile | None:
        sql = f"SELECT {_FILE_COLUMNS} FROM list_files WHERE complete AND path = ? AND fmt = ?"
        row = self._reader().execute(sql, [path, fmt]).fetchone()
        return _file(row) if row else None

    def start_list_file(self, path: str, fmt: str, name: str) -> int:
        """A new, incomplete list file; leftovers of loads that never finished are dropped."""
        found: list[int] = []

        def work(conn: duckdb.DuckDBPyConnection) -> None:
            stale = "SELECT file_id FROM list_files WHERE NOT complete"
            for table in _FILE_TABLES:
                conn.execute(f"DELETE FROM {table} WHERE file_id IN ({stale})")
            conn.execute("DELETE FROM list_files WHERE NOT complete")
            row = conn.execute("SELECT coalesce(max(file_id) + 1, 0) FROM list_files").fetchone()
            found.append(int(row[0]) if row else 0)
            conn.execute(
                "INSERT INTO list_files VALUES (?, ?, ?, ?, 0, 0, '', 0, NULL, false, NULL)",
                [found[0], path, fmt, name],
            )

        self._transaction(work)
        return found[0]

    def append_list_rows(self, file_id: int, texts: pa.Table, keys: pa.Table) -> None:
        """One committed batch: entries (num, data, forms) and (key, entry) staging rows."""

        def work(conn: duckdb.DuckDBPyConnection) -> None:
            conn.register("text_batch", texts)
            conn.register("key_batch", keys)
            try:
                conn.execute(
                    "INSERT INTO list_texts SELECT ?, num, data, forms FROM text_batch", [file_id]
                )
                conn.execute(
                    "INSERT INTO list_key_stage SELECT ?, key, entry FROM key_batch", [file_id]
                )
            finally:
                conn.unregister("text_batch")
                conn.unregister("key_batch")

        self._transaction(work)

    @contextmanager
    def memory_limited(self, limit: str = LOAD_MEMORY) -> Iterator[None]:
        """DuckDB keeps at most ``limit`` in memory inside the block (it spills to disk
        beyond); a list load would otherwise let its buffers grow to 80% of the machine."""
        with self._lock:
            previous = self._conn.execute("SELECT current_setting('memory_limit')").fetchone()
            self._conn.execute(f"SET memory_limit = '{limit}'")
            try:
                yield
            finally:
                if previous:
                    self._conn.execute(f"SET memory_limit = '{previous[0]}'")

    def finish_list_file(self, file_id: int, stamp: dict[str, Any], replaces: list[int]) -> None:
        """Group the staged keys into sorted postings, then in one transaction make the file
        complete and drop the files it replaces. ``stamp``: size, mtime, sha256, entries,
        report (row errors as {source, reason}, bad_rows, skipped)."""
        self._transaction(lambda conn: _group_postings(conn, file_id))

        def work(conn: duckdb.DuckDBPyConnection) -> None:
            self._drop_files(conn, replaces)
            conn.execute(
                "UPDATE list_files SET size = ?, mtime = ?, sha256 = ?, entries = ?, "
                "errors = ?, complete = true, loaded = current_timestamp::VARCHAR "
                "WHERE file_id = ?",
                [
                    stamp["size"], stamp["mtime"], stamp["sha256"], stamp["entries"],
                    json.dumps(stamp["report"]), file_id,
                ],
            )  # fmt: skip

        self._transaction(work)

    def abort_list_file(self, file_id: int) -> None:
        self._transaction(lambda conn: self._drop_files(conn, [file_id]))

    def touch_list_file(self, file_id: int, size: int, mtime: float) -> None:
        """Same content under a new stamp (the file was copied or touched): keep the index."""

        def work(conn: duckdb.DuckDBPyConnection) -> None:
            sql = "UPDATE list_files SET size = ?, mtime = ? WHERE file_id = ?"
            conn.execute(sql, [size, mtime, file_id])

        self._transaction(work)

    def drop_list_files(self, file_ids: list[int]) -> None:
        self._transaction(lambda conn: self._drop_files(conn, file_ids))

    @staticmethod
    def _drop_files(conn: duckdb.DuckDBPyConnection, file_ids: list[int]) -> None:
        if not file_ids:
            return
        for table in (*_FILE_TABLES, "list_files"):
            conn.execute(f"DELETE FROM {table} WHERE file_id IN (SELECT unnest(?))", [file_ids])

    def list_arrays(self, file_id: int) -> ListArrays:
        """The stored index of one list file as columns. A workspace file keeps a copy of
        them as Arrow IPC files beside it (``WS.lists/``), written on first use and then
        memory-mapped: a later process starts screening without reading the columns (the
        pages a query touches are read by the OS on demand)."""
        folder = self._mapped_folder(file_id)
        if folder is None:
            return _arrays(self._columns(file_id))
        if not (folder / _DONE).is_file():
            _write_mapped(folder, self._columns(file_id))
        return _arrays({name: _mapped(folder / f"{name}.arrow") for name in _COLUMNS})

    def _mapped_folder(self, file_id: int) -> Path | None:
        """``WS.lists/FILE_ID-SHA``: named by the file's content, so a replaced list never
        reads another's columns."""
        if self.path is None:
            return None
        row = (
            self._reader()
            .execute("SELECT sha256 FROM list_files WHERE file_id = ?", [file_id])
            .fetchone()
        )
        sha = str(row[0]) if row else ""
        return Path(self.path + ".lists") / f"{file_id}-{sha[:16]}"

    def _columns(self, file_id: int) -> dict[str, pa.ChunkedArray]:
        """The five stored columns of a list file, read from DuckDB as Arrow (no per-row
        Python work: primitive and string columns convert at memory speed)."""
        cursor = self._conn.cursor()
        try:

            def column(table: str, name: str) -> pa.ChunkedArray:
                sql = f"SELECT {name} FROM {table} WHERE file_id = ?"  # insertion order
                table_ = cursor.sql(sql, params=[file_id]).to_arrow_table()
                if table_ is None:
                    raise RuntimeError(f"no result for {sql}")
                return table_.column(0)

            return {
                name: column(table, col)
                for name, (table, col) in zip(_COLUMNS, _SOURCES, strict=True)
            }
        finally:
            cursor.close()


_COLUMNS = ("keys", "offsets", "postings", "data", "forms")
_SOURCES = (
    ("list_keys", "key"),
    ("list_offsets", "pos"),
    ("list_postings", "entry"),
    ("list_texts", "data"),
    ("list_texts", "forms"),
)
_DONE = "complete"  # written last: a folder without it is rewritten


def _arrays(columns: dict[str, pa.ChunkedArray]) -> ListArrays:
    def numbers(name: str) -> npt.NDArray[Any]:
        column = columns[name]  # one chunk (a memory map): a view, no copy
        array: npt.NDArray[Any] = (
            column.chunk(0).to_numpy() if column.num_chunks == 1 else column.to_numpy()
        )
        return array

    return ListArrays(
        numbers("keys"),
        numbers("offsets"),
        numbers("postings"),
        Texts(columns["data"]),
        Texts(columns["forms"]),
    )


def _write_mapped(folder: Path, columns: dict[str, pa.ChunkedArray]) -> None:
    """Each column as an Arrow IPC file (one chunk: a memory map gives a numpy view)."""
    import pyarrow as pa

    folder.mkdir(parents=True, exist_ok=True)
    for name, column in columns.items():
        table = pa.table({name: column.combine_chunks()})
        tmp = folder / f"{name}.arrow.tmp"
        with pa.OSFile(str(tmp), "wb") as sink, pa.ipc.new_file(sink, table.schema) as writer:
            writer.write_table(table)
        os.replace(tmp, folder / f"{name}.arrow")
    (folder / _DONE).write_text("ok\n", encoding="utf-8")


def _mapped(path: Path) -> pa.ChunkedArray:
    import pyarrow as pa

    # the map stays open: the returned arrays are views into it
    return pa.ipc.open_file(pa.memory_map(str(path), "r")).read_all().column(0)


_FILE_TABLES = ("list_key_stage", "list_texts", "list_keys", "list_offsets", "list_postings")


_ARRAY_TABLES = (("list_keys", "key"), ("list_offsets", "pos"), ("list_postings", "entry"))


def _group_postings(conn: duckdb.DuckDBPyConnection, file_id: int) -> None:
    """Sort the staged (key, entry) rows (DuckDB spills to disk beyond its memory limit),
    stream them back in batches and store the key hashes, offsets and entry numbers."""
    import numpy as np

    sql = "SELECT key, entry FROM list_key_stage WHERE file_id = ? ORDER BY key, entry"
    reader = conn.sql(sql, params=[file_id]).to_arrow_reader(1 << 20)
    uniques: list[npt.NDArray[np.uint64]] = []
    counts: list[npt.NDArray[np.int64]] = []
    postings: list[npt.NDArray[np.int32]] = []
    for batch in reader:
        keys = batch.column(0).to_numpy()
        postings.append(batch.column(1).to_numpy().astype(np.int32))
        starts = np.flatnonzero(np.concatenate(([True], keys[1:] != keys[:-1])))
        sizes = np.diff(np.append(starts, len(keys)))
        if uniques and len(uniques[-1]) and keys[0] == uniques[-1][-1]:
            counts[-1][-1] += sizes[0]  # a key's run continues from the previous batch
            starts, sizes = starts[1:], sizes[1:]
        uniques.append(keys[starts].astype(np.uint64))
        counts.append(sizes.astype(np.int64))
    offsets = np.concatenate(([0], np.cumsum(np.concatenate(counts or [np.zeros(0, np.int64)]))))
    arrays: dict[str, npt.NDArray[Any]] = {
        "keys": np.concatenate(uniques or [np.zeros(0, np.uint64)]),
        "offsets": offsets.astype(np.int64),
        "postings": np.concatenate(postings or [np.zeros(0, np.int32)]),
    }
    import pyarrow as pa

    for (table, name), array in zip(_ARRAY_TABLES, arrays.values(), strict=True):
        conn.register("array_rows", pa.table({name: array}))
        try:
            conn.execute(f"INSERT INTO {table} SELECT ?, {name} FROM array_rows", [file_id])
        finally:
            conn.unregister("array_rows")
    conn.execute("DELETE FROM list_key_stage WHERE file_id = ?", [file_id])
