"""Sanctions and export-control list readers, all streaming ``ListEntry`` records.

Formats: ``ftm`` (OpenSanctions FollowTheMoney JSON lines), ``simple`` (OpenSanctions
``targets.simple.csv``), ``csl`` (US Consolidated Screening List CSV). Bad rows are logged in
an ``ErrorLog`` (``ListError(path, row, reason)``) and skipped; a file that is empty or has
the wrong columns raises ``ListFormatError`` with a one-line message.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

from wirecheck.entities.lists.csvlists import CSL, SIMPLE, iter_csv
from wirecheck.entities.lists.errors import ErrorLog, ListError, ListFormatError
from wirecheck.entities.lists.ftm import iter_ftm
from wirecheck.model import ListEntry

FORMATS = ("ftm", "simple", "csl")

__all__ = [
    "FORMATS",
    "ErrorLog",
    "ListError",
    "ListFormatError",
    "detect_format",
    "iter_list",
    "list_name",
    "list_version",
]


def detect_format(path: Path) -> str:
    """Guess a list's format from its name and first line."""
    if not path.is_file():
        raise ListFormatError(f"{path}: no such file")
    with path.open("r", encoding="utf-8-sig", errors="replace") as handle:
        first = handle.readline().strip()
    if not first:
        raise ListFormatError(f"{path}: empty file")
    if first.startswith("{") or path.suffix in (".jsonl", ".json", ".ftm"):
        return "ftm"
    columns = {c.strip().strip('"') for c in first.split(",")}
    if "_id" in columns or "alt_names" in columns:
        return "csl"
    if "schema" in columns:
        return "simple"
    raise ListFormatError(f"{path}: unknown list format (use --format ftm|simple|csl)")


def list_name(path: Path) -> str:
    """The list's name in the workspace: its file name without list-ish extensions."""
    name = path.name
    for suffix in (".jsonl", ".json", ".csv", ".ftm"):
        name = name.removesuffix(suffix)
    return name


def list_version(path: Path) -> str:
    """A version string from the file: modification date and size."""
    stat = path.stat()
    day = dt.datetime.fromtimestamp(stat.st_mtime, tz=dt.UTC).date().isoformat()
    return f"{day} ({stat.st_size} bytes)"


def iter_list(path: Path, fmt: str | None, log: ErrorLog) -> Iterator[ListEntry]:
    """Stream the entries of the list at ``path`` (format detected when ``fmt`` is None)."""
    fmt = fmt or detect_format(path)
    if not path.is_file():
        raise ListFormatError(f"{path}: no such file")
    name = list_name(path)
    if fmt == "ftm":
        return iter_ftm(path, name, log)
    if fmt == "simple":
        return iter_csv(path, name, SIMPLE, log)
    if fmt == "csl":
        return iter_csv(path, name, CSL, log)
    raise ListFormatError(f"unknown list format '{fmt}' (use one of {', '.join(FORMATS)})")
