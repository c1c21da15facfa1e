"""Extraction on the project's own sample corpus, scored against ``samples/gold.yaml``.

The sample texts were written by another team member (invented firms, varied wording:
"accused three firms of supplying", "were made by", "ended up in", routes "through" a third
country, short names after full ones), so this checks that the rules generalise beyond the
seed story. Same scorer as the seed test; floors only go up.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from test_extract_scorer import aliases, gold_triples, predicted_triples
from wirecheck.extract import ExtractionResult, extract_claims
from wirecheck.model import Article
from wirecheck.settings import Settings
from wirecheck.settings.extract import ExtractSettings

RECALL_FLOOR = 0.90
PRECISION_FLOOR = 0.95


@pytest.fixture(scope="module")
def sample_articles(samples_dir: Path) -> list[Article]:
    from wirecheck.runner import ingest_paths

    return ingest_paths([str(samples_dir / "corpus")], Settings()).articles


def _key(article: Article, gold: dict[str, Any]) -> str:
    by_url: dict[str, str] = {record["url"]: key for key, record in gold["records"].items()}
    return by_url.get(article.url or "", Path(article.source).name.split("_", 1)[0])


@pytest.mark.slow
def test_sample_supply_relations(
    sample_articles: list[Article], sample_gold: dict[str, Any]
) -> None:
    result: ExtractionResult = extract_claims(sample_articles, ExtractSettings())
    keys = {a.id: _key(a, sample_gold) for a in sample_articles}
    expected = gold_triples(sample_gold)
    predicted = predicted_triples(result, keys, aliases(sample_gold))
    found = [t for t in expected if t in predicted]
    recall = len(found) / len(expected)
    precision = sum(1 for t in predicted if t in expected) / len(predicted)
    assert recall >= RECALL_FLOOR, sorted(set(expected) - set(found))
    assert precision >= PRECISION_FLOOR, sorted(set(predicted) - set(expected))
    hedged = [
        m
        for m in result.mentions
        if m.supplier == "Kestrel Dynamics" and keys[m.article] in ("s01", "s02", "s03", "s04")
    ]
    assert hedged and all(m.hedge == "likely" for m in hedged)
