"""The peer of the accuracy benchmark on real coverage: plain near-duplicate hashing.

MinHash-LSH (datasketch) over 5-word shingles of each file's raw text, pairs with Jaccard
>= 0.3 joined, connected components taken as both stories and origin families. Its
clusters are scored by the same ``wirecheck eval`` scorers as wirecheck's, through an
analysis holding one story (with one family) per component.
"""

from __future__ import annotations

import re
from pathlib import Path

from datasketch import MinHash, MinHashLSH

from wirecheck.model import Analysis, Article, Family, Story

SHINGLE_WORDS = 5
JACCARD = 0.3
NUM_PERM = 128
_WORD = re.compile(r"\w+")


def shingles(text: str) -> set[str]:
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}


def _minhash(items: set[str]) -> MinHash:
    sketch = MinHash(num_perm=NUM_PERM, seed=1)
    sketch.update_batch([s.encode("utf-8") for s in sorted(items)])
    return sketch


def _components(names: list[str], edges: set[tuple[str, str]]) -> list[list[str]]:
    parent = {n: n for n in names}

    def root(n: str) -> str:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    for a, b in edges:
        parent[root(a)] = root(b)
    groups: dict[str, list[str]] = {}
    for n in names:
        groups.setdefault(root(n), []).append(n)
    return sorted(groups.values())


def minhash_clusters(folder: Path) -> list[list[str]]:
    """Connected components of the files of ``folder`` joined at (exact) Jaccard >= 0.3 among
    the LSH candidates."""
    sets = {p.name: shingles(p.read_text(encoding="utf-8", errors="replace"))
            for p in sorted(folder.glob("*.txt"))}
    lsh = MinHashLSH(threshold=JACCARD, num_perm=NUM_PERM)
    sketches = {name: _minhash(s) for name, s in sets.items() if s}
    for name, sketch in sketches.items():
        lsh.insert(name, sketch)
    edges: set[tuple[str, str]] = set()
    for name, sketch in sketches.items():
        for other in lsh.query(sketch):
            a, b = sets[name], sets[other]
            if other > name and len(a & b) / len(a | b) >= JACCARD:
                edges.add((name, other))
    return _components(list(sets), edges)


def minhash_analysis(folder: Path) -> Analysis:
    """The components as an analysis: one story and one family per component."""
    clusters = minhash_clusters(folder)
    articles = [Article(id=name, source=str(folder / name)) for c in clusters for name in c]
    stories = [
        Story(id=f"s{i}", articles=list(c), families=[Family(id=f"f{i}", articles=list(c))],
              independent_origins=1)
        for i, c in enumerate(clusters)
    ]
    return Analysis(articles=articles, stories=stories)
