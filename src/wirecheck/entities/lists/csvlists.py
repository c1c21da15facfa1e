"""CSV lists: OpenSanctions ``targets.simple.csv`` and the US Consolidated Screening List.

Both are read with the standard ``csv`` module, row by row. The header is checked first:
a file without the required columns is refused with one line naming what is missing.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from wirecheck.entities.lists.common import SCREENED_SCHEMATA, country_codes, split_values
from wirecheck.entities.lists.errors import ErrorLog, ListError, ListFormatError
from wirecheck.model import ListEntry

Row = dict[str, str]


@dataclass(frozen=True)
class CsvFormat:
    label: str
    required: tuple[str, ...]
    to_entry: Callable[[Row, str, int], ListEntry | None]


def _simple_entry(row: Row, list_name: str, number: int) -> ListEntry | None:
    if row["schema"] not in SCREENED_SCHEMATA:
        return None
    return ListEntry(
        list=list_name,
        id=row["id"],
        schema=row["schema"],
        name=row["name"],
        aliases=split_values(row.get("aliases")),
        countries=country_codes(split_values(row.get("countries"))),
        programs=split_values(row.get("sanctions")) or split_values(row.get("dataset")),
        source_row=number,
    )


CSL_SCHEMA = {"individual": "Person", "entity": "LegalEntity", "": "LegalEntity"}


def _csl_entry(row: Row, list_name: str, number: int) -> ListEntry | None:
    schema = CSL_SCHEMA.get((row.get("type") or "").strip().lower())
    if schema is None:
        return None  # vessels and aircraft are not screened
    ident = row.get("_id") or row.get("entity_number") or f"row-{number}"
    countries = split_values(row.get("nationalities")) + split_values(row.get("citizenships"))
    return ListEntry(
        list=list_name,
        id=ident,
        schema=schema,
        name=row["name"],
        aliases=split_values(row.get("alt_names")),
        countries=country_codes(countries),
        programs=split_values(row.get("programs")) or split_values(row.get("source")),
        source_row=number,
    )


SIMPLE = CsvFormat("OpenSanctions targets.simple.csv", ("id", "schema", "name"), _simple_entry)
CSL = CsvFormat("US Consolidated Screening List CSV", ("source", "name", "type"), _csl_entry)


def iter_csv(path: Path, list_name: str, fmt: CsvFormat, log: ErrorLog) -> Iterator[ListEntry]:
    """Entries of a CSV list, streamed; rows with wrong field counts or no name go to ``log``."""
    csv.field_size_limit(16 * 1024 * 1024)
    with path.open("r", encoding="utf-8-sig", errors="replace", newline="") as handle:
        reader = csv.reader(handle)
        header = [h.strip() for h in next(reader, [])]
        missing = [col for col in fmt.required if col not in header]
        if not header or not any(header):
            raise ListFormatError(f"{path}: empty file (expected {fmt.label})")
        if missing:
            raise ListFormatError(
                f"{path}: not a {fmt.label}: missing column(s) {', '.join(missing)}"
            )
        yield from _rows(reader, header, (path, list_name, fmt, log))


def _rows(
    reader: Iterator[list[str]],
    header: list[str],
    ctx: tuple[Path, str, CsvFormat, ErrorLog],
) -> Iterator[ListEntry]:
    path, list_name, fmt, log = ctx
    number = 0
    while True:
        number += 1
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            log.add(ListError(str(path), number, f"unreadable CSV row ({exc})"))
            continue
        if not values:
            continue
        if len(values) != len(header):
            reason = f"expected {len(header)} fields, found {len(values)}"
            log.add(ListError(str(path), number, reason))
            continue
        row = dict(zip(header, values, strict=True))
        if not row["name"].strip():
            log.add(ListError(str(path), number, "empty name"))
            continue
        entry = fmt.to_entry(row, list_name, number)
        if entry is None:
            log.skipped += 1
        else:
            yield entry
