"""The Ray runner: the same stage functions as the local run, spread over a Ray cluster.

``analyze_paths_ray`` gives the same ``Analysis`` as ``runner.analyze_paths`` (ids included;
``tests/test_distributed.py`` compares the two). What runs where:

- read: one ``ray.data`` row per input file, ``map_batches`` calls ``ingest.read_unit``.
- clean: on the driver. The cleaner is corpus-level (a line repeated across documents is
  chrome; undated texts borrow their neighbours' dates), so it needs the whole batch;
  at scale it becomes a count-then-map job (docs/scaling.md).
- provenance: shingles, MinHash signatures and band keys per article in ``map_batches``;
  LSH as a shuffle: (band key, row) rows hash-partitioned by key (``repartition(keys=)``),
  each partition emits the pairs of its equal-key runs; pair evidence and alignment in
  ``map_batches`` over chunks of candidate pairs (each task rebuilds the views of only its
  articles). The semantic (lead-embedding) candidates, the Jaccard filter, families and
  stories (clustering with the cohesion rule) run on the driver over the pair results.
- extract: ``map_batches`` over articles (spaCy loaded once per worker process).
- align, entities: on the driver (they join claims and entities across the whole corpus).

Local Ray: ``ray.init(num_cpus=2)``; a cluster: set ``RAY_ADDRESS`` (e.g.
``ray://head:10001`` or ``auto`` on a cluster node) and run the same command.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from wirecheck.model import Analysis, Article, IngestError, RawDocument
from wirecheck.pipeline import DEFAULT_STAGES, ProgressFn, Stage, apply_extraction, apply_provenance
from wirecheck.settings import Settings
from wirecheck.settings.extract import ExtractSettings
from wirecheck.settings.ingest import IngestSettings
from wirecheck.settings.provenance import ProvenanceSettings

if TYPE_CHECKING:
    from wirecheck.provenance import ProvenanceResult
    from wirecheck.provenance.edges import PairResult
    from wirecheck.runner import RunResult
    from wirecheck.store import Workspace

Batch = dict[str, np.ndarray]
Pairs = np.ndarray  # (m, 2) int64 row indices, i < j
U64 = np.ndarray  # uint64 arrays (signatures, band keys)
# Task sizes, chosen on the sample corpus and 1k/10k synthetic corpora (docs/scaling.md):
# large enough that per-task overhead (~5-20 ms in local Ray) stays under ~10% of the work.
READ_BATCH = 32  # files per read task (a file may hold a whole feed or WARC)
EXTRACT_BATCH = 64  # articles per extraction task (spaCy's pipe batches internally)
LSH_BATCH = 512  # articles per signature task (vectorised numpy; cheap per article)
PAIR_BATCH = 1024  # candidate pairs per alignment task
OFFLINE_ENV = {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}


def init_ray(num_cpus: int | None = None) -> None:
    """Connect to ``RAY_ADDRESS`` when set, else start a local Ray without dashboard."""
    import ray
    from ray.data import DataContext

    if not ray.is_initialized():
        options: dict[str, Any] = {
            "runtime_env": {"env_vars": OFFLINE_ENV},
            "log_to_driver": False,
            "logging_level": "WARNING",
        }
        address = os.environ.get("RAY_ADDRESS")
        if address:
            ray.init(address=address, **options)
        else:
            cpus = num_cpus or min(2, os.cpu_count() or 1)
            ray.init(num_cpus=cpus, include_dashboard=False, **options)
    logging.getLogger("ray.data").setLevel(logging.WARNING)  # no per-dataset INFO lines
    ctx = DataContext.get_current()
    ctx.execution_options.preserve_order = True  # results in input order, as the local run
    ctx.enable_progress_bars = False


def _objects(values: Sequence[object]) -> np.ndarray:
    out = np.empty(len(values), dtype=object)
    out[:] = list(values)
    return out


# --------------------------------------------------------------------------- per-row steps


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
    return {"kind": _objects(kinds), "json": _objects(rows)}


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
    articles: list[str] = ray.get(articles_ref[0])  # one shared copy in the object store
    i, j = np.asarray(batch["i"], np.int64), np.asarray(batch["j"], np.int64)
    rows = np.unique(np.concatenate((i, j)))  # sorted: local order = global order
    local = np.searchsorted(rows, np.stack((i, j), axis=1))
    chunk = [Article.model_validate_json(articles[int(r)]) for r in rows]
    views = make_views(chunk, s.shingle_k, s.lead_sentences)
    attach_lead_vectors(views, s.embed_dims, s.lead_sentences)
    results = evaluate(views, local.reshape(-1, 2), s, np.asarray(batch["jaccard"], np.float64))
    back = [replace(r, i=int(rows[r.i]), j=int(rows[r.j])) for r in results]
    return {"result": _objects([pickle.dumps(r) for r in back])}


def extract_batch(batch: Batch, extract_json: str) -> Batch:
    """Claim mentions and entity spans of a batch of articles (the local stage function),
    one row per article: JSON lists, in the order the local stage lists them."""
    import json

    from wirecheck.extract import extract_claims

    articles = [Article.model_validate_json(str(j)) for j in batch["json"]]
    result = extract_claims(articles, ExtractSettings.model_validate_json(extract_json))
    mentions: dict[str, list[str]] = {a.id: [] for a in articles}
    entities: dict[str, list[str]] = {a.id: [] for a in articles}
    for m in result.mentions:
        mentions[m.article].append(m.model_dump_json())
    for e in result.entity_mentions:
        entities[e.article].append(e.model_dump_json())
    return {
        "mentions": _objects([json.dumps(mentions[a.id]) for a in articles]),
        "entities": _objects([json.dumps(entities[a.id]) for a in articles]),
    }


# --------------------------------------------------------------------------- stages on Ray


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
    shared = [ray.put(article_json)]  # in a list: Ray passes nested refs unresolved
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
    from wirecheck.provenance.build import _stories  # the local stage's own clustering step
    from wirecheck.provenance.candidates import day_numbers, merge_pairs, semantic_candidates
    from wirecheck.provenance.families import build_families
    from wirecheck.provenance.minhash import estimated_jaccard
    from wirecheck.provenance.views import attach_lead_vectors, make_views

    if not articles:
        return ProvenanceResult()
    article_json = [a.model_dump_json() for a in articles]
    lex, sigs = lexical_pairs_ray(article_json, s)
    views = make_views(articles, s.shingle_k, s.lead_sentences)  # embeddings, story fallback
    attach_lead_vectors(views, s.embed_dims, s.lead_sentences)
    vectors = np.stack([v.vector for v in views if v.vector is not None]).astype(np.float32)
    sem, _ = semantic_candidates(vectors, day_numbers([a.date for a in articles]), s)
    pairs = merge_pairs(lex, sem)
    results = evaluate_ray(article_json, pairs, estimated_jaccard(sigs, pairs), s)
    edges = [r.derivation for r in results if r.derivation is not None]
    stories = _stories(views, results, build_families(articles, edges), s)
    counts = {"articles": len(articles), "candidate_pairs": len(pairs), "derivations": len(edges)}
    return ProvenanceResult(derivations=edges, stories=stories, counts=counts)


def extract_ray(analysis: Analysis, settings: Settings) -> Analysis:
    """The extraction stage with ``extract_claims`` run per batch of articles on Ray."""
    import json

    from wirecheck.extract import ExtractionResult
    from wirecheck.model import ClaimMention, EntityMention

    rows = [{"json": a.model_dump_json()} for a in analysis.articles]
    result = ExtractionResult()
    if rows:
        kwargs = {"extract_json": settings.extract.model_dump_json()}
        ds = _dataset(rows, EXTRACT_BATCH).map_batches(
            extract_batch, batch_size=EXTRACT_BATCH, fn_kwargs=kwargs
        )
        for row in ds.iter_rows():
            result.mentions.extend(
                ClaimMention.model_validate_json(m) for m in json.loads(row["mentions"])
            )
            result.entity_mentions.extend(
                EntityMention.model_validate_json(e) for e in json.loads(row["entities"])
            )
    return apply_extraction(analysis, result)


# --------------------------------------------------------------------------- the runner

RAY_STAGES: dict[str, Callable[[Analysis, Settings], Analysis]] = {
    "provenance": lambda a, s: apply_provenance(a, provenance_ray(a.articles, s.provenance)),
    "extract": extract_ray,
}  # other stages (align, entities) join the whole corpus: they run on the driver


def analyze_ray(
    analysis: Analysis,
    settings: Settings,
    stages: Sequence[Stage] = DEFAULT_STAGES,
    progress: ProgressFn | None = None,
    timings: dict[str, float] | None = None,
) -> Analysis:
    """``pipeline.analyze`` with the Ray version of each stage that has one."""
    for index, stage in enumerate(stages):
        if progress is not None:
            progress(stage.name, index, len(stages))
        started = time.perf_counter()
        analysis = RAY_STAGES.get(stage.name, stage.run)(analysis, settings)
        if timings is not None:
            timings[stage.name] = time.perf_counter() - started
    if progress is not None:
        progress("done", len(stages), len(stages))
    return analysis


def analyze_paths_ray(
    paths: Sequence[str],
    settings: Settings,
    workspace: Workspace | None = None,
    stages: Sequence[Stage] = DEFAULT_STAGES,
    progress: ProgressFn | None = None,
    timings: dict[str, float] | None = None,
) -> Analysis:
    """``runner.analyze_paths`` on Ray: the same result, ids included."""
    from wirecheck.runner import _cleaner, _unique  # the local run's own clean + dedupe

    init_ray()
    clock = timings if timings is not None else {}
    started = time.perf_counter()
    docs, errors = read_ray(paths, settings)
    clock["read"] = time.perf_counter() - started
    if progress is not None:
        progress("clean", 0, len(docs))
    started = time.perf_counter()
    articles = _unique(_cleaner()(docs, settings.clean))
    clock["clean"] = time.perf_counter() - started
    if workspace is not None:
        workspace.upsert_raw(docs)
        workspace.upsert_articles(articles)
    analysis = Analysis(articles=articles, errors=errors)
    result = analyze_ray(analysis, settings, stages, progress, clock)
    if workspace is not None:
        workspace.save_analysis(result)
    return result


def run_ray(
    paths: Sequence[str],
    out_dir: str | Path,
    db: str | Path | None = None,
    settings: Settings | None = None,
    lists: Sequence[str] = (),
    *,
    stages: Sequence[Stage] = DEFAULT_STAGES,
    progress: ProgressFn | None = None,
) -> RunResult:
    """``runner.run`` (the main job) with the analysis on Ray; same files, same workspace."""
    from wirecheck.runner import (
        RunResult,
        finish_record,
        new_run,
        with_lists,
        write_analysis_json,
        write_briefings,
    )
    from wirecheck.store import Workspace

    settings = with_lists(settings or Settings(), lists)
    out = Path(out_dir)
    record = new_run("run", paths)
    with Workspace.open(db) as workspace:
        workspace.record_run(record)
        analysis = analyze_paths_ray(paths, settings, workspace, stages, progress)
        files = [write_analysis_json(analysis, out), *write_briefings(analysis, out)]
        workspace.record_run(finish_record(record, analysis))
    return RunResult(analysis=analysis, out_dir=out, files=files, run_id=record.id)
