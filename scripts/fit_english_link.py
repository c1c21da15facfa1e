"""Cross-validate a fitted logistic story link for two English texts (not shipped).

The shipped English link is the event similarity of ``story_features``; this fits the
``story_link`` features on the English pairs of every fold but one (folds as in
``fit_stories.py``: realdev topics, the seeds, a generated corpus, the mixed-topic corpus's
cross-topic pairs as negatives), clusters the held-out fold with it at each cut and prints
story pair precision / recall per fold (docs/provenance.md, "A fitted English link").

    PYTHONPATH=src python scripts/fit_english_link.py ../shared/realdev ../shared/seeds \\
        /work/data/new2/synth5000-s3 0.5 0.7 0.9
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

sys.path.insert(0, str(Path(__file__).resolve().parent))
import fit_stories as fs

from wirecheck.provenance.stories import cluster
from wirecheck.provenance.story_link import story_model

WIDTH = len(fs.NAMES)
CROSS = story_model()


def fit_english(folds: list[fs.Fold]) -> LogisticRegression:
    xs, ys, ws = [], [], []
    for f in folds:
        keep = f.x[:, fs.ENGLISH] == 1
        y = f.y[keep]
        if y.sum() == 0 or (y == 0).sum() == 0:
            continue
        xs.append(f.x[keep][:, :WIDTH])
        ys.append(y)
        ws.append(np.where(y == 1, 0.5 / y.sum(), 0.5 / (y == 0).sum()))
    x, y, w = np.vstack(xs), np.concatenate(ys), np.concatenate(ws)
    return LogisticRegression(C=1.0, max_iter=3000).fit(x, y, sample_weight=w * len(y) / w.sum())


def probability(row: np.ndarray, english: LogisticRegression | None, cut: float) -> float:
    if not row[fs.ENGLISH] or english is None:
        return fs._prob(row, CROSS)  # the shipped links
    shift = math.log(cut / (1 - cut))
    z = english.intercept_[0] - shift + float(np.dot(english.coef_[0], row[:WIDTH]))
    return 1.0 / (1.0 + math.exp(-z))


def story_pr(fold: fs.Fold, english: LogisticRegression | None, cut: float) -> tuple[float, float]:
    values = fs._VALUES[id(fold)]
    links = [(i, j, probability(values.rows[(i, j)], english, cut)) for i, j in fold.base]
    groups = cluster(
        len(fold.views), links, fs.STORY_THRESHOLD,
        lambda i, j: probability(values.get(i, j), english, cut), fold.units,
    )
    return fs.pair_scores(fold, groups)


def main() -> None:
    realdev, seeds, generated, *cuts = sys.argv[1:]
    folds = {**fs.realdev_folds(Path(realdev)), "seeds": fs.gold_fold(Path(seeds), True)}
    folds[f"generated/{Path(generated).name}"] = fs.gold_fold(Path(generated), False)
    mixed = fs.mixed_fold(Path(realdev))
    negatives = fs.cross_topic(*mixed)
    held = {
        name: fit_english(
            [f for n, f in folds.items() if n != name]
            + [fs.without_topic(negatives, mixed[1], name.removeprefix("realdev/"))]
        )
        for name in folds
    }
    held[fs.MIXED] = fit_english([*folds.values(), negatives])
    every = {**folds, fs.MIXED: mixed[0]}
    print("shipped", {n: story_pr(f, None, 0.5) for n, f in every.items()}, flush=True)
    for cut in map(float, cuts):
        print(cut, {n: story_pr(f, held[n], cut) for n, f in every.items()}, flush=True)


if __name__ == "__main__":
    main()
