"""The semantic channel on own labelled pairs (wirecheck.provenance.calibration).

These are the measurements the thresholds in settings/provenance.py rest on; if the
static model or the thresholds change, these tests say whether the choice still holds.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import pytest

from wirecheck.provenance.calibration import REWRITES, SAME_EVENT, UNRELATED
from wirecheck.provenance.static_model import static_model
from wirecheck.settings.provenance import ProvenanceSettings

SETTINGS = ProvenanceSettings()


def _cosines(pairs: list[tuple[str, str]]) -> npt.NDArray[np.float32]:
    model = static_model(SETTINGS.embed_dims)
    a = model.encode([x for x, _ in pairs])
    b = model.encode([y for _, y in pairs])
    return np.asarray((a * b).sum(axis=1), dtype=np.float32)


@pytest.fixture(scope="module")
def cosines() -> dict[str, npt.NDArray[np.float32]]:
    return {"rw": _cosines(REWRITES), "se": _cosines(SAME_EVENT), "un": _cosines(UNRELATED)}


def test_rewrites_rank_above_same_event_statements(
    cosines: dict[str, npt.NDArray[np.float32]],
) -> None:
    rw, se = cosines["rw"], cosines["se"]
    auc = float((rw[:, None] > se[None, :]).mean())
    assert auc >= 0.95


def test_alignment_threshold_splits_rewrites_from_other_statements(
    cosines: dict[str, npt.NDArray[np.float32]],
) -> None:
    thr = SETTINGS.align_semantic_min
    assert (cosines["rw"] >= thr).mean() >= 0.75
    assert (cosines["se"] >= thr).mean() <= 0.1
    assert (cosines["un"] >= thr).mean() == 0.0


def test_unrelated_news_stays_below_neighbour_floor(
    cosines: dict[str, npt.NDArray[np.float32]],
) -> None:
    assert cosines["un"].max() < SETTINGS.knn_min_cosine
    assert np.median(cosines["se"]) >= SETTINGS.knn_min_cosine


def test_static_model_is_deterministic_and_unit_length() -> None:
    model = static_model(SETTINGS.embed_dims)
    v1 = model.encode(["Customs officers seized a cargo of drone engines."])
    v2 = model.encode(["Customs officers seized a cargo of drone engines."])
    assert np.allclose(v1, v2)
    assert abs(float(np.linalg.norm(v1[0])) - 1.0) < 1e-3
    assert v1.shape[1] == SETTINGS.embed_dims
