"""The stages that run on Ray: read, provenance (LSH shuffle, pair evaluation, story
components and their clustering), extract."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from wirecheck.distributed.components import cluster_components_ray
from wirecheck.distributed.tasks import (
    bucket_pairs,
    evaluate_batch,
    explode_keys,
    extract_batch,
    lsh_batch,
    pack_texts,
    read_batch,
)
from wirecheck.model import Analysis, Article, IngestError, RawDocument
from wirecheck.pipeline import apply_extraction
from wirecheck.settings import Settings
from wirecheck.settings.provenance import ProvenanceSettings

if TYPE_CHECKING:
    from wirecheck.provenance import ProvenanceResult
    from wirecheck.provenance.edges import PairResult

Pairs = np.ndarray  # (m, 2) int64 row indices, i < j
U64 = np.ndarray  # uint64 arrays (signatures, band keys)
# Task sizes, chosen on the sample corpus and 1k/10k synthetic corpora (docs/scaling.md):
# large enough that per-task overhead (~5-20 ms in local Ray) stays under ~10% of the work.
READ_BATCH = 32  # files per read task (a file may hold a whole feed or WARC)
EXTRACT_BATCH = 64  # articles per extraction task (spaCy's pipe batches internally)
LSH_BATCH = 512  # articles per signature task (vectorised numpy; cheap per article)
PAIR_BATCH = 1024  # candidate pairs per alignment task


def _dataset(rows: list[dict[str, Any]], batch: int) -> Any:
    import ray.data

    blocks = max(1, min(len(rows) // max(1, batch) + 1, 200))
    return ray.data.from_items(rows, override_num_blocks=blocks)


def read_ray(
    paths: Sequence[str], settings: Settings
) -> tuple[list[RawDocument], list[IngestError]]:
    """Read every input in parallel; documents and errors in the local run's order."""
    from wirecheck.ingest import expand_inputs

    rows = [
        {
            "unit": u if isinstance(u, str) else "",
            "error": "" if isinstance(u, str) else u.model_dump_json(),
        }
        for u in expand_inputs(paths, settings.ingest)
    ]
    docs: list[RawDocument] = []
    errors: list[IngestError] = []
    if not rows:
        return docs, errors
    found = (
        _dataset([r for r in rows if r["unit"]], READ_BATCH)
        .map_batches(
            read_batch,
            batch_size=READ_BATCH,
            fn_kwargs={"ingest_json": settings.ingest.model_dump_json()},
        )
        .take_all()
        if any(r["unit"] for r in rows)
        else []
    )
    errors.extend(IngestError.model_validate_json(r["error"]) for r in rows if r["error"])
    for row in found:
        if row["kind"] == "error":
            errors.append(IngestError.model_validate_json(row["json"]))
        else:
            docs.append(RawDocument.model_validate_json(row["json"]))
    return docs, errors


def lexical_pairs_ray(article_json: list[str], s: ProvenanceSettings) -> tuple[Pairs, U64]:
    """LSH candidate pairs by a shuffle on band keys (the local Jaccard filter applied), and
    every article's MinHash signature."""
    from wirecheck.provenance.minhash import estimated_jaccard

    rows = [{"row": k, "json": j} for k, j in enumerate(article_json)]
    kwargs = {"provenance_json": s.model_dump_json()}
    sigs_ds = (
        _dataset(rows, LSH_BATCH)
        .map_batches(lsh_batch, batch_size=LSH_BATCH, fn_kwargs=kwargs)
        .materialize()
    )
    partitions = max(1, min(64, len(rows) // 2000 + 1))
    pair_rows = (
        sigs_ds.map_batches(explode_keys, batch_size=LSH_BATCH)
        .repartition(partitions, keys=["key"])
        .map_batches(bucket_pairs, batch_size=None)
        .take_all()
    )
    sigs = np.stack([np.asarray(r["sig"], dtype=np.uint64) for r in sigs_ds.take_all()])
    if not pair_rows:
        return np.zeros((0, 2), dtype=np.int64), sigs
    pairs = np.unique(np.array([[r["i"], r["j"]] for r in pair_rows], dtype=np.int64), axis=0)
    return pairs[estimated_jaccard(sigs, pairs) >= s.lsh_min_jaccard], sigs


def evaluate_ray(
    article_json: list[str], pairs: Pairs, jaccard: Any, s: ProvenanceSettings
) -> list[PairResult]:
    """``provenance.edges.evaluate`` over chunks of candidate pairs on Ray, in pair order."""
    import pickle

    import ray

    if not len(pairs):
        return []
    # One packed copy in the object store, in a list (Ray passes nested refs unresolved).
    # Numpy buffers are read in place by every task, where a list of strings would be
    # unpickled whole by each task: a cost growing with corpus size times task count.
    shared = [ray.put(pack_texts(article_json))]
    kwargs = {"provenance_json": s.model_dump_json(), "articles_ref": shared}
    rows = [
        {"i": int(i), "j": int(j), "jaccard": float(e)}
        for (i, j), e in zip(pairs.tolist(), jaccard.tolist(), strict=True)
    ]
    out = (
        _dataset(rows, PAIR_BATCH)
        .map_batches(evaluate_batch, batch_size=PAIR_BATCH, fn_kwargs=kwargs)
        .take_all()
    )
    return [pickle.loads(r["result"]) for r in out]


def provenance_ray(articles: list[Article], s: ProvenanceSettings) -> ProvenanceResult:
    """``build_provenance`` with LSH and pair evaluation on Ray (see the module docstring)."""
    from wirecheck.provenance import ProvenanceResult
    from wirecheck.provenance.build import (
        assemble_stories,
        with_translations,
        wording_free_candidates,
    )
    from wirecheck.provenance.candidates import merge_pairs
    from wirecheck.provenance.families import build_families
    from wirecheck.provenance.minhash import estimated_jaccard
    from wirecheck.provenance.views import attach_lead_vectors, make_views

    if not articles:
        return ProvenanceResult()
    article_json = [a.model_dump_json() for a in articles]
    lex, sigs = lexical_pairs_ray(article_json, s)
    views = make_views(articles, s.shingle_k, s.lead_sentences)  # embeddings, story fallback
    attach_lead_vectors(views, s.embed_dims, s.lead_sentences)
    pairs = merge_pairs(lex, wording_free_candidates(views, s))
    results = evaluate_ray(article_json, pairs, estimated_jaccard(sigs, pairs), s)
    edges = [r.derivation for r in results if r.derivation is not None]
    families = build_families(articles, edges)
    stories = assemble_stories(views, results, families, s, grouping=cluster_components_ray)
    return with_translations(articles, edges, stories, s, len(pairs))


def extract_ray(analysis: Analysis, settings: Settings) -> Analysis:
    """The extraction stage on Ray: groups of same-body articles (one parse each, as in the
    local stage) in batches; mentions put back in article order, as the local stage lists
    them."""
    import json

    from wirecheck.extract import ExtractionResult
    from wirecheck.extract.workers import same_body_groups
    from wirecheck.model import ClaimMention, EntityMention

    articles = analysis.articles
    groups = same_body_groups(articles)
    # Parsed as rows arrive (not kept as JSON until the end: at 100k articles the JSON of
    # every mention would sit beside the parsed mentions).
    found: list[tuple[list[ClaimMention], list[EntityMention]]] = [([], []) for _ in articles]
    if groups:
        rows = [{"json": json.dumps([articles[p].model_dump_json() for p in g])} for g in groups]
        kwargs = {"extract_json": settings.extract.model_dump_json()}
        ds = _dataset(rows, EXTRACT_BATCH).map_batches(
            extract_batch, batch_size=EXTRACT_BATCH, fn_kwargs=kwargs
        )
        del rows  # the dataset holds its own copy
        for group, row in zip(groups, ds.iter_rows(), strict=True):
            for position, (mentions, entities) in zip(group, json.loads(row["found"]), strict=True):
                found[position] = (
                    [ClaimMention.model_validate_json(m) for m in mentions],
                    [EntityMention.model_validate_json(e) for e in entities],
                )
    result = ExtractionResult()
    for mentions, entities in found:
        result.mentions.extend(mentions)
        result.entity_mentions.extend(entities)
    return apply_extraction(analysis, result)
