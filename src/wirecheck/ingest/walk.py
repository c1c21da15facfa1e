"""Directory walk: recursive, deterministic (sorted), symlink loops skipped by inode."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from wirecheck.model import IngestError
from wirecheck.settings.ingest import IngestSettings

# Files that are never articles: assets of saved web pages, project and config files
# (a corpus folder often carries its README/gold file). Explicitly named files are always
# read; only the directory walk skips these.
SKIP_SUFFIXES = frozenset(
    {
        ".png",
        ".jpg",
        ".jpeg",
        ".gif",
        ".webp",
        ".svg",
        ".ico",
        ".bmp",
        ".tif",
        ".tiff",
        ".css",
        ".js",
        ".mjs",
        ".map",
        ".woff",
        ".woff2",
        ".ttf",
        ".eot",
        ".otf",
        ".mp3",
        ".mp4",
        ".webm",
        ".avi",
        ".mov",
        ".pdf",
        ".zip",
        ".tar",
        ".7z",
        ".exe",
        ".so",
        ".yaml",
        ".yml",
        ".toml",
        ".ini",
        ".cfg",
        ".py",
        ".pyc",
        ".lock",
        ".db",
        ".duckdb",
        ".wal",
        ".parquet",
        ".csv",
        ".tsv",
    }
)


def _skipped(name: str, settings: IngestSettings) -> bool:
    if settings.skip_hidden and name.startswith("."):
        return True
    base = name[:-3] if name.lower().endswith(".gz") else name
    return Path(base).suffix.lower() in SKIP_SUFFIXES


def walk_directory(root: str, settings: IngestSettings) -> Iterator[str | IngestError]:
    """File paths under ``root`` in sorted order; a symlink loop yields one IngestError."""
    seen: set[tuple[int, int]] = set()
    stack = [root]
    while stack:
        directory = stack.pop()
        try:
            info = os.stat(directory)
            entries = sorted(os.scandir(directory), key=lambda e: e.name)
        except OSError as err:
            yield IngestError(source=directory, reason=f"cannot read directory ({err.strerror})")
            continue
        key = (info.st_dev, info.st_ino)
        if key in seen:
            yield IngestError(source=directory, reason="symlink loop skipped")
            continue
        seen.add(key)
        subdirs: list[str] = []
        for entry in entries:
            if _skipped(entry.name, settings):
                continue
            follow = settings.follow_symlinks or not entry.is_symlink()
            if entry.is_dir(follow_symlinks=True):
                if follow:
                    subdirs.append(entry.path)
            else:
                yield entry.path
        stack.extend(reversed(subdirs))
