"""Stories and provenance: which texts copy which, origin families, stories.

Public entry point: :func:`build_provenance`. The batch steps (``shingle_ids``,
``minhash_signatures``, ``band_keys``, ``candidate_pairs``) are pure functions a
distributed runner can call inside ``map_batches``.
"""

from wirecheck.provenance.build import ProvenanceResult, build_provenance
from wirecheck.provenance.minhash import band_keys, candidate_pairs, minhash_signatures, shingle_ids

__all__ = [
    "ProvenanceResult",
    "band_keys",
    "build_provenance",
    "candidate_pairs",
    "minhash_signatures",
    "shingle_ids",
]
