"""Fit the story-link model (logistic regression over ``provenance.story_link`` features).

Each corpus is one cross-validation fold: every realdev topic (``labels.yaml``: same story
or not; ambiguous files left out; a main story's occasion texts are its hard negatives),
the seeds, and a generated corpus (its gold stories). On each corpus the provenance
pipeline runs as in ``wirecheck run`` (candidates, pair evidence, families); the labelled
pairs are the pairs the story clustering reads: every pair of a realdev topic or of the
seeds, and on the generated corpus its candidate pairs plus a sample of the other pairs
(what the cohesion check scores on whole texts). Pairs inside one origin family are left
out: a family is one story whatever the link says.

The story threshold is the average-link threshold of ``stories.cluster`` with the best mean
held-out story pair F1 (each fold clustered with the model fitted on the other folds).
Weights fitted on all folds go to ``src/wirecheck/data/story_weights.json``.

    PYTHONPATH=src python scripts/fit_stories.py ../shared/realdev ../shared/seeds \\
        /work/data/after/synth5000-s0 --cache /tmp/story-folds.pkl
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import pickle
import random
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import yaml
from sklearn.linear_model import LogisticRegression

from wirecheck.evaluate import load_gold
from wirecheck.evaluate.clusters import gold_clusters
from wirecheck.evaluate.keys import gold_key
from wirecheck.model import Article
from wirecheck.provenance.build import candidate_pairs_for
from wirecheck.provenance.edges import evaluate
from wirecheck.provenance.event_keys import event_keys
from wirecheck.provenance.families import build_families
from wirecheck.provenance.stories import cluster
from wirecheck.provenance.story_features import cheap_similarity
from wirecheck.provenance.story_link import (
    STORY_LINK_FEATURES,
    WEIGHTS_FILE,
    StoryModel,
    StoryPair,
    link_values,
    not_english,
)
from wirecheck.provenance.topics import topic_weights
from wirecheck.provenance.views import DocView, attach_lead_vectors, make_views
from wirecheck.runner import ingest_paths
from wirecheck.settings import Settings

NAMES = [f.name for f in STORY_LINK_FEATURES]
# a row: the feature values, then whether both texts are English, then the English similarity
WIDTH = len(NAMES) + 2
# the average-link threshold: the English event similarity's own (settings.story_link_min,
# seeds and generated corpora); the cross-language model's cut is fitted onto it
STORY_THRESHOLD = Settings().provenance.story_link_min
ENGLISH, BASE = len(NAMES), len(NAMES) + 1
OUT = Path(__file__).resolve().parents[1] / "src" / "wirecheck" / "data" / WEIGHTS_FILE
Label = Callable[[Article], str | None]  # story of an article (None: leave out)
SAMPLE_OTHER = 20_000  # non-candidate pairs sampled on a generated corpus


@dataclass
class Fold:
    """A corpus run through provenance up to the story step, with its labels."""

    views: list[DocView]
    base: dict[tuple[int, int], float]  # candidate pairs: English event similarity
    units: list[list[int]]  # origin families as row lists
    story: list[str | None]  # labelled story of each row
    pairs: list[tuple[int, int]]  # the labelled pairs to fit on
    x: np.ndarray
    y: np.ndarray


def prepare(articles: Sequence[Article], label: Label, all_pairs: bool) -> Fold:
    s = Settings().provenance
    views = make_views(articles, s.shingle_k, s.lead_sentences)
    attach_lead_vectors(views, s.embed_dims, s.lead_sentences)
    pairs, jaccard = candidate_pairs_for(views, s)
    results = evaluate(views, pairs, s, jaccard)
    for v in views:
        v.keep_for_stories()
    families = build_families(articles, [r.derivation for r in results if r.derivation])
    index = {v.id: k for k, v in enumerate(views)}
    units = [[index[a] for a in f.articles] for f in families]
    unit_of = {i: u for u, members in enumerate(units) for i in members}
    base = {(r.i, r.j): r.story_similarity for r in results if r.derivation is None}
    story = [label(a) for a in articles]
    rows = [i for i in range(len(views)) if story[i] is not None]
    if all_pairs:
        chosen = list(itertools.combinations(rows, 2))
    else:
        others = [_random_pair(rows, k) for k in range(SAMPLE_OTHER)]
        chosen = sorted(set(base) | {p for p in others if p[0] != p[1]})
    chosen = [(i, j) for i, j in chosen if unit_of[i] != unit_of[j]]
    y = np.array([int(story[i] == story[j]) for i, j in chosen], dtype=int)
    fold = Fold(views, base, units, story, chosen, np.zeros((0, WIDTH)), y)
    values = _VALUES[id(fold)] = _Values(fold)
    fold.x = np.array([values.get(i, j) for i, j in chosen]).reshape(-1, WIDTH)
    return fold


def _random_pair(rows: list[int], k: int) -> tuple[int, int]:
    rng = random.Random(k)
    i, j = rng.sample(rows, 2)
    return (min(i, j), max(i, j))


def _number(article: Article) -> str:
    match = re.match(r"(\d+)_", Path(article.source).name)
    return match.group(1) if match else ""


def realdev_label(root: Path) -> Label:
    """The labelled story of a realdev file (None for an ambiguous one)."""
    labels = yaml.safe_load((root / "labels.yaml").read_text(encoding="utf-8"))
    story = {f: s["id"] for s in labels["stories"] for f in s["files"]}
    ambiguous = set(labels.get("ambiguous") or [])

    def label(a: Article) -> str | None:
        n = _number(a)
        return None if n in ambiguous else story.get(n)

    return label


def realdev_folds(root: Path) -> dict[str, Fold]:
    label = realdev_label(root)
    return {
        f"realdev/{topic.name}": prepare(
            ingest_paths([str(topic)], Settings()).articles, label, all_pairs=True
        )
        for topic in sorted(p for p in root.iterdir() if p.is_dir())
    }


def gold_fold(root: Path, all_pairs: bool) -> Fold:
    gold = load_gold(root / "gold.yaml")
    story = {k: str(n) for n, members in enumerate(gold_clusters(gold)) for k in members}

    def label(a: Article) -> str | None:
        return story.get(gold_key(a, gold))

    return prepare(ingest_paths([str(root)], Settings()).articles, label, all_pairs)


def mixed_fold(root: Path) -> tuple[Fold, list[str]]:
    """Every realdev topic in one corpus (as a user's mixed pile), labelled by story, and
    each row's topic. Its pairs of two topics are negatives a single-topic fold never shows
    (two events sharing nothing but an agency name or the year)."""
    articles = ingest_paths([str(root)], Settings()).articles
    topic = [Path(a.source).parent.name for a in articles]
    return prepare(articles, realdev_label(root), all_pairs=True), topic


MIXED = "realdev/all topics in one corpus"


def cross_topic(fold: Fold, topic: list[str]) -> Fold:
    """Only the fold's pairs of two different topics."""
    keep = [k for k, (i, j) in enumerate(fold.pairs) if topic[i] != topic[j]]
    return replace(fold, pairs=[fold.pairs[k] for k in keep], x=fold.x[keep], y=fold.y[keep])


def without_topic(fold: Fold, topic: list[str], held_out: str) -> Fold:
    """The cross-topic pairs that touch no text of the held-out topic (no leak into CV)."""
    keep = [k for k, (i, j) in enumerate(fold.pairs) if held_out not in (topic[i], topic[j])]
    return replace(fold, pairs=[fold.pairs[k] for k in keep], x=fold.x[keep], y=fold.y[keep])


def fit(folds: Sequence[Fold]) -> LogisticRegression:
    """Logistic regression on the pairs with a text not in English (two English texts are
    linked by the English event similarity), every fold and each class within a fold
    weighing the same (a real topic's pairs are mostly one main story's)."""
    xs, ys, ws = [], [], []
    for f in folds:
        keep = f.x[:, ENGLISH] == 0
        y = f.y[keep]
        if not keep.any():
            continue
        xs.append(f.x[keep][:, : len(NAMES)])
        ys.append(y)
        pos, neg = max(1, int(y.sum())), max(1, int((y == 0).sum()))
        ws.append(np.where(y == 1, 0.5 / pos, 0.5 / neg))
    x, y, w = np.vstack(xs), np.concatenate(ys), np.concatenate(ws)
    return LogisticRegression(C=1.0, max_iter=3000).fit(x, y, sample_weight=w * len(y) / w.sum())


def as_model(lr: LogisticRegression, cut: float, source: str) -> StoryModel:
    """The fitted model with its decision point moved from ``cut`` to the story threshold
    (``STORY_THRESHOLD``, the English similarity's): p >= cut becomes p' >= 0.5."""
    weights = {n: round(float(w), 4) for n, w in zip(NAMES, lr.coef_[0], strict=True)}
    shift = math.log(cut / (1 - cut))
    return StoryModel(weights, round(float(lr.intercept_[0]) - shift, 4), STORY_THRESHOLD, source)


class _Values:
    """Feature rows of a fold's candidate pairs and (on demand) of its other pairs: they do
    not depend on the model, so every held-out model and threshold reuses them."""

    def __init__(self, fold: Fold) -> None:
        self.fold = fold
        self.weights = topic_weights(
            [v.keys for v in fold.views],
            np.array(list(fold.base), dtype=np.int64),
            [v.content for v in fold.views],
            Settings().provenance.topic_resolution,
        )
        self.rows: dict[tuple[int, int], np.ndarray] = {
            p: self.row(*p, base) for p, base in fold.base.items()
        }

    def row(self, i: int, j: int, base: float | None = None) -> np.ndarray:
        views = self.fold.views
        sim = base if base is not None else cheap_similarity(views[i], views[j])
        w = self.weights
        pair = StoryPair(views[i], views[j], sim, w.for_pair(i, j), w.apart(i, j))
        values = link_values(pair)
        english = 0.0 if not_english(pair) else 1.0
        return np.array([values[n] for n in NAMES] + [english, sim])

    def get(self, i: int, j: int) -> np.ndarray:
        key = (min(i, j), max(i, j))
        if key not in self.rows:
            self.rows[key] = self.row(*key)
        return self.rows[key]


_VALUES: dict[int, _Values] = {}  # by id(fold): one per fold for the whole run


def _prob(row: np.ndarray, model: StoryModel) -> float:
    """``story_link.link_probability`` from a stored row."""
    if row[ENGLISH]:
        return float(row[BASE])
    z = model.bias + sum(
        model.weights[n] * v for n, v in zip(NAMES, row[: len(NAMES)], strict=True)
    )
    return round(1.0 / (1.0 + math.exp(-z)), 4)


def story_scores(fold: Fold, model: StoryModel) -> tuple[float, float]:
    """Story pair precision/recall of the fold clustered with ``model`` (as the pipeline)."""
    if id(fold) not in _VALUES:
        _VALUES[id(fold)] = _Values(fold)
    values = _VALUES[id(fold)]
    links = [(i, j, _prob(values.rows[(i, j)], model)) for (i, j) in fold.base]

    def fallback(i: int, j: int) -> float:
        return _prob(values.get(i, j), model)

    return pair_scores(fold, cluster(len(fold.views), links, model.threshold, fallback, fold.units))


def pair_scores(fold: Fold, groups: list[list[int]]) -> tuple[float, float]:
    """Story pair precision/recall of ``groups`` (rows) against the fold's labelled stories."""
    group_of = {i: g for g, members in enumerate(groups) for i in members}
    labelled = [i for i in range(len(fold.views)) if fold.story[i] is not None]
    pairs = lambda c: sum(n * (n - 1) // 2 for n in c.values())  # noqa: E731
    tp = pairs(Counter((fold.story[i], group_of[i]) for i in labelled))
    found = pairs(Counter(group_of[i] for i in labelled))
    gold = pairs(Counter(fold.story[i] for i in labelled))
    return tp / max(1, found), tp / max(1, gold)


def cross_validate(
    folds: dict[str, Fold], grid: Sequence[float], mixed: tuple[Fold, list[str]]
) -> tuple[float, dict[str, object]]:
    cross = cross_topic(*mixed)
    held: dict[str, LogisticRegression] = {}
    for name in folds:
        negatives = without_topic(cross, mixed[1], held_out=name.removeprefix("realdev/"))
        held[name] = fit([f for n, f in folds.items() if n != name] + [negatives])
    # the mixed corpus is scored too, so that the cut also pays for linking two topics'
    # texts; its model sees every fold (only the cut is chosen on it, not the weights)
    held[MIXED] = fit([*folds.values(), cross])
    folds = {**folds, MIXED: mixed[0]}
    table: dict[float, dict[str, tuple[float, float]]] = {}
    for th in grid:
        table[th] = {
            name: story_scores(fold, as_model(held[name], th, "held out"))
            for name, fold in folds.items()
        }
        print(th, {n: tuple(round(v, 3) for v in pr) for n, pr in table[th].items()}, flush=True)

    def mean_f1(th: float) -> float:
        return float(
            np.mean([2 * p * r / (p + r) if p + r else 0.0 for p, r in table[th].values()])
        )

    best = max(grid, key=mean_f1)
    report: dict[str, object] = {}
    for name, fold in folds.items():
        model = as_model(held[name], best, "held out")
        p = np.array([_prob(row, model) for row in fold.x])
        hit = p >= STORY_THRESHOLD
        tp = int((hit & (fold.y == 1)).sum())
        report[name] = {
            "pairs": len(fold.y),
            "pairs_not_english": int((fold.x[:, ENGLISH] == 0).sum()),
            "same_story": int(fold.y.sum()),
            "pair_precision": round(tp / max(1, int(hit.sum())), 3),
            "pair_recall": round(tp / max(1, int(fold.y.sum())), 3),
            "story_precision": round(table[best][name][0], 3),
            "story_recall": round(table[best][name][1], 3),
        }
    return best, report


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    for corpus in ("realdev", "seeds"):  # folders: realdev topics with labels.yaml; seeds
        ap.add_argument(corpus, type=Path)
    ap.add_argument("generated", type=Path, nargs="*", help="generated corpora (gold.yaml)")
    ap.add_argument("--cache", type=Path, help="keep the prepared folds here and reuse them")
    args = ap.parse_args(argv)
    if args.cache and args.cache.exists():
        folds = pickle.loads(args.cache.read_bytes())
        for fold in folds.values():  # the features may have changed since the cache
            for view in fold.views:
                view.keys = event_keys(view.article.body)
            values = _VALUES[id(fold)] = _Values(fold)
            fold.x = np.array([values.get(i, j) for i, j in fold.pairs]).reshape(-1, WIDTH)
    else:
        folds = {**realdev_folds(args.realdev), "seeds": gold_fold(args.seeds, all_pairs=True)}
        folds.update({f"generated/{g.name}": gold_fold(g, False) for g in args.generated})
        if args.cache:
            args.cache.write_bytes(pickle.dumps(folds))
    grid = [round(t, 2) for t in np.arange(0.1, 0.71, 0.05)]
    mixed = mixed_fold(args.realdev)
    th, report = cross_validate(folds, grid, mixed)
    lr = fit([*folds.values(), cross_topic(*mixed)])
    model = as_model(lr, th, "all folds")
    data = dict(
        fitted_on=", ".join(folds),
        cross_language_cut=th,
        method="logistic regression (C=1, folds and classes weighted equally; pairs of two "
        "realdev topics in one corpus as negatives, held-out topic left out); cut on p "
        "(bias shifted so that it meets the story threshold): best mean held-out story pair F1",
        weights=dict(model.weights),
        bias=model.bias,
        threshold=STORY_THRESHOLD,
        cross_validated=report,
    )
    OUT.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    print(json.dumps({"threshold": th, "cross_validated": report}, indent=2))


if __name__ == "__main__":
    main()
