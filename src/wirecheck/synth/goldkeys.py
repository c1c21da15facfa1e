"""Map an ingested article to its key in a gold file (seeds, samples or synthetic gold).

Gold keys are file-name prefixes (``000``, ``s01``); records of multi-article files (WARC,
RSS, JSON Lines) are keyed ``<prefix>#<n>`` and listed under ``records:`` with their URL.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import PurePath
from typing import Any


def file_prefix(source: str) -> str:
    """The part of the file name before the first ``_`` (``s01_x.txt`` -> ``s01``)."""
    name = PurePath(source.split("#", 1)[0]).name
    return name.split("_", 1)[0]


def url_keys(gold: Mapping[str, Any]) -> dict[str, str]:
    """URL -> key for the multi-record entries of a gold file (empty when there are none)."""
    records: Mapping[str, Mapping[str, Any]] = gold.get("records") or {}
    return {str(rec["url"]): str(key) for key, rec in records.items() if rec.get("url")}


def gold_key(source: str, url: str | None, gold: Mapping[str, Any]) -> str:
    """The gold key of an article given its ``source`` and ``url``: by URL, else by prefix."""
    if url:
        key = url_keys(gold).get(url)
        if key is not None:
            return key
    return file_prefix(source)
