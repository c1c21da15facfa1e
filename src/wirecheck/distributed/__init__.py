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

from wirecheck.distributed.run import (
    RAY_STAGES,
    analyze_paths_ray,
    analyze_ray,
    init_ray,
    run_ray,
)
from wirecheck.distributed.stages import (
    evaluate_ray,
    extract_ray,
    lexical_pairs_ray,
    provenance_ray,
    read_ray,
)
from wirecheck.distributed.tasks import (
    bucket_pairs,
    evaluate_batch,
    explode_keys,
    extract_batch,
    lsh_batch,
    read_batch,
)

__all__ = [
    "RAY_STAGES",
    "analyze_paths_ray",
    "analyze_ray",
    "bucket_pairs",
    "evaluate_batch",
    "evaluate_ray",
    "explode_keys",
    "extract_batch",
    "extract_ray",
    "init_ray",
    "lexical_pairs_ray",
    "lsh_batch",
    "provenance_ray",
    "read_batch",
    "read_ray",
    "run_ray",
]
