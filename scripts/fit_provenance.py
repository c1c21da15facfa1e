"""Fit the derivation model (logistic regression over the declared provenance features).

Labelled pairs come from three kinds of corpora, each its own cross-validation fold:
every realdev topic (``labels.yaml``: same origin family = derived, unsure files left
out), the seeds (``gold.yaml`` same-origin pairs) and a generated corpus (its gold
families). Real topics are small, so every pair of a topic is scored; the generated
corpus gives the candidate pairs the pipeline itself would evaluate.

The threshold is the one with the best mean F1 over the held-out folds; the folds'
pair precision/recall at that threshold are printed (for docs/provenance.md) and the
weights fitted on all folds are written to ``src/wirecheck/data/provenance_weights.json``.

    PYTHONPATH=src python scripts/fit_provenance.py ../shared/realdev ../shared/seeds \
        /work/data/synth5000-s0
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
import yaml
from sklearn.linear_model import LogisticRegression

from wirecheck.evaluate import load_gold
from wirecheck.evaluate.clusters import gold_families
from wirecheck.evaluate.keys import gold_key
from wirecheck.model import Article
from wirecheck.provenance.build import candidate_pairs_for
from wirecheck.provenance.evidence import ordered
from wirecheck.provenance.features import DERIVATION_FEATURES, WEIGHTS_FILE, feature_values
from wirecheck.provenance.views import attach_lead_vectors, attach_sentence_vectors, make_views
from wirecheck.runner import ingest_paths
from wirecheck.settings import Settings

Label = Callable[[Article, Article], int | None]  # 1 derived, 0 not, None: leave out
NAMES = [f.name for f in DERIVATION_FEATURES]
OUT = Path(__file__).resolve().parents[1] / "src" / "wirecheck" / "data" / WEIGHTS_FILE


def pair_rows(
    articles: Sequence[Article], label: Label, all_pairs: bool
) -> tuple[np.ndarray, np.ndarray]:
    settings = Settings().provenance
    views = make_views(articles, settings.shingle_k, settings.lead_sentences)
    attach_lead_vectors(views, settings.embed_dims, settings.lead_sentences)
    if all_pairs:
        pairs = list(itertools.combinations(range(len(views)), 2))
    else:
        pairs = [tuple(p) for p in candidate_pairs_for(views, settings)[0].tolist()]
    attach_sentence_vectors(views, settings.embed_dims)
    xs, ys = [], []
    for i, j in pairs:
        y = label(articles[i], articles[j])
        if y is None:
            continue
        values = feature_values(ordered(views[i], views[j], settings))
        xs.append([values[n] for n in NAMES])
        ys.append(y)
    return np.array(xs, dtype=float).reshape(-1, len(NAMES)), np.array(ys, dtype=int)


def _number(article: Article) -> str:
    match = re.match(r"(\d+)_", Path(article.source).name)
    return match.group(1) if match else ""


_UNSURE_ORIGIN = re.compile(r"unsure|mixed|unknown", re.IGNORECASE)


def _same_named_origin(x: str, y: str) -> int | None:
    """Same origin by the labels' per-file origin (None when either is uncertain)."""
    if not x or not y or _UNSURE_ORIGIN.search(x + " " + y):
        return None
    return int(x == y)


def realdev_folds(root: Path) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    labels = yaml.safe_load((root / "labels.yaml").read_text(encoding="utf-8"))
    story = {f: s["id"] for s in labels["stories"] for f in s["files"]}
    family = {
        f: (sid, origin)
        for sid, fams in labels["families"].items()
        for origin, files in fams.items()
        for f in files
    }
    unsure = set(labels.get("unsure") or [])
    main = {s["id"] for s in labels["stories"] if not s.get("occasion_of")}
    origin = {str(f): str(row.get("origin") or "") for f, row in labels["files"].items()}

    def label(a: Article, b: Article) -> int | None:
        x, y = _number(a), _number(b)
        if x in unsure or y in unsure or x not in story or y not in story:
            return None
        if story[x] != story[y] or story[x] in main:
            return int(x in family and family.get(x) == family.get(y))
        # an occasion story lists no families: two of its texts of one named origin (a
        # repost of one report) are one family too, not a negative pair
        return _same_named_origin(origin[x], origin[y])

    folds = {}
    for topic in sorted(p for p in root.iterdir() if p.is_dir()):
        articles = ingest_paths([str(topic)], Settings()).articles
        folds[f"realdev/{topic.name}"] = pair_rows(articles, label, all_pairs=True)
    return folds


def gold_fold(root: Path, all_pairs: bool) -> tuple[np.ndarray, np.ndarray]:
    gold = load_gold(root / "gold.yaml")
    same = gold_families(gold)

    def label(a: Article, b: Article) -> int:
        return int(frozenset((gold_key(a, gold), gold_key(b, gold))) in same)

    articles = ingest_paths([str(root)], Settings()).articles
    return pair_rows(articles, label, all_pairs)


def fit(x: np.ndarray, y: np.ndarray) -> LogisticRegression:
    return LogisticRegression(C=1.0, max_iter=3000).fit(x, y)


def _pr(p: np.ndarray, y: np.ndarray, th: float) -> tuple[float, float]:
    hit = p >= th
    tp = int((hit & (y == 1)).sum())
    return tp / max(1, int(hit.sum())), tp / max(1, int((y == 1).sum()))


def cross_validate(
    folds: dict[str, tuple[np.ndarray, np.ndarray]],
) -> tuple[float, dict[str, object]]:
    """Leave-one-fold-out probabilities; the threshold with the best mean fold F1."""
    held: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    for name, (x, y) in folds.items():
        xt = np.vstack([f[0] for n, f in folds.items() if n != name])
        yt = np.concatenate([f[1] for n, f in folds.items() if n != name])
        held[name] = (fit(xt, yt).predict_proba(x)[:, 1], y)

    def mean_f1(th: float) -> float:
        f1s = []
        for p, y in held.values():
            prec, rec = _pr(p, y, th)
            f1s.append(2 * prec * rec / (prec + rec) if prec + rec else 0.0)
        return float(np.mean(f1s))

    best = max(np.round(np.arange(0.3, 0.99, 0.01), 2), key=mean_f1)
    report: dict[str, object] = {}
    for name, (p, y) in held.items():
        prec, rec = _pr(p, y, float(best))
        report[name] = {
            "pairs": len(y),
            "derived": int(y.sum()),
            "precision": round(prec, 3),
            "recall": round(rec, 3),
        }
    return float(best), report


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("realdev", type=Path)
    ap.add_argument("seeds", type=Path)
    ap.add_argument("generated", type=Path, nargs="*")
    ap.add_argument("--rows", type=Path, help="keep the pair rows here (.npz) and reuse them")
    args = ap.parse_args(argv)
    if args.rows and args.rows.exists():
        saved = np.load(args.rows)
        folds = {n: (saved[f"{n}:x"], saved[f"{n}:y"]) for n in saved["names"]}
    else:
        folds = realdev_folds(args.realdev)
        folds["seeds"] = gold_fold(args.seeds, all_pairs=True)
        for g in args.generated:
            folds[f"generated/{g.name}"] = gold_fold(g, all_pairs=False)
        if args.rows:
            arrays = {f"{n}:{k}": v for n, f in folds.items() for k, v in zip("xy", f, strict=True)}
            np.savez(args.rows, names=np.array(list(folds)), **arrays)
    th, report = cross_validate(folds)
    model = fit(
        np.vstack([f[0] for f in folds.values()]), np.concatenate([f[1] for f in folds.values()])
    )
    data = {
        "fitted_on": ", ".join(folds),
        "method": "logistic regression (C=1); threshold: best mean held-out fold F1",
        "weights": {n: round(float(w), 4) for n, w in zip(NAMES, model.coef_[0], strict=True)},
        "bias": round(float(model.intercept_[0]), 4),
        "threshold": th,
        "cross_validated": report,
    }
    OUT.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    print(json.dumps({"threshold": th, "cross_validated": report}, indent=2))


if __name__ == "__main__":
    main()
