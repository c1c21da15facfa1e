"""Shared fixtures: the seed corpus (read from ../shared/seeds, never copied) and samples.

Expensive end-to-end results are computed once per test session and shared.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from wirecheck.model import Analysis, Article
from wirecheck.settings import Settings

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"
SAMPLES = REPO / "samples"


def read_yaml(path: Path) -> dict[str, Any]:
    """A gold file as the tests read it (``yaml.safe_load``)."""
    data: dict[str, Any] = yaml.safe_load(path.read_text())
    return data


def seed_key(article: Article) -> str:
    """The gold file's key for a seed article: the file-name prefix (``000``...)."""
    return Path(article.source).name.split("_", 1)[0]


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.fail(f"seed corpus not found at {SEEDS} (CI provides ../shared)")
    return SEEDS


@pytest.fixture(scope="session")
def gold(seeds_dir: Path) -> dict[str, Any]:
    return read_yaml(seeds_dir / "gold.yaml")


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    return SAMPLES


@pytest.fixture(scope="session")
def sample_gold(samples_dir: Path) -> dict[str, Any]:
    """``samples/gold.yaml``, read once per session (tests only read it)."""
    return read_yaml(samples_dir / "gold.yaml")


@pytest.fixture(scope="session")
def seed_articles(seeds_dir: Path) -> list[Article]:
    """The five seeds ingested and cleaned (no analysis stages)."""
    from wirecheck.runner import ingest_paths

    result = ingest_paths([str(seeds_dir)], Settings())
    return sorted(result.articles, key=seed_key)


@pytest.fixture(scope="session")
def seed_analysis(seeds_dir: Path) -> Analysis:
    """The main job on the five seeds, run once per test session."""
    from wirecheck.runner import analyze_paths

    return analyze_paths([str(seeds_dir)], Settings())


@pytest.fixture(scope="session")
def sample_analysis(samples_dir: Path) -> Analysis:
    """The main job on the project's own sample corpus, run once per test session."""
    from wirecheck.runner import analyze_paths

    return analyze_paths([str(samples_dir / "corpus")], Settings())
