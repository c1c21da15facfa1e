"""Provenance benchmark: MinHash speed vs datasketch, LSH recall vs brute force, whole stage.

Corpus: ``wirecheck.synth`` (invented stories, each with 1-4 independent origins, verbatim
copies, excerpts, paraphrased and reordered rewrites, summaries; copy sites reuse their
stock paragraph across unrelated stories). Articles are built from the generator's
records as a perfect cleaner would leave them (title, date, outlet, content paragraphs),
except that a copy site's stock paragraph is left in the body: a shared background
paragraph across unrelated stories, the hard negative for story chaining.

1. ``minhash_signatures_per_s``: ours (one-permutation hashing, batch numpy) against
   ``datasketch.MinHash`` (``update_batch``, same shingles as 32-bit ints, same num_perm),
   in the same run; the classic ``(a*x+b) mod p`` variant of ours is reported too.
2. ``lsh_recall_at_j08``: share of the pairs with true Jaccard >= 0.8 (brute force: sparse
   doc x shingle product over all pairs) that banded LSH proposes, on 5,000 documents.
3. ``provenance_stage_s`` on 100,000 articles with peak memory, and family / story pair
   precision and recall against the generator's gold.

    .venv/bin/python -m bench.bench_provenance [--quick]  ->  bench/results/provenance.json
"""

from __future__ import annotations

import argparse
import itertools
import time
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import numpy as np

from bench.common import peak_rss_mb, result, write_results
from wirecheck.model import Article, RemovalReason, RemovedLine, stable_id
from wirecheck.provenance import build_provenance, minhash_signatures, shingle_ids
from wirecheck.provenance.minhash import band_keys, candidate_pairs
from wirecheck.settings.provenance import ProvenanceSettings

FULL_STAGE, QUICK_STAGE = 100_000, 2_000
LSH_DOCS, QUICK_LSH_DOCS = 5_000, 1_000
PEER_DOCS = 1_000  # datasketch is measured on this many docs (rate in docs/s)
STAGE_BUDGET_S, MEMORY_BUDGET_MB = 600.0, 4096.0
ROUNDS = 3


def synthetic_articles(n: int, seed: int = 7) -> tuple[list[Article], dict[str, tuple[int, int]]]:
    """``n`` articles and, per article id, its gold (story, family) numbers."""
    from wirecheck.synth.generate import stories

    arts: list[Article] = []
    gold: dict[str, tuple[int, int]] = {}
    for index, _, docs, names in stories(n, seed):
        for doc, name in zip(docs, names, strict=True):
            paras = [p.text for p in doc.paras]
            stock = [t for t in doc.tail if t.startswith("Markets and trade routes")]
            body = "\n\n".join(paras + stock)
            removed = [RemovedLine(text=k, reason=RemovalReason.SUMMARY) for k in doc.key_points]
            art = Article(
                id=stable_id("a", name, body),
                source=name,
                title=doc.title,
                date=doc.date,
                outlet=doc.outlet,
                body=body,
                removed=removed,
            )
            arts.append(art)
            gold[art.id] = (index, index * 10 + doc.family)
    return arts, gold


def pair_scores(predicted: Iterable[Sequence[str]], truth: dict[str, int]) -> tuple[float, float]:
    """Pairwise precision and recall of a grouping against gold group numbers."""
    pred_pairs = 0
    good = 0
    for group in predicted:
        pred_pairs += len(group) * (len(group) - 1) // 2
        good += sum(1 for a, b in itertools.combinations(group, 2) if truth[a] == truth[b])
    sizes: dict[int, int] = {}
    for g in truth.values():
        sizes[g] = sizes.get(g, 0) + 1
    gold_pairs = sum(s * (s - 1) // 2 for s in sizes.values())
    precision = good / pred_pairs if pred_pairs else 1.0
    recall = good / gold_pairs if gold_pairs else 1.0
    return round(precision, 4), round(recall, 4)


def _rate(fn: Callable[[], object], n: int) -> float:
    t = time.perf_counter()
    fn()
    return n / (time.perf_counter() - t)


def bench_minhash(shingles: list[np.ndarray], num_perm: int) -> list[dict[str, Any]]:
    """Ours and the peer alternate ``ROUNDS`` times on the same input; the best round of each
    counts, so a burst of load from other processes does not decide the ratio."""
    import datasketch
    from datasketch import MinHash

    peer_input = [(s & np.uint64(0xFFFFFFFF)).tolist() for s in shingles[:PEER_DOCS]]
    peer_input_arrays = shingles[:PEER_DOCS]

    def peer() -> None:
        for values in peer_input:
            MinHash(num_perm=num_perm, seed=1, hashfunc=int).update_batch(values)

    ours, classic, theirs = 0.0, 0.0, 0.0
    for _ in range(ROUNDS):
        ours = max(ours, _rate(lambda: minhash_signatures(shingles, num_perm, 1), len(shingles)))
        classic = max(
            classic,
            _rate(
                lambda: minhash_signatures(peer_input_arrays, num_perm, 1, method="universal"),
                len(peer_input),
            ),
        )
        theirs = max(theirs, _rate(peer, len(peer_input)))
    peer_name = f"datasketch {datasketch.__version__} MinHash.update_batch (affine32)"
    return [
        result(
            "minhash_signatures_per_s",
            round(ours, 1),
            "docs/s",
            peer_name,
            round(theirs, 1),
            ">= 10 x peer",
            ours >= 10 * theirs,
        ),
        result(
            "minhash_universal_signatures_per_s",
            round(classic, 1),
            "docs/s",
            peer_name,
            round(theirs, 1),
            "reported ((a*x+b) mod p variant)",
            True,
        ),
    ]


def bench_lsh(shingles: list[np.ndarray], settings: ProvenanceSettings) -> list[dict[str, Any]]:
    from scipy import sparse  # type: ignore[import-untyped]

    sigs = minhash_signatures(shingles, settings.num_perm, settings.minhash_seed)
    found = {tuple(p) for p in candidate_pairs(band_keys(sigs, settings.lsh_bands)).tolist()}
    vocab: dict[int, int] = {}
    rows, cols = [], []
    for i, s in enumerate(shingles):
        for x in s.tolist():
            rows.append(i)
            cols.append(vocab.setdefault(x, len(vocab)))
    m = sparse.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)))
    inter = sparse.triu(m @ m.T, k=1).tocoo()
    sizes = np.array([s.size for s in shingles], dtype=np.float64)
    jac = inter.data / (sizes[inter.row] + sizes[inter.col] - inter.data)
    truth = [
        (int(a), int(b)) for a, b, j in zip(inter.row, inter.col, jac, strict=True) if j >= 0.8
    ]
    hit = sum(1 for p in truth if p in found)
    recall = hit / len(truth) if truth else 1.0
    return [
        result(
            "lsh_recall_at_j08",
            round(recall, 4),
            "share of pairs",
            "brute force (exact)",
            1.0,
            ">= 0.95",
            recall >= 0.95,
        ),
        result("lsh_true_pairs_j08", len(truth), "pairs"),
        result("lsh_candidate_pairs", len(found), "pairs"),
    ]


def bench_stage(n: int, settings: ProvenanceSettings) -> list[dict[str, Any]]:
    arts, gold = synthetic_articles(n)
    rss_before = peak_rss_mb()
    t, cpu = time.perf_counter(), time.process_time()
    out = build_provenance(arts, settings)
    elapsed, cpu = time.perf_counter() - t, time.process_time() - cpu
    fam_p, fam_r = pair_scores(
        (f.articles for s in out.stories for f in s.families), {a: g[1] for a, g in gold.items()}
    )
    st_p, st_r = pair_scores((s.articles for s in out.stories), {a: g[0] for a, g in gold.items()})
    peak = peak_rss_mb()
    return [
        result(
            "provenance_stage_s",
            round(elapsed, 1),
            "s",
            target=f"<= {STAGE_BUDGET_S:.0f} s",
            met=elapsed <= STAGE_BUDGET_S * n / FULL_STAGE,
        ),
        result(
            "provenance_stage_cpu_s",
            round(cpu, 1),
            "s (process CPU)",
            target="reported: wall time depends on other load on the machine",
        ),
        result("provenance_articles_per_s", round(n / elapsed, 1), "articles/s"),
        result(
            "peak_rss_before_stage_mb",
            rss_before,
            "MB",
            target="reported: generated corpus held in memory",
        ),
        result(
            "peak_rss_mb",
            peak,
            "MB",
            target=f"<= {MEMORY_BUDGET_MB:.0f} MB",
            met=peak <= MEMORY_BUDGET_MB,
        ),
        result("family_pair_precision", fam_p, "pairwise", target=">= 0.9", met=fam_p >= 0.9),
        result("family_pair_recall", fam_r, "pairwise", target=">= 0.9", met=fam_r >= 0.9),
        result("story_pair_precision", st_p, "pairwise", target=">= 0.9", met=st_p >= 0.9),
        result("story_pair_recall", st_r, "pairwise", target=">= 0.9", met=st_r >= 0.9),
        result("stage_articles", n, "articles"),
        result("stage_candidate_pairs", out.counts.get("candidate_pairs", 0), "pairs"),
        result("stage_derivations", out.counts.get("derivations", 0), "edges"),
    ]


def main(quick: bool = False) -> dict[str, Any]:
    settings = ProvenanceSettings()
    n_lsh = QUICK_LSH_DOCS if quick else LSH_DOCS
    n_stage = QUICK_STAGE if quick else FULL_STAGE
    arts, _ = synthetic_articles(n_lsh, seed=11)
    shingles = shingle_ids([a.body for a in arts], settings.shingle_k)
    results = bench_minhash(shingles, settings.num_perm)
    results += bench_lsh(shingles, settings)
    results += bench_stage(n_stage, settings)
    corpus = (
        f"wirecheck.synth: {n_lsh} articles (MinHash, LSH), {n_stage} articles (stage); "
        "bodies as a perfect cleaner leaves them plus copy sites' stock paragraph"
    )
    path = write_results("provenance", corpus, results)
    data: dict[str, Any] = {
        "benchmark": "provenance",
        "corpus": corpus,
        "results": results,
        "path": str(path),
    }
    return data


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    for row in main(quick=args.quick)["results"]:
        print(
            f"{row['metric']:40s} {row['value']!s:>12} {row['unit']:14s} "
            f"peer={row['peer_value']} ratio={row['ratio']} met={row['met']}"
        )
