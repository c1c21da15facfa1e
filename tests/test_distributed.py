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
