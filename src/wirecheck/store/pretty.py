"""``json.dumps(value, indent=2, ensure_ascii=False)``, the same text, written faster.

With ``indent`` set, the standard library encodes in pure Python through nested generators
(its C encoder only writes compact JSON): a few seconds for the analysis.json of 2,000
articles, paid on every run. This writer follows the same rules (check order, separators,
float and key forms; strings through the library's own C string encoder) with one list of
pieces and no generators. Anything it does not know (another type, a circular container)
goes back to ``json.dumps``, so the text is the library's in every case;
``tests/test_pretty_json.py`` compares the two.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring
from typing import Any

_INF = float("inf")


class _UnknownValueError(Exception):
    """A value json.dumps would treat in its own way (default hook, error): let it."""


def dumps_pretty(value: object) -> str:
    """The text of ``json.dumps(value, indent=2, ensure_ascii=False)``."""
    out: list[str] = []
    try:
        _value(value, out, 0)
    except (_UnknownValueError, RecursionError):
        return json.dumps(value, indent=2, ensure_ascii=False)
    return "".join(out)


def _float(value: float) -> str:
    if value != value:
        return "NaN"
    if value == _INF:
        return "Infinity"
    if value == -_INF:
        return "-Infinity"
    return float.__repr__(value)


def _scalar(value: Any) -> str | None:
    """A scalar's text in json's check order (str first: str enums encode as strings), or
    None for a container."""
    if isinstance(value, str):
        text: str = encode_basestring(value)
        return text
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        return _float(value)
    if isinstance(value, (list, tuple, dict)):
        return None
    raise _UnknownValueError


def _common(value: Any) -> str | None:
    """``_scalar`` with the exact types of most values tried first (no isinstance chain)."""
    kind = type(value)
    if kind is str:
        text: str = encode_basestring(value)
        return text
    if kind is int:
        return int.__repr__(value)
    if kind is float:
        return _float(value)
    return _scalar(value)


def _key(key: Any) -> str:
    if isinstance(key, str):
        pass
    elif isinstance(key, float):
        key = _float(key)
    elif key is True:
        key = "true"
    elif key is False:
        key = "false"
    elif key is None:
        key = "null"
    elif isinstance(key, int):
        key = int.__repr__(key)
    else:
        raise _UnknownValueError
    text: str = encode_basestring(key)
    return text


def _container(item: Any, out: list[str], level: int) -> None:
    if isinstance(item, dict):
        _dict(item, out, level)
    else:
        _list(item, out, level)


def _value(value: Any, out: list[str], level: int) -> None:
    text = _scalar(value)
    if text is not None:
        out.append(text)
    else:
        _container(value, out, level)


def _list(items: list[Any] | tuple[Any, ...], out: list[str], level: int) -> None:
    if not items:
        out.append("[]")
        return
    inner = "\n" + "  " * (level + 1)
    separator = "," + inner
    out.append("[" + inner)
    for n, item in enumerate(items):
        if n:
            out.append(separator)
        text = _common(item)
        if text is not None:
            out.append(text)
        else:
            _container(item, out, level + 1)
    out.append("\n" + "  " * level + "]")


def _dict(record: dict[Any, Any], out: list[str], level: int) -> None:
    if not record:
        out.append("{}")
        return
    inner = "\n" + "  " * (level + 1)
    separator = "," + inner
    out.append("{" + inner)
    for n, (key, item) in enumerate(record.items()):
        text = _common(item)
        name = encode_basestring(key) if type(key) is str else _key(key)
        head = (separator if n else "") + name + ": "
        if text is not None:
            out.append(head + text)
        else:
            out.append(head)
            _container(item, out, level + 1)
    out.append("\n" + "  " * level + "}")
