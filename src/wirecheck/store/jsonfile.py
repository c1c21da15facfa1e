"""Writing a large model as pretty JSON one list item at a time.

``dumps_json(analysis.to_json_dict())`` holds the whole analysis three more times at the
moment of writing: as Python dicts, as one JSON string and as its UTF-8 bytes (at 100,000
generated articles the file is ~2.5 GB). This writes the same text, item by item.
"""

from __future__ import annotations

from typing import TextIO

from pydantic import BaseModel

from wirecheck.store.schema import dumps_json

_ITEM_INDENT = "    "  # a list item inside the top-level object: two levels of two spaces


def write_model_json(model: BaseModel, out: TextIO) -> None:
    """Write ``dumps_json(model.model_dump(mode="json", by_alias=True))`` to ``out`` without
    building it: every list field is dumped one item at a time."""
    fields = list(type(model).model_fields.items())
    out.write("{\n" if fields else "{}\n")
    for k, (name, info) in enumerate(fields):
        key = info.serialization_alias or info.alias or name
        out.write(f"  {dumps_json(key).rstrip()}: ")
        value = getattr(model, name)
        if isinstance(value, list) and value:
            _write_items(value, out)
        else:
            dumped = model.model_dump(mode="json", by_alias=True, include={name})[key]
            out.write(_indented(dumps_json(dumped).rstrip("\n"), "  ", first=False))
        out.write(",\n" if k < len(fields) - 1 else "\n}\n")


def _write_items(items: list[object], out: TextIO) -> None:
    out.write("[\n")
    last = len(items) - 1
    for i, item in enumerate(items):
        data = item.model_dump(mode="json", by_alias=True) if isinstance(item, BaseModel) else item
        out.write(_indented(dumps_json(data).rstrip("\n"), _ITEM_INDENT, first=True))
        out.write(",\n" if i < last else "\n")
    out.write("  ]")


def _indented(text: str, prefix: str, *, first: bool) -> str:
    """``text`` with ``prefix`` before every line (JSON text has no raw newline inside a
    string, so its lines are its structure), the first line left as is unless ``first``."""
    lines = text.split("\n")
    head = prefix + lines[0] if first else lines[0]
    return "\n".join([head, *(prefix + line for line in lines[1:])])
