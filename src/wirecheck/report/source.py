"""Where report/export/serve read an analysis from: a workspace file or an analysis.json."""

from __future__ import annotations

import json
from pathlib import Path

from wirecheck.model import Analysis


class SourceError(ValueError):
    """The user named no source, two sources, or one that cannot be read."""


def read_analysis_file(path: Path) -> Analysis:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise SourceError(f"{path}: cannot read analysis JSON ({err})") from err
    return Analysis.model_validate(data)


def read_workspace(path: Path) -> Analysis:
    import duckdb

    from wirecheck.store import Workspace

    if not path.exists():
        raise SourceError(f"{path}: no such workspace")
    try:
        with Workspace.open(path) as workspace:
            analysis: Analysis = workspace.load_analysis()
    except duckdb.Error as err:  # locked by a running `wirecheck serve`, or not a workspace
        raise SourceError(f"{path}: cannot read workspace ({err})") from err
    return analysis


def load_source(db: Path | None, analysis_file: Path | None) -> Analysis:
    """Exactly one of ``db`` and ``analysis_file`` must be given."""
    if (db is None) == (analysis_file is None):
        raise SourceError("give exactly one of --db FILE or --analysis FILE")
    if analysis_file is not None:
        return read_analysis_file(analysis_file)
    assert db is not None
    return read_workspace(db)
