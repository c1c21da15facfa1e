"""The Ray runner gives the local run's results, ids included; its batch steps match the local ones.

The batch-step tests run without Ray (they are plain functions over numpy batches, as Ray
Data calls them). The equivalence tests start a local Ray (2 CPUs) once per module.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from wirecheck.model import Analysis, Article
from wirecheck.settings import Settings


def _article(n: int, text: str) -> Article:
    return Article(id=f"a-{n}", source=f"mem:{n}", body=text)


STORY = (
    "The harbour authority of Port Tamsin said on Monday that a barge loaded with grain ran "
    "aground near the northern channel, blocking traffic for most of the day while tugs "
    "worked to free it. Officials said nobody was hurt and the cargo was intact."
)
OTHER = (
    "A bakery cooperative in the hill town of Vesko opened its third shop, selling rye bread "
    "and honey cakes made with flour from local mills, its chairwoman told reporters."
)


def _first_difference(a: Any, b: Any, path: str = "") -> str:
    """Where two JSON values first differ, with both values (for the assertion message)."""
    if isinstance(a, dict) and isinstance(b, dict):
        for key in sorted(set(a) | set(b)):
            found = _first_difference(a.get(key), b.get(key), f"{path}.{key}")
            if found:
                return found
        return ""
    if isinstance(a, list) and isinstance(b, list):
        for n, (x, y) in enumerate(zip(a, b, strict=False)):
            found = _first_difference(x, y, f"{path}[{n}]")
            if found:
                return found
        return "" if len(a) == len(b) else f"{path}: {len(a)} != {len(b)} items"
    return "" if a == b else f"{path}: {json.dumps(a)[:300]} != {json.dumps(b)[:300]}"


def test_lsh_steps_reproduce_the_local_candidate_pairs() -> None:
    from wirecheck.distributed import bucket_pairs, explode_keys, lsh_batch
    from wirecheck.provenance.candidates import lexical_candidates
    from wirecheck.provenance.minhash import shingle_ids

    settings = Settings().provenance
    texts = [STORY, STORY + " Shipping resumed at night.", OTHER, STORY.upper(), ""]
    arts = [_article(n, t) for n, t in enumerate(texts)]
    batch = {
        "row": np.arange(len(arts), dtype=np.int64),
        "json": np.array([a.model_dump_json() for a in arts], dtype=object),
    }
    out = lsh_batch(batch, settings.model_dump_json())
    flat = explode_keys(out)
    pairs = bucket_pairs(flat)
    found = {(int(i), int(j)) for i, j in zip(pairs["i"], pairs["j"], strict=True)}
    local, _, sigs = lexical_candidates(shingle_ids(texts, settings.shingle_k), settings)
    assert np.array_equal(out["sig"], sigs)
    assert {(int(i), int(j)) for i, j in local} <= found
    assert (0, 1) in found and all(2 not in p and 4 not in p for p in found)


def test_read_batch_reads_every_sample_format(samples_dir: Path) -> None:
    from wirecheck.distributed import read_batch
    from wirecheck.ingest import LazyClient, read_unit
    from wirecheck.settings.ingest import IngestSettings

    files = sorted(str(p) for p in (samples_dir / "corpus").iterdir())
    ingest = IngestSettings()
    out = read_batch({"unit": np.array(files, dtype=object)}, ingest.model_dump_json())
    client = LazyClient(ingest, None)
    expected = [item.model_dump_json() for f in files for item in read_unit(f, ingest, client)]
    assert list(out["json"]) == expected
    assert len(expected) >= 20 and set(out["kind"]) == {"doc"}


@pytest.fixture(scope="module")
def ray_session() -> Any:
    ray = pytest.importorskip("ray")
    from wirecheck.distributed import init_ray

    init_ray(num_cpus=2)
    yield ray
    ray.shutdown()


@pytest.mark.ray
@pytest.mark.slow
def test_ray_run_on_samples_equals_local(
    ray_session: Any, samples_dir: Path, sample_analysis: Analysis, tmp_path: Path
) -> None:
    from wirecheck.distributed import run_ray

    result = run_ray([str(samples_dir / "corpus")], tmp_path)
    written = json.loads((tmp_path / "analysis.json").read_text())
    local = json.loads(json.dumps(sample_analysis.to_json_dict()))
    assert written == local, _first_difference(local, written)
    assert len(result.analysis.stories) >= 3 and result.analysis.claims


@pytest.mark.ray
@pytest.mark.slow
def test_ray_run_on_seeds_equals_local(
    ray_session: Any, seeds_dir: Path, seed_analysis: Analysis
) -> None:
    from wirecheck.distributed import analyze_paths_ray

    timings: dict[str, float] = {}
    remote = analyze_paths_ray([str(seeds_dir)], Settings(), timings=timings)
    a, b = seed_analysis.to_json_dict(), remote.to_json_dict()
    assert a == b, _first_difference(a, b)
    assert {"read", "clean", "provenance", "extract"} <= set(timings)


def test_packed_texts_read_back_exactly() -> None:
    from wirecheck.distributed.tasks import pack_texts, packed_text

    texts = ["", STORY, "Zürich — 70 % «nearly»", OTHER, "数据"]
    packed = pack_texts(texts)
    assert [packed_text(packed, k) for k in range(len(texts))] == texts
    assert packed["blob"].dtype == np.uint8 and packed["offsets"].dtype == np.int64


def test_extract_batch_reads_each_body_once_for_all_its_articles() -> None:
    from wirecheck.distributed.tasks import extract_batch
    from wirecheck.extract import extract_claims
    from wirecheck.settings.extract import ExtractSettings

    supply = (
        "Customs records show that Kestrel Optics supplied 40 thermal cameras to the army of "
        "Doravia last year, the ministry said on Tuesday."
    )
    group = [_article(1, supply), _article(2, supply)]
    rows = [
        json.dumps([a.model_dump_json() for a in group]),
        json.dumps([_article(3, OTHER).model_dump_json()]),
    ]
    out = extract_batch({"json": np.array(rows, dtype=object)}, ExtractSettings().model_dump_json())
    found = [json.loads(row) for row in out["found"]]
    assert [len(row) for row in found] == [2, 1]  # one entry per article of each group
    local = extract_claims([*group, _article(3, OTHER)], ExtractSettings(n_process=1))
    ray_mentions = [m for row in found for item in row for m in item[0]]
    ray_entities = [e for row in found for item in row for e in item[1]]
    assert ray_mentions == [m.model_dump_json() for m in local.mentions]
    assert ray_entities == [e.model_dump_json() for e in local.entity_mentions]
    assert {json.loads(m)["article"] for m in ray_mentions} == {"a-1", "a-2"}


def test_star_steps_hang_a_neighbourhood_off_its_smallest_node() -> None:
    from wirecheck.distributed.components import star_batch

    # node 3 with neighbours 1, 5 and 7 (each pair listed from both ends, as after the shuffle)
    x = np.array([3, 3, 3, 1, 5, 7], dtype=np.int64)
    y = np.array([1, 5, 7, 3, 3, 3], dtype=np.int64)
    large = star_batch({"x": x, "y": y}, large=True)
    assert sorted(zip(large["lo"].tolist(), large["hi"].tolist(), strict=True)) == [
        (1, 3),  # from node 1: its larger neighbour 3 hangs off 1
        (1, 5),
        (1, 7),
    ]
    small = star_batch({"x": x, "y": y}, large=False)
    assert sorted(zip(small["lo"].tolist(), small["hi"].tolist(), strict=True)) == [
        (1, 3),
        (3, 5),
        (3, 7),
    ]


def _union_find_labels(n: int, edges: list[tuple[int, int]]) -> list[int]:
    """The smallest node of each node's component (the local union-find as the oracle)."""
    from wirecheck.provenance.families import UnionFind

    uf = UnionFind([str(k) for k in range(n)])
    for a, b in edges:
        uf.union(str(a), str(b))
    smallest = {m: min(int(x) for x in g) for g in uf.groups() for m in g}
    return [smallest[str(k)] for k in range(n)]


@pytest.mark.ray
@pytest.mark.slow
def test_connected_components_on_ray_match_union_find(ray_session: Any) -> None:
    from wirecheck.distributed.components import connected_components_ray

    rng = np.random.default_rng(7)
    n = 600
    order = rng.permutation(n)  # node numbers shuffled so that chains zigzag
    edges = [(int(order[k]), int(order[k + 1])) for k in range(150)]  # a 151-node chain
    edges += [(int(order[200]), int(order[k])) for k in range(201, 260)]  # a star
    edges += [(int(a), int(b)) for a, b in rng.integers(300, 600, size=(120, 2))]  # random
    labels = connected_components_ray(n, np.array(edges, dtype=np.int64))
    assert labels.tolist() == _union_find_labels(n, edges)


REALDEV = Path(__file__).resolve().parents[2] / "shared" / "realdev"


def _clusterings(articles: list[Article]) -> tuple[list[list[int]], list[list[int]], int]:
    """The story clustering of ``articles`` in this process and on Ray, and how many texts
    were weighed within a topic."""
    from wirecheck.distributed.components import cluster_components_ray
    from wirecheck.provenance.build import (
        candidate_pairs_for,
        cluster_views,
        pair_link,
        story_links,
    )
    from wirecheck.provenance.edges import evaluate
    from wirecheck.provenance.families import build_families
    from wirecheck.provenance.topics import topic_weights
    from wirecheck.provenance.views import attach_lead_vectors, make_views

    s = Settings().provenance
    views = make_views(articles, s.shingle_k, s.lead_sentences)
    attach_lead_vectors(views, s.embed_dims, s.lead_sentences)
    pairs, jaccard = candidate_pairs_for(views, s)
    results = evaluate(views, pairs, s, jaccard)
    edges = [r.derivation for r in results if r.derivation is not None]
    index = {v.id: k for k, v in enumerate(views)}
    units = [[index[a] for a in f.articles] for f in build_families(articles, edges)]
    pairs_ij = np.array([(r.i, r.j) for r in results], dtype=np.int64)
    weights = topic_weights(
        [v.keys for v in views], pairs_ij, [v.content for v in views], s.topic_resolution
    )
    probs = [pair_link(views, r, weights) for r in results]
    links = list(story_links(results, probs, s.story_pair_min))
    local = cluster_views(views, links, units, s.story_link_min, weights)
    remote = cluster_components_ray(views, links, units, s.story_link_min, weights)
    return local, remote, len(weights.topic_of)


@pytest.mark.ray
@pytest.mark.slow
def test_story_clustering_per_component_equals_the_local_clustering(
    ray_session: Any, tmp_path: Path
) -> None:
    from wirecheck.runner import ingest_paths
    from wirecheck.synth import write_corpus

    write_corpus(400, tmp_path / "corpus", seed=3)
    articles = ingest_paths([str(tmp_path / "corpus")], Settings()).articles
    local, remote, _ = _clusterings(articles)
    assert remote == local
    assert sum(len(g) > 1 for g in local) >= 20  # many multi-text stories were clustered


@pytest.mark.ray
@pytest.mark.slow
def test_story_clustering_on_ray_weighs_keys_per_topic_as_the_local_one(ray_session: Any) -> None:
    """Real coverage of three topics in many languages: its texts are weighed per topic
    (the generated corpus is English), and each Ray task gets its texts' topics."""
    from wirecheck.runner import ingest_paths

    if not REALDEV.is_dir():
        pytest.fail(f"realdev not found at {REALDEV} (CI provides ../shared)")
    articles = ingest_paths([str(REALDEV)], Settings()).articles
    local, remote, grouped = _clusterings(articles)
    assert grouped >= 100  # most of the pile is near a text in another language
    assert remote == local
