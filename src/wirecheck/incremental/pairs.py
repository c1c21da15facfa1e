"""The provenance stage with evaluated candidate pairs reused from the workspace.

Finding candidate pairs (MinHash bands, lead-vector neighbours, rare markers) is cheap and
depends on the whole corpus (a new article can become an old one's nearest neighbour), so it
runs over all articles. Evaluating a pair (evidence, sentence alignment, derivation edge,
story similarity) is the expensive part and depends on the two texts alone: a pair evaluated
in an earlier step is taken from the workspace, only new pairs are evaluated. Everything else
is ``provenance.build_provenance`` itself, with ``evaluate_reusing`` as its pair evaluator.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import partial

import numpy as np

from wirecheck.incremental.memo import ResultCache, hash_key, settings_key
from wirecheck.model import Article, Derivation
from wirecheck.provenance import ProvenanceResult
from wirecheck.provenance.build import build_provenance
from wirecheck.provenance.edges import PairResult, evaluate
from wirecheck.provenance.views import DocView
from wirecheck.settings.provenance import ProvenanceSettings

PAIRS = "provenance-pair"


def build_provenance_reusing(
    articles: Sequence[Article], settings: ProvenanceSettings, cache: ResultCache, keys: list[str]
) -> ProvenanceResult:
    """``build_provenance`` with pair results from ``cache``; ``keys``: each article's
    content key (``incremental.content_key``)."""
    return build_provenance(articles, settings, partial(evaluate_reusing, cache=cache, keys=keys))


def evaluate_reusing(
    views: Sequence[DocView],
    pairs: np.ndarray,
    settings: ProvenanceSettings,
    jaccard: np.ndarray,
    *,
    cache: ResultCache,
    keys: list[str],
) -> list[PairResult]:
    """``edges.evaluate`` over the pairs ``cache`` does not hold; the others are read back.
    A pair's key: both texts' content keys (in pair order: direction tests see them so),
    its MinHash estimate, the settings and the provenance code."""
    base = settings_key(settings, "provenance", "model.py")
    pair_keys = [
        hash_key(base, keys[i], keys[j], repr(est))
        for (i, j), est in zip(pairs.tolist(), jaccard.tolist(), strict=True)
    ]
    found = cache.lookup(pair_keys)
    missing = np.array([n for n, k in enumerate(pair_keys) if k not in found], dtype=np.int64)
    todo = evaluate(views, pairs[missing], settings, jaccard[missing]) if len(missing) else []
    fresh = iter(todo)
    out: list[PairResult] = []
    for (i, j), key in zip(pairs.tolist(), pair_keys, strict=True):
        if key in found:
            out.append(_load(i, j, found[key]))
        else:
            result = next(fresh)
            cache.add([(key, _dump(result))])
            out.append(result)
    return out


def _dump(result: PairResult) -> str:
    edge = result.derivation.model_dump(mode="json", by_alias=True) if result.derivation else None
    return json.dumps({"derivation": edge, "story_similarity": result.story_similarity})


def _load(i: int, j: int, text: str) -> PairResult:
    data = json.loads(text)
    edge = data["derivation"]
    derivation = Derivation.model_validate(edge) if edge is not None else None
    return PairResult(i, j, derivation, float(data["story_similarity"]))
