"""Stage results kept in the workspace by the content of their inputs.

A result is stored under a key that hashes everything it was computed from: the inputs,
the stage's settings and the source code of the packages that compute it (so a workspace
written by another version of wirecheck never hands back a stale result). Equal key, equal
result: a later run reuses it instead of computing it again, and its output stays the output
of a full run.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel

if TYPE_CHECKING:
    from wirecheck.store import Workspace

_ROOT = Path(__file__).resolve().parent.parent  # the wirecheck package


@cache
def code_fingerprint(*parts: str) -> str:
    """SHA-1 over the source of ``parts`` (module or package paths under ``wirecheck``, e.g.
    ``"provenance"``, ``"model.py"``) and the packaged data files."""
    digest = hashlib.sha1()
    for part in (*sorted(parts), "data"):
        target = _ROOT / part
        files = sorted(target.rglob("*")) if target.is_dir() else [target]
        for path in files:
            if path.is_file() and path.suffix in {".py", ".json", ".yaml"}:
                digest.update(str(path.relative_to(_ROOT)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def hash_key(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()


def settings_key(settings: BaseModel, *code: str) -> str:
    """The part of every key that names the settings and the code computing a result."""
    return hash_key(settings.model_dump_json(), code_fingerprint(*code))


class ResultCache:
    """Results of one kind: those the workspace holds, and those computed in this step (kept
    in memory until the step is saved; nothing is written before)."""

    def __init__(self, workspace: Workspace | None, kind: str) -> None:
        self.workspace = workspace
        self.kind = kind
        self.new: dict[str, str] = {}
        self.reused = 0

    def lookup(self, keys: Sequence[str]) -> dict[str, str]:
        """The known results among ``keys`` (JSON text by key)."""
        if self.workspace is None or not keys:
            return {}
        found = self.workspace.cached_results(self.kind, sorted(set(keys)))
        self.reused += sum(1 for k in keys if k in found)
        return found

    def add(self, items: Iterable[tuple[str, str]]) -> None:
        self.new.update(items)

    def save(self) -> None:
        """Write the results computed in this step (inside the step's transaction)."""
        if self.workspace is not None:
            self.workspace.save_results(self.kind, sorted(self.new.items()))
