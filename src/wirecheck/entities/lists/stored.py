"""Sanctions lists kept in the workspace: loaded once, streamed, reused by later runs.

``workspace_index(workspace, paths, fmt)`` gives the same index (and the same errors) as
``screening.screen.load_lists`` built in memory, but the list is read only when the workspace
does not hold it yet, or holds an older version: a stored file is reused when its path,
format, size and modification time match, or, when the stamp changed, its SHA-256 does.
Loading streams ``BATCH`` entries at a time (record, name forms, blocking keys) into the
workspace, so memory does not grow with the list; the columns are then also written as
Arrow IPC files beside the workspace, which a later run memory-maps (no read, no rebuild:
it starts screening at once) and parses an entry only when a query reaches it.

Blocking keys are stored as 64-bit BLAKE2b hashes: two keys of one list share a hash with
probability ~n^2/2^65 (~3e-6 for ten million distinct keys), which would only merge two
postings (more candidates, never fewer).
"""

from __future__ import annotations

import bisect
import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wirecheck.entities.lists import ErrorLog, ListFormatError, iter_list, list_name
from wirecheck.entities.screening.index import candidates, entry_forms
from wirecheck.entities.screening.keys import NameForm, blocking_keys
from wirecheck.model import IngestError, ListEntry

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from wirecheck.store import Workspace
    from wirecheck.store.lists import ListArrays, StoredListFile

BATCH = 10_000  # entries per committed batch while loading (~40 key rows each)
_ACTIVE: ContextVar[Workspace | None] = ContextVar("wirecheck_list_workspace", default=None)


@contextmanager
def lists_in(workspace: Workspace) -> Iterator[None]:
    """Within this block, screening takes its lists from (and keeps them in) ``workspace``."""
    token = _ACTIVE.set(workspace)
    try:
        yield
    finally:
        _ACTIVE.reset(token)


def active_workspace() -> Workspace | None:
    return _ACTIVE.get()


def key_hash(key: str) -> int:
    """A blocking key as an unsigned 64-bit number (stable across processes)."""
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "little")


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


# ------------------------------------------------------------------ loading


def ensure_list(
    workspace: Workspace, path: Path, fmt: str | None, replace_name: bool = False
) -> tuple[StoredListFile | None, list[IngestError]]:
    """The stored version of the list at ``path`` (loading it when absent or changed) and its
    errors, worded as the in-memory loader words them. ``replace_name``: a newly loaded file
    also replaces stored files of the same list name (``wirecheck screen``)."""
    try:
        if not path.is_file():
            raise ListFormatError(f"{path}: no such file")
        stored = _reuse(workspace, path, fmt)
        if stored is None:
            stored = _load(workspace, path, fmt, replace_name)
    except (ListFormatError, OSError) as err:
        return None, [IngestError(source=str(path), reason=str(err).removeprefix(f"{path}: "))]
    return stored, stored_errors(stored)


def stored_errors(stored: StoredListFile) -> list[IngestError]:
    """The row errors recorded when the file was loaded."""
    return [IngestError.model_validate(e) for e in stored.report.get("errors", [])]


def _reuse(workspace: Workspace, path: Path, fmt: str | None) -> StoredListFile | None:
    stored = workspace.find_list_file(str(path.resolve()), fmt or "")
    if stored is None:
        return None
    stat = path.stat()
    if stored.size == stat.st_size and stored.mtime == stat.st_mtime:
        return stored
    if file_sha256(path) == stored.sha256:
        workspace.touch_list_file(stored.file_id, stat.st_size, stat.st_mtime)
        return stored
    return None


def _load(workspace: Workspace, path: Path, fmt: str | None, replace_name: bool) -> StoredListFile:
    resolved, name = str(path.resolve()), list_name(path)
    stat = path.stat()
    sha = file_sha256(path)
    log = ErrorLog()
    entries = iter_list(path, fmt, log)  # detects the format now: a bad file fails here
    with workspace.memory_limited():
        file_id = workspace.start_list_file(resolved, fmt or "", name)
        try:
            count = _stream(workspace, file_id, entries)
            stamp = {
                "size": stat.st_size,
                "mtime": stat.st_mtime,
                "sha256": sha,
                "entries": count,
                "report": {
                    "errors": [e.model_dump() for e in _row_errors(path, log)],
                    "bad_rows": log.count,
                    "skipped": log.skipped,
                },
            }
            workspace.finish_list_file(
                file_id,
                stamp,
                _replaced(workspace, file_id, resolved, fmt or "", name, replace_name),
            )
        except BaseException:
            workspace.abort_list_file(file_id)
            raise
    stored = workspace.find_list_file(resolved, fmt or "")
    assert stored is not None  # just made complete
    workspace.list_arrays(stored.file_id)  # writes the mapped columns later runs open
    return stored


def _replaced(
    workspace: Workspace, file_id: int, resolved: str, fmt: str, name: str, by_name: bool
) -> list[int]:
    """Stored files the new one replaces: the same path and format (an older version), and
    with ``by_name`` every file of the same list name."""
    return [
        f.file_id
        for f in workspace.stored_list_files()
        if f.file_id != file_id
        and ((f.path == resolved and f.fmt == fmt) or (by_name and f.name == name))
    ]


def _row_errors(path: Path, log: ErrorLog) -> list[IngestError]:
    errors = [IngestError(source=str(path), reason=f"row {e.row}: {e.reason}") for e in log.errors]
    if log.count > len(log.errors):
        more = log.count - len(log.errors)
        errors.append(IngestError(source=str(path), reason=f"{more} more bad rows"))
    return errors


def _stream(workspace: Workspace, file_id: int, entries: Iterator[ListEntry]) -> int:
    import numpy as np
    import pyarrow as pa

    count = 0
    while batch := list(islice(entries, BATCH)):
        data: list[str] = []
        forms: list[str] = []
        key_list: list[int] = []
        owners: list[int] = []
        for number, entry in enumerate(batch, start=count):
            prepared = tuple(entry_forms(entry))
            data.append(entry.model_dump_json(by_alias=True))
            forms.append(dump_forms(prepared))
            keys: set[str] = set()
            for form in prepared:
                keys |= blocking_keys(form.tokens)
            key_list.extend(key_hash(k) for k in keys)
            owners.extend([number] * len(keys))
        pairs = pa.table(
            {"key": np.array(key_list, dtype=np.uint64), "entry": np.array(owners, np.int32)}
        )
        nums = np.arange(count, count + len(batch), dtype=np.int32)
        texts = pa.table({"num": nums, "data": data, "forms": forms})
        workspace.append_list_rows(file_id, texts, pairs)
        count += len(batch)
    return count


# Name forms are stored as text split on two control characters, not JSON: a query reads
# the forms of ~25 candidates per name, and splitting is ~10x cheaper than json.loads plus
# list handling (a name holding either character is stored as JSON instead).
_FORM, _FIELD, _JSON = "\x1e", "\x1f", "\x02"


def dump_forms(forms: Sequence[NameForm]) -> str:
    rows = [
        [f.raw, f.literal, " ".join(f.tokens), f.key, f.compact, " ".join(f.phonetics),
         "1" if f.is_alias else ""]
        for f in forms
    ]  # fmt: skip
    text = _FORM.join(_FIELD.join(row) for row in rows)
    if text.count(_FIELD) != 6 * len(rows) or text.count(_FORM) != len(rows) - 1:
        return _JSON + json.dumps(rows, ensure_ascii=False)
    return text


def _form_rows(text: str) -> list[list[str]]:
    if text.startswith(_JSON):
        return list(json.loads(text[1:]))
    return [r.split(_FIELD) for r in text.split(_FORM)]


def load_match_keys(text: str) -> tuple[tuple[str, str], ...]:
    """(key, compact) of each stored form, without building the forms."""
    return tuple((row[3], row[4]) for row in _form_rows(text))


def load_forms(text: str) -> tuple[NameForm, ...]:
    rows = _form_rows(text)
    return tuple(
        NameForm(raw, literal, tuple(tokens.split(" ")), key, compact,
                 tuple(phonetics.split(" ")), bool(alias))
        for raw, literal, tokens, key, compact, phonetics, alias in rows
    )  # fmt: skip


# ------------------------------------------------------------------ the stored index


class StoredIndex:
    """Stored lists as one index (entry numbers run on from one list to the next, as in the
    in-memory ``ScreenIndex`` built over the same files in the same order)."""

    def __init__(self, parts: Sequence[ListArrays]) -> None:
        self._parts = list(parts)
        self._bases: list[int] = []
        total = 0
        for part in self._parts:
            self._bases.append(total)
            total += len(part.data)
        self._size = total
        self._entries: dict[int, ListEntry] = {}
        self._forms: dict[int, tuple[NameForm, ...]] = {}
        self._keys: dict[int, tuple[tuple[str, str], ...]] = {}
        self._postings: dict[str, npt.NDArray[np.integer[Any]] | None] = {}

    def size(self) -> int:
        return self._size

    def posting(self, key: str) -> npt.NDArray[np.integer[Any]] | None:
        """Entry numbers under ``key``, ascending: a view into the stored array (common keys
        have postings of many thousand entries; only those within the query's budget are
        ever iterated)."""
        return self.postings_of([key])[0]

    def postings_of(self, keys: Sequence[str]) -> list[npt.NDArray[np.integer[Any]] | None]:
        """``posting`` of each key; the keys not read yet are looked up together (one
        ``searchsorted`` per stored list for all of a query's keys)."""
        missing = list(dict.fromkeys(k for k in keys if k not in self._postings))
        if missing:
            self._postings.update(zip(missing, self._read_postings(missing), strict=True))
        return [self._postings[k] for k in keys]

    def _read_postings(self, keys: list[str]) -> list[npt.NDArray[np.integer[Any]] | None]:
        import numpy as np

        wanted = np.array([key_hash(k) for k in keys], dtype=np.uint64)
        found: list[list[npt.NDArray[np.integer[Any]]]] = [[] for _ in keys]
        for base, part in zip(self._bases, self._parts, strict=True):
            if not len(part.keys):
                continue
            at = part.keys.searchsorted(wanted)
            inside = at < len(part.keys)
            hit = np.flatnonzero(inside & (part.keys[np.minimum(at, len(part.keys) - 1)] == wanted))
            starts, ends = part.offsets[at[hit]].tolist(), part.offsets[at[hit] + 1].tolist()
            for k, start, end in zip(hit.tolist(), starts, ends, strict=True):
                numbers = part.postings[start:end]
                found[k].append(numbers + base if base else numbers)
        return [
            None if not parts else parts[0] if len(parts) == 1 else np.concatenate(parts)
            for parts in found
        ]

    def _locate(self, number: int) -> tuple[ListArrays, int]:
        part = bisect.bisect_right(self._bases, number) - 1
        return self._parts[part], number - self._bases[part]

    def entry(self, number: int) -> ListEntry:
        number = int(number)
        if number not in self._entries:
            part, row = self._locate(number)
            self._entries[number] = ListEntry.model_validate_json(part.data[row])
        return self._entries[number]

    def forms_of(self, number: int) -> tuple[NameForm, ...]:
        number = int(number)
        if number not in self._forms:
            part, row = self._locate(number)
            self._forms[number] = load_forms(part.forms[row])
        return self._forms[number]

    def match_keys(self, number: int) -> tuple[tuple[str, str], ...]:
        """Read for every candidate of a query: only two fields of the stored forms (building
        all forms of each candidate cost more than the pre-score itself)."""
        number = int(number)
        if number in self._forms:
            return tuple((form.key, form.compact) for form in self._forms[number])
        if number not in self._keys:
            part, row = self._locate(number)
            self._keys[number] = load_match_keys(part.forms[row])
        return self._keys[number]

    def candidates(self, tokens: tuple[str, ...], limit: int, budget: int) -> list[int]:
        return [int(n) for n in candidates(self, tokens, limit, budget)]


def stored_index(workspace: Workspace, files: Iterable[StoredListFile]) -> StoredIndex:
    return StoredIndex([workspace.list_arrays(f.file_id) for f in files])


def workspace_index(
    workspace: Workspace, paths: Iterable[str], fmt: str | None
) -> tuple[StoredIndex, list[IngestError]]:
    """One index over the lists at ``paths`` kept in ``workspace`` (loaded if needed)."""
    files: list[StoredListFile] = []
    errors: list[IngestError] = []
    for raw in paths:
        stored, found = ensure_list(workspace, Path(raw), fmt)
        errors += found
        if stored is not None:
            files.append(stored)
    return stored_index(workspace, files), errors
