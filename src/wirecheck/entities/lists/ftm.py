"""OpenSanctions / FollowTheMoney entity JSON lines: one ``{"id", "schema", "properties"}``
object per line. Only legal entities (people, companies, organisations) are kept."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from wirecheck.entities.lists.common import SCREENED_SCHEMATA, country_codes
from wirecheck.entities.lists.errors import ErrorLog, ListError, ListFormatError
from wirecheck.model import ListEntry

NAME_PROPS = ("name",)
ALIAS_PROPS = ("alias", "previousName", "weakAlias", "abbreviation")
COUNTRY_PROPS = ("country", "jurisdiction", "nationality", "citizenship", "mainCountry")
PROGRAM_PROPS = ("programId", "program", "topics")


def iter_ftm(path: Path, list_name: str, log: ErrorLog) -> Iterator[ListEntry]:
    """Entries of an FtM JSON-lines file, streamed line by line; bad lines go to ``log``."""
    any_line = False
    with path.open("r", encoding="utf-8", errors="replace") as handle:
        for row, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            any_line = True
            try:
                entry = _entry(json.loads(line), list_name, row)
            except (json.JSONDecodeError, _RowError) as exc:
                log.add(ListError(str(path), row, _reason(exc)))
                continue
            if entry is None:
                log.skipped += 1
            else:
                yield entry
    if not any_line:
        raise ListFormatError(f"{path}: empty file (expected FtM JSON lines)")


class _RowError(ValueError):
    pass


def _reason(exc: Exception) -> str:
    if isinstance(exc, json.JSONDecodeError):
        return f"broken JSON ({exc.msg} at column {exc.colno})"
    return str(exc)


def _values(props: dict[str, Any], names: tuple[str, ...]) -> list[str]:
    out: list[str] = []
    for name in names:
        value = props.get(name) or []
        out.extend(str(v) for v in (value if isinstance(value, list) else [value]) if v)
    return out


def _entry(data: Any, list_name: str, row: int) -> ListEntry | None:
    if not isinstance(data, dict):
        raise _RowError("not a JSON object")
    missing = [key for key in ("id", "schema", "properties") if key not in data]
    if missing:
        raise _RowError(f"missing key(s) {', '.join(missing)}")
    props = data["properties"]
    if not isinstance(props, dict):
        raise _RowError("'properties' is not an object")
    if data["schema"] not in SCREENED_SCHEMATA:
        return None
    names = _values(props, NAME_PROPS) or ([str(data["caption"])] if data.get("caption") else [])
    if not names:
        raise _RowError("entity has no name")
    return ListEntry(
        list=list_name,
        id=str(data["id"]),
        schema=str(data["schema"]),
        name=names[0],
        aliases=list(dict.fromkeys(names[1:] + _values(props, ALIAS_PROPS))),
        countries=country_codes(_values(props, COUNTRY_PROPS)),
        programs=_values(props, PROGRAM_PROPS),
        source_row=row,
    )
