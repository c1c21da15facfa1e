"""Shingles, MinHash and LSH: the vectorised batch functions against exact computations."""

from __future__ import annotations

from typing import Any

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from wirecheck.provenance import candidates
from wirecheck.provenance.candidates import marker_candidates, semantic_candidates
from wirecheck.provenance.generic import marks_a_week
from wirecheck.provenance.minhash import (
    band_keys,
    candidate_pairs,
    estimated_jaccard,
    in_sorted,
    kgram_hashes,
    minhash_signatures,
    shingle_ids,
    token_hashes,
)
from wirecheck.settings.provenance import ProvenanceSettings


def test_token_hashes_are_case_and_punctuation_blind() -> None:
    a = token_hashes("Port of Valmora, closed!")
    b = token_hashes("port of  valmora closed")
    assert a.size == 4 and np.array_equal(a, b)
    assert len(set(a.tolist())) == 4


def test_kgrams_and_short_texts() -> None:
    toks = token_hashes("one two three four five six")
    assert kgram_hashes(toks, 5).size == 2
    assert kgram_hashes(token_hashes("just three words"), 5).size == 1
    assert shingle_ids([""])[0].size == 0


def test_quotes_do_not_make_shingles() -> None:
    quoted = 'The minister said "we will act against every single one of them" on Monday.'
    plain = "The minister said on Monday."
    q, p = shingle_ids([quoted, plain], k=3)
    assert set(q.tolist()) <= set(p.tolist()) | set(
        shingle_ids([quoted], k=3, skip_quotes=True)[0].tolist()
    )
    assert q.size < shingle_ids([quoted], k=3, skip_quotes=False)[0].size


@settings(max_examples=30, deadline=None)
@given(n=st.integers(50, 400), share=st.floats(0.1, 0.95), seed=st.integers(0, 1000))
def test_signature_estimates_jaccard(n: int, share: float, seed: int) -> None:
    rng = np.random.default_rng(seed)
    base = np.unique(rng.integers(0, 2**63, size=n).astype(np.uint64))
    cut = int(base.size * share)
    other = np.unique(
        np.concatenate([base[:cut], rng.integers(0, 2**63, size=base.size - cut).astype(np.uint64)])
    )
    exact = len(set(base.tolist()) & set(other.tolist())) / len(
        set(base.tolist()) | set(other.tolist())
    )
    for method in ("oph", "universal"):
        sigs = minhash_signatures([base, other], num_perm=256, seed=seed, method=method)
        est = estimated_jaccard(sigs, np.array([[0, 1]]))[0]
        assert abs(est - exact) < 0.15, (method, est, exact)


def test_batch_result_does_not_depend_on_batch_composition() -> None:
    rng = np.random.default_rng(3)
    docs = [
        np.unique(rng.integers(0, 2**63, size=s).astype(np.uint64)) for s in (5, 80, 300, 0, 40)
    ]
    whole = minhash_signatures(docs, 64, 7)
    for i, doc in enumerate(docs):
        assert np.array_equal(minhash_signatures([doc], 64, 7)[0], whole[i])
    assert (whole[3] == np.iinfo(np.uint32).max).all()  # empty doc


def test_lsh_finds_near_duplicates_and_not_strangers() -> None:
    words = [f"w{i}" for i in range(3000)]
    rng = np.random.default_rng(0)
    texts = [" ".join(rng.choice(words, 300)) for _ in range(40)]
    near = texts[0].split()
    near[10:20] = ["edited"] * 10
    texts.append(" ".join(near))
    sigs = minhash_signatures(shingle_ids(texts), 128, 1)
    pairs = candidate_pairs(band_keys(sigs, 32))
    assert [0, 40] in pairs.tolist()
    assert len(pairs) <= 3  # random texts share no 5-word shingles


def test_candidate_pairs_use_global_ids() -> None:
    keys = np.array([[1, 2], [1, 3], [4, 3]], dtype=np.uint64)
    pairs = candidate_pairs(keys, doc_ids=np.array([10, 20, 30]))
    assert pairs.tolist() == [[10, 20], [20, 30]]


def test_semantic_candidates_respect_date_window() -> None:
    v = np.array([[1, 0], [0.99, 0.141], [1, 0], [0, 1]], dtype=np.float32)
    v /= np.linalg.norm(v, axis=1, keepdims=True)
    days = np.array([100, 101, 200, -1])
    pairs, sims = semantic_candidates(v, days, ProvenanceSettings(knn_k=3, knn_min_cosine=0.5))
    assert pairs.tolist() == [[0, 1]]  # doc 2 is out of the window; doc 3 is orthogonal
    assert sims[0] > 0.9


def _brute_force_neighbours(
    v: np.ndarray, days: np.ndarray, settings: ProvenanceSettings
) -> set[tuple[int, int]]:
    """Each row's knn_k best columns in the window, ties to the lowest index, exactly."""
    found: set[tuple[int, int]] = set()
    for i in range(len(v)):
        scored = []
        for j in range(len(v)):
            apart = days[i] != -1 and days[j] != -1 and abs(days[i] - days[j]) > 3
            score = float(v[i] @ v[j])
            if j != i and not apart and score >= settings.knn_min_cosine:
                scored.append((-score, j))
        found |= {(min(i, j), max(i, j)) for _, j in sorted(scored)[: settings.knn_k]}
    return found


def test_semantic_neighbours_do_not_depend_on_the_blocking(monkeypatch: Any) -> None:
    """Copies share one lead vector, so many columns tie: a row keeps the lowest indices
    whatever rows share its block and however few cells a block may hold (the cell budget
    bounds memory on large corpora: rows without a date compare with every article)."""
    rng = np.random.default_rng(5)
    base = rng.normal(size=(12, 8)).astype(np.float32)
    v = base[rng.integers(0, 12, size=90)]  # 90 texts, many exact copies of 12 vectors
    v /= np.linalg.norm(v, axis=1, keepdims=True)
    days = rng.integers(100, 110, size=90)
    days[rng.random(90) < 0.2] = -1
    settings = ProvenanceSettings(knn_k=3, knn_min_cosine=0.2)
    expected = _brute_force_neighbours(v, days, settings)
    for rows, cells in ((2048, 1 << 23), (7, 1 << 23), (64, 100), (1, 1)):
        monkeypatch.setattr(candidates, "_BLOCK", rows)
        monkeypatch.setattr(candidates, "_MAX_CELLS", cells)
        pairs, sims = semantic_candidates(v, days, settings)
        assert {tuple(p) for p in pairs.tolist()} == expected
        assert np.allclose(sims, [v[i] @ v[j] for i, j in pairs.tolist()], atol=1e-6)


def test_marker_candidates_need_fewer_markers_when_both_dates_agree() -> None:
    """Three rare names link two texts dated within the window; with an undated side they
    need four (no date to confirm the occasion); dated far apart, none links them."""
    three = ["ada morrow", "brask optics", "veloria"]
    four = [*three, "harrow"]
    markers = [three, three, three, four, four, three, three]
    days = np.array([100, 102, 200, -1, 101, -1, 300])
    pairs = marker_candidates(markers, days, ProvenanceSettings(), days, days).tolist()
    assert [0, 1] in pairs  # three markers, dates two days apart
    assert [3, 4] in pairs  # four markers, one side undated
    assert [0, 5] not in pairs and [1, 5] not in pairs  # three markers, undated side
    assert [0, 2] not in pairs and [2, 6] not in pairs  # dated too far apart
    lent = np.array([100, 102, 200, -1, 101, 101, 300])  # text 5 shows a date lent to it
    pairs = marker_candidates(markers, days, ProvenanceSettings(), lent, lent).tolist()
    assert [0, 5] in pairs and [1, 5] in pairs and [2, 5] not in pairs


def test_names_common_over_a_year_still_pair_the_texts_of_their_own_days() -> None:
    """Each firm and official recurs in several stories of a year (more texts than the
    batch-wide cap), but within a few days they name one event: those texts pair, texts
    weeks apart do not, and a place common within the week never counts."""
    names = ["brask optics", "ada morrow", "harrow lens works", "veloria"]
    days = np.array([100, 101, 130, 131, 160, 161, 190, 191, 220, 221], dtype=np.int64)
    markers = [names] * len(days)
    capped = ProvenanceSettings(marker_max_df=4)
    pairs = marker_candidates(markers, days, capped, days, days).tolist()
    assert pairs == [[0, 1], [2, 3], [4, 5], [6, 7], [8, 9]]  # each event's own two texts
    # one name, a country and a year: the beat's markers do not make up the three
    place_only = [["chile", "brask optics", "2025"]] * len(days)
    assert marker_candidates(place_only, days, capped, days, days).size == 0
    # a name common within its days too (more than the cap around one day) is left out
    crowded = np.array([100, 100, 101, 101, 102, 102, 130, 131, 160, 161], dtype=np.int64)
    pairs = marker_candidates(markers, crowded, capped, crowded, crowded).tolist()
    assert [0, 1] not in pairs and [6, 7] in pairs and [8, 9] in pairs
    # texts with no date of their own may be of any day: they count in every window
    undated = np.array([100, 101, -1, -1, -1, 161, 190, 191, 220, 221], dtype=np.int64)
    assert marker_candidates(markers, undated, capped, undated, undated).tolist() == []
    # ... but a date taken whole from a similar text (an original whose copies print the
    # date) places it: the texts of one event pair again; a text of no date at all does not
    taken = np.array([100, 101, 130, 131, -1, 161, 190, 191, 220, 221], dtype=np.int64)
    pairs = marker_candidates(markers, undated, capped, taken, taken).tolist()
    assert [0, 1] in pairs and [2, 3] in pairs and [6, 7] in pairs
    assert not any(4 in pair for pair in pairs)
    # words every week's bodies are named with are not a week's marks: an office, a legal
    # form, a weekday; with one shared figure that is short of the three a pair needs (each
    # text also carries a name of its own event)
    beat = ["council", "ltd", "dynamics", "1200", "tuesday"]
    offices = [[*beat, f"zorvane{chr(97 + k)}"] for k in range(len(days))]
    assert marker_candidates(offices, days, capped, days, days).size == 0


def test_a_week_is_marked_by_names_and_figures_not_by_words() -> None:
    assert marks_a_week("zorvane") and marks_a_week("brask optics") and marks_a_week("4.2m")
    for word in ("council", "institute", "minister", "tuesday", "grace", "ltd", "bhd"):
        assert not marks_a_week(word), word


def test_figures_common_over_a_year_pair_the_texts_of_their_own_days() -> None:
    """An event's own reports share one name and its figures, each recurring in other
    weeks' stories: within their days those pair the texts (the 100k year's split stories)."""
    days = np.array([100, 101, 130, 131, 160, 161], dtype=np.int64)
    markers = [["brask optics", "4.2m", "350"]] * len(days)
    capped = ProvenanceSettings(marker_max_df=4)
    assert marker_candidates(markers, days, capped, days, days).tolist() == [[0, 1], [2, 3], [4, 5]]


@settings(max_examples=50, deadline=None)
@given(
    st.lists(st.integers(0, 40), max_size=60),
    st.lists(st.integers(0, 40), max_size=60),
)
def test_in_sorted_matches_isin(values: list[int], members: list[int]) -> None:
    x = np.array(values, dtype=np.uint64)
    ys = np.unique(np.array(members, dtype=np.uint64))
    assert np.array_equal(in_sorted(x, ys), np.isin(x, ys))


def test_estimated_jaccard_is_the_same_in_chunks() -> None:
    rng = np.random.default_rng(3)
    sigs = rng.integers(0, 4, size=(50, 16)).astype(np.uint64)
    pairs = np.array([(i, j) for i in range(50) for j in range(i + 1, 50)], dtype=np.int64)
    whole = (sigs[pairs[:, 0]] == sigs[pairs[:, 1]]).mean(axis=1)
    assert np.array_equal(estimated_jaccard(sigs, pairs, chunk=7), whole)
    assert np.array_equal(estimated_jaccard(sigs, pairs), whole)
    assert estimated_jaccard(sigs, np.zeros((0, 2), dtype=np.int64)).size == 0


@settings(max_examples=100, deadline=None)
@given(
    st.floats(-1.0, 1.0),
    st.floats(0.0, 1.0),
    st.floats(0.0, 1.0),
    st.one_of(st.none(), st.integers(0, 40)),
)
def test_story_score_without_explanation_is_the_explained_score(
    cos: float, markers: float, specific: float, apart: int | None
) -> None:
    from wirecheck.provenance.story_features import combine, combine_score

    explained = combine(cos, markers, specific, apart).score
    assert combine_score(cos, markers, specific, apart) == explained
