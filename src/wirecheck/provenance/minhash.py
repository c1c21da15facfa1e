"""Word shingles, MinHash signatures and banded LSH, vectorised over whole batches.

Every function is pure and works on a batch (no global state), so a Ray runner can
call them inside ``map_batches`` and shuffle by band key. Shingle hashing and MinHash
are numpy over the concatenated batch: no Python loop per token or per shingle.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from wirecheck.provenance.text import mask_quotes

U64 = npt.NDArray[np.uint64]
MERSENNE = np.uint64((1 << 61) - 1)
MAX_HASH = np.uint64((1 << 32) - 1)
_BYTE_PRIME = np.uint64(0x100000001B3)  # FNV-1a 64-bit prime, used as polynomial base
_MIX = np.uint64(0x9E3779B97F4A7C15)  # golden-ratio constant, decorrelates k-gram positions
_MAX_WORD = 48  # bytes of a word that enter its hash (longer words are cut, rare)
_EMPTY = np.zeros(0, dtype=np.uint64)


def _word_mask(buf: npt.NDArray[np.uint8]) -> npt.NDArray[np.bool_]:
    """Word bytes: ASCII letters/digits and every non-ASCII byte (UTF-8 letters)."""
    return ((buf >= 48) & (buf <= 57)) | ((buf >= 97) & (buf <= 122)) | (buf >= 128)


def token_hashes(text: str) -> U64:
    """64-bit hashes of the lower-cased words of ``text`` (polynomial byte hash, numpy)."""
    buf = np.frombuffer(text.lower().encode("utf-8"), dtype=np.uint8)
    if buf.size == 0:
        return _EMPTY
    mask = _word_mask(buf)
    starts = np.flatnonzero(mask & ~np.concatenate(([False], mask[:-1])))
    if starts.size == 0:
        return _EMPTY
    idx = np.flatnonzero(mask)
    word_no = np.cumsum(mask & ~np.concatenate(([False], mask[:-1])))[idx] - 1
    offset = idx - starts[word_no]
    keep = offset < _MAX_WORD
    powers = _BYTE_PRIME ** np.arange(_MAX_WORD, dtype=np.uint64)
    with np.errstate(over="ignore"):
        terms = (buf[idx[keep]].astype(np.uint64) + np.uint64(1)) * powers[offset[keep]]
        sums = np.zeros(starts.size, dtype=np.uint64)
        np.add.at(sums, word_no[keep], terms)
    return sums


def kgram_hashes(tokens: U64, k: int) -> U64:
    """Hashes of all k-grams of a token-hash sequence (a doc shorter than k gives one gram)."""
    if tokens.size == 0:
        return _EMPTY
    if tokens.size < k:
        k = int(tokens.size)
    n = tokens.size - k + 1
    out = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j in range(k):  # loop over k positions (k ~ 5), vectorised over grams
            out = (out ^ tokens[j : j + n]) * _MIX + np.uint64(j + 1)
    return out


def shingle_ids(texts: Sequence[str], k: int = 5, skip_quotes: bool = True) -> list[U64]:
    """Unique word k-gram shingle ids of every text (quotations blanked out by default)."""
    out: list[U64] = []
    for text in texts:
        source = mask_quotes(text) if skip_quotes else text
        out.append(np.unique(kgram_hashes(token_hashes(source), k)))
    return out


def mix64(x: U64, seed: int = 0) -> U64:
    """splitmix64 finaliser: a fixed, well-spread bijection of 64-bit values."""
    with np.errstate(over="ignore"):
        z = x ^ np.uint64((seed * 0x9E3779B97F4A7C15) & 0xFFFFFFFFFFFFFFFF)
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        return z ^ (z >> np.uint64(31))


def minhash_signatures(
    shingle_arrays: Sequence[U64], num_perm: int = 128, seed: int = 1, method: str = "oph"
) -> U64:
    """(n_docs, num_perm) MinHash signatures of a batch; an empty doc gets all-MAX.

    ``method="oph"`` (default): one-permutation hashing with optimal densification
    (Li et al. 2012; Shrivastava 2017). Each shingle is hashed once; its top bits pick
    one of ``num_perm`` bins and the doc keeps the minimum per bin; empty bins borrow
    from a bin chosen by a hash of (bin, attempt), the same for every doc, so that
    collisions still estimate Jaccard. Work is O(shingles), not O(shingles*num_perm).
    ``method="universal"``: classic ``(a*x+b) mod p`` per permutation, broadcast and
    min-reduced with ``np.minimum.reduceat`` (kept as the textbook reference).
    """
    if method == "universal":
        return _universal_signatures(shingle_arrays, num_perm, seed)
    sizes = np.array([arr.size for arr in shingle_arrays], dtype=np.int64)
    flat = np.concatenate(list(shingle_arrays)) if len(shingle_arrays) else _EMPTY
    hashed = mix64(flat.astype(np.uint64, copy=False), seed)
    doc = np.repeat(np.arange(len(shingle_arrays), dtype=np.int64), sizes)
    if num_perm & (num_perm - 1) == 0:  # power of two: a mask instead of a modulo
        bins = (hashed & np.uint64(num_perm - 1)).view(np.int64)
    else:
        bins = (hashed % np.uint64(num_perm)).view(np.int64)
    values = hashed >> np.uint64(32)  # 32-bit values, independent of the low bin bits
    sigs = np.full(len(shingle_arrays) * num_perm, MAX_HASH, dtype=np.uint64)
    doc *= num_perm
    doc += bins
    np.minimum.at(sigs, doc, values)
    out: U64 = sigs.reshape(len(shingle_arrays), num_perm)
    _densify(out, sizes > 0, seed)
    return out


def _densify(sigs: U64, nonempty: npt.NDArray[np.bool_], seed: int, attempts: int = 64) -> None:
    """Fill empty bins (in place) from other bins picked by hash(bin, attempt), doc-independent.

    The pick table is computed once; the (doc, bin) entries still empty shrink every attempt
    (each succeeds with the fill rate), so the work is a small multiple of the empty bins."""
    num_perm = sigs.shape[1]
    filled = sigs != MAX_HASH
    rows, cols = np.nonzero(~filled & nonempty[:, None])
    if rows.size == 0:
        return
    base = np.arange(attempts * num_perm, dtype=np.uint64)
    picks = (mix64(base, seed + 7) % np.uint64(num_perm)).astype(np.int64).reshape(attempts, -1)
    for attempt in range(attempts):
        src = picks[attempt, cols]
        ok = filled[rows, src]
        sigs[rows[ok], cols[ok]] = sigs[rows[ok], src[ok]]
        rows, cols = rows[~ok], cols[~ok]
        if rows.size == 0:
            break


def permutations(num_perm: int, seed: int) -> tuple[U64, U64]:
    """Coefficients ``a`` (non-zero) and ``b`` of the universal hashes ``(a*x+b) mod p``."""
    rng = np.random.RandomState(seed)
    a = rng.randint(1, int(MERSENNE), size=num_perm, dtype=np.uint64)
    b = rng.randint(0, int(MERSENNE), size=num_perm, dtype=np.uint64)
    return a, b


def _universal_signatures(
    shingle_arrays: Sequence[U64], num_perm: int, seed: int, chunk: int = 1 << 15
) -> U64:
    """Classic MinHash; memory stays ~``chunk * num_perm * 8`` bytes per step."""
    a, b = permutations(num_perm, seed)
    sizes = np.array([arr.size for arr in shingle_arrays], dtype=np.int64)
    sigs = np.full((len(shingle_arrays), num_perm), MAX_HASH, dtype=np.uint64)
    for lo, hi in _doc_chunks(sizes, chunk):
        nonempty = np.flatnonzero(sizes[lo:hi]) + lo
        if nonempty.size == 0:
            continue
        flat = mix64(np.concatenate([shingle_arrays[int(i)] for i in nonempty])) & MAX_HASH
        with np.errstate(over="ignore"):
            hashed = ((flat[:, None] * a[None, :] + b[None, :]) % MERSENNE) & MAX_HASH
        offsets = np.concatenate(([0], np.cumsum(sizes[nonempty])[:-1]))
        sigs[nonempty] = np.minimum.reduceat(hashed, offsets, axis=0)
    return sigs


def _doc_chunks(sizes: npt.NDArray[np.int64], chunk: int) -> list[tuple[int, int]]:
    """Consecutive doc ranges whose total shingle count stays near ``chunk``."""
    bounds: list[tuple[int, int]] = []
    lo, total = 0, 0
    for i, size in enumerate(sizes.tolist()):
        if total and total + size > chunk:
            bounds.append((lo, i))
            lo, total = i, 0
        total += size
    if lo < len(sizes):
        bounds.append((lo, len(sizes)))
    return bounds


def band_keys(signatures: U64, bands: int) -> U64:
    """(n_docs, bands) bucket keys: each band's rows hashed into one uint64."""
    n, num_perm = signatures.shape
    rows = num_perm // bands
    keys = np.zeros((n, bands), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for r in range(rows):  # loop over rows per band (small), vectorised over docs and bands
            keys = (keys ^ signatures[:, r : bands * rows : rows]) * _MIX + np.uint64(r + 1)
        keys ^= np.arange(bands, dtype=np.uint64) * _BYTE_PRIME  # distinct key space per band
    return keys


def candidate_pairs(
    keys: U64, doc_ids: npt.NDArray[np.int64] | None = None
) -> npt.NDArray[np.int64]:
    """(m, 2) unique pairs (i < j) of docs that share at least one band key.

    Docs are sorted by key (one ``argsort`` over all bands); every run of equal keys
    yields its pairs. ``doc_ids`` maps rows to global ids (for a Ray shuffle by band).
    """
    n, bands = keys.shape
    ids = np.arange(n, dtype=np.int64) if doc_ids is None else doc_ids
    flat_keys = keys.reshape(-1)
    flat_docs = np.repeat(ids, bands)
    order = np.argsort(flat_keys, kind="stable")
    sk, sd = flat_keys[order], flat_docs[order]
    run_start = np.flatnonzero(np.concatenate(([True], sk[1:] != sk[:-1])))
    run_len = np.diff(np.concatenate((run_start, [sk.size])))
    pairs = [_run_pairs(sd[s : s + ln]) for s, ln in zip(run_start, run_len, strict=True) if ln > 1]
    if not pairs:
        return np.zeros((0, 2), dtype=np.int64)
    allp = np.concatenate(pairs)
    return np.unique(allp, axis=0)


def _run_pairs(docs: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    docs = np.unique(docs)
    i, j = np.triu_indices(docs.size, k=1)
    return np.stack((docs[i], docs[j]), axis=1)


def estimated_jaccard(
    signatures: U64, pairs: npt.NDArray[np.int64], chunk: int = 1 << 15
) -> npt.NDArray[np.float64]:
    """MinHash estimate of the Jaccard similarity of each pair.

    In chunks of ``chunk`` pairs: gathering both signatures of 1.27M pairs at once (100k
    articles) took ~2.6 GB and was the stage's memory peak; a chunk takes ~70 MB."""
    out = np.zeros(len(pairs), dtype=np.float64)
    for lo in range(0, len(pairs), chunk):
        part = pairs[lo : lo + chunk]
        eq = signatures[part[:, 0]] == signatures[part[:, 1]]
        out[lo : lo + chunk] = eq.mean(axis=1)
    return out


def in_sorted(values: U64, sorted_set: U64) -> npt.NDArray[np.bool_]:
    """``np.isin(values, sorted_set)`` for a sorted ``sorted_set`` (binary search: pairs look
    up ~100-500 shingles in one text at a time, where isin's sort of both dominated)."""
    if sorted_set.size == 0 or values.size == 0:
        return np.zeros(values.size, dtype=bool)
    pos = np.minimum(np.searchsorted(sorted_set, values), sorted_set.size - 1)
    return np.asarray(sorted_set[pos] == values)
