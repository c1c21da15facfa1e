"""Per-row steps of the Ray runner: the functions ``map_batches`` calls on the workers.

Each takes a batch (a dict of numpy columns) and the stage's settings as JSON (settings
objects travel to workers as strings) and calls the local stage's own functions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import numpy as np

from wirecheck.model import Article, IngestError
from wirecheck.settings.extract import ExtractSettings
from wirecheck.settings.ingest import IngestSettings
from wirecheck.settings.provenance import ProvenanceSettings

Batch = dict[str, np.ndarray]


def objects(values: Sequence[object]) -> np.ndarray:
    """``values`` as a numpy object column (Ray Data's column type for strings and bytes)."""
    out = np.empty(len(values), dtype=object)
    out[:] = list(values)
    return out


def pack_texts(texts: Sequence[str]) -> dict[str, np.ndarray]:
    """``texts`` as one UTF-8 byte buffer and their offsets (``packed_text`` reads one back)."""
    encoded = [t.encode("utf-8") for t in texts]
    offsets = np.zeros(len(encoded) + 1, dtype=np.int64)
    np.cumsum([len(e) for e in encoded], out=offsets[1:])
    return {"blob": np.frombuffer(b"".join(encoded), dtype=np.uint8), "offsets": offsets}


def packed_text(packed: dict[str, np.ndarray], row: int) -> str:
    """Text ``row`` of a ``pack_texts`` result."""
    start, stop = int(packed["offsets"][row]), int(packed["offsets"][row + 1])
    return packed["blob"][start:stop].tobytes().decode("utf-8")


def read_batch(batch: Batch, ingest_json: str) -> Batch:
    """Documents (or errors) of a batch of input files, as JSON rows."""
    from wirecheck.ingest import LazyClient, read_unit

    settings = IngestSettings.model_validate_json(ingest_json)
    client = LazyClient(settings, None)
    kinds: list[str] = []
    rows: list[str] = []
    try:
        for unit in batch["unit"]:
            for item in read_unit(str(unit), settings, client):
                kinds.append("error" if isinstance(item, IngestError) else "doc")
                rows.append(item.model_dump_json())
    finally:
        client.close()
    return {"kind": objects(kinds), "json": objects(rows)}


def lsh_batch(batch: Batch, provenance_json: str) -> Batch:
    """MinHash signature and LSH band keys of each article (the local stage's functions)."""
    from wirecheck.provenance import band_keys, minhash_signatures, shingle_ids

    s = ProvenanceSettings.model_validate_json(provenance_json)
    bodies = [Article.model_validate_json(str(j)).body for j in batch["json"]]
    shingles = shingle_ids(bodies, s.shingle_k)
    sigs = minhash_signatures(shingles, s.num_perm, s.minhash_seed)
    keys = band_keys(sigs, s.lsh_bands)
    empty = np.array([len(x) == 0 for x in shingles], dtype=bool)
    return {"row": batch["row"], "sig": sigs, "keys": keys, "empty": empty}


def explode_keys(batch: Batch) -> Batch:
    """One (band key, row) row per band of each non-empty article: the LSH shuffle's input."""
    keep = ~batch["empty"]
    keys, rows = batch["keys"][keep], batch["row"][keep]
    return {"key": keys.reshape(-1), "row": np.repeat(rows, keys.shape[1] if keys.ndim > 1 else 0)}


def bucket_pairs(batch: Batch) -> Batch:
    """Pairs of rows sharing a band key within one hash partition (all of a key's rows)."""
    from wirecheck.provenance import candidate_pairs

    keys, rows = np.asarray(batch["key"], dtype=np.uint64), np.asarray(batch["row"], np.int64)
    pairs = candidate_pairs(keys.reshape(-1, 1), doc_ids=rows) if keys.size else None
    if pairs is None or pairs.size == 0:
        return {"i": np.zeros(0, np.int64), "j": np.zeros(0, np.int64)}
    return {"i": pairs[:, 0], "j": pairs[:, 1]}


def evaluate_batch(batch: Batch, provenance_json: str, articles_ref: Any) -> Batch:
    """Pair evidence, derivation and story similarity of a chunk of candidate pairs."""
    import pickle

    import ray

    from wirecheck.provenance.edges import evaluate
    from wirecheck.provenance.views import attach_lead_vectors, make_views

    s = ProvenanceSettings.model_validate_json(provenance_json)
    packed: dict[str, np.ndarray] = ray.get(articles_ref[0])  # shared, read in place
    i, j = np.asarray(batch["i"], np.int64), np.asarray(batch["j"], np.int64)
    rows = np.unique(np.concatenate((i, j)))  # sorted: local order = global order
    local = np.searchsorted(rows, np.stack((i, j), axis=1))
    chunk = [Article.model_validate_json(packed_text(packed, int(r))) for r in rows]
    views = make_views(chunk, s.shingle_k, s.lead_sentences)
    attach_lead_vectors(views, s.embed_dims, s.lead_sentences)
    results = evaluate(views, local.reshape(-1, 2), s, np.asarray(batch["jaccard"], np.float64))
    back = [replace(r, i=int(rows[r.i]), j=int(rows[r.j])) for r in results]
    return {"result": objects([pickle.dumps(r) for r in back])}


def extract_batch(batch: Batch, extract_json: str) -> Batch:
    """Claim mentions and entity spans of a batch of same-body article groups (the local
    stage's ``read_groups``: one parse per group), one row per group: a JSON list with, per
    article, its [mentions, entity spans] as JSON strings."""
    import json

    from wirecheck.extract.workers import read_groups

    groups = [
        [Article.model_validate_json(a) for a in json.loads(str(row))] for row in batch["json"]
    ]
    found = read_groups(groups, ExtractSettings.model_validate_json(extract_json))
    return {
        "found": objects(
            [
                json.dumps(
                    [
                        [[m.model_dump_json() for m in ms], [e.model_dump_json() for e in es]]
                        for ms, es in group
                    ]
                )
                for group in found
            ]
        )
    }
