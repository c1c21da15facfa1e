"""Fit the paraphrase threshold of statement grouping on the generator's labelled pairs.

The generator writes each statement of a story once per independent origin, in that
origin's own words (``wirecheck.synth``: a company's denial, a lead, a start date ...); each
paragraph carries its fact id. Pairs of statement/quote mentions of one predicted story from
two different families are labelled *same statement* when their paragraphs have one fact id
of one story, else *different*. For every threshold of the sentence-model cosine the full
linking rule of ``align.grouping.cluster_statements`` (shared words or run, or meaning with
one speaker and no disagreeing figure) is scored; the threshold is chosen by 5-fold
cross-validation over stories on one corpus and scored on a corpus of another seed.

    python -m bench.statement_pairs FIT_CORPUS FIT_ANALYSIS [TEST_CORPUS TEST_ANALYSIS]

(each corpus a ``wirecheck synth`` folder with its gold.yaml; each analysis its run's
analysis.json). Prints one line per fold and the held-out scores.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from wirecheck.align.core import build_views
from wirecheck.align.grouping import _numbers
from wirecheck.align.meaning import one_speaker, sentence_vectors
from wirecheck.align.similarity import MentionView, statement_pair, word_runs
from wirecheck.evaluate import load_gold
from wirecheck.model import Analysis, ClaimKind
from wirecheck.settings.align import GroupSettings
from wirecheck.synth.generate import key_of, stories

THRESHOLDS = [round(0.5 + 0.01 * i, 2) for i in range(50)]
MAX_STORIES = 600  # predicted stories sampled per corpus (pairs grow with story size)


@dataclass(frozen=True)
class Pair:
    story: int  # gold story index (the cross-validation fold key)
    same: bool  # label: one fact of one story
    words: bool  # linked by shared words or a shared run (no threshold)
    cosine: float
    speaker: bool  # one speaker (meaning.one_speaker)
    figures_ok: bool  # no disagreeing figures


def _facts(corpus: Path) -> dict[str, tuple[int, list[tuple[str, str]]]]:
    """Gold key -> (story index, [(fact id, paragraph text)])."""
    gen = load_gold(corpus / "gold.yaml")["generator"]
    out: dict[str, tuple[int, list[tuple[str, str]]]] = {}
    for index, _, docs, names in stories(int(gen["n"]), int(gen["seed"])):
        for doc, name in zip(docs, names, strict=True):
            out[key_of(name)] = (index, [(p.fact, p.text) for p in doc.paras])
    return out


def _label(view: MentionView, key: str,
           facts: dict[str, tuple[int, list[tuple[str, str]]]]) -> tuple[int, str] | None:
    story, paras = facts.get(key, (-1, []))
    text = view.mention.text.strip()
    for fact, para in paras:
        if text and (text in para or para in text):
            # background paragraphs are templated filler and a summary joins several facts:
            # neither is one statement
            return None if fact.startswith("bg") or fact == "summary" else (story, fact)
    return None


def pairs_of(corpus: Path, analysis_path: Path, settings: GroupSettings) -> list[Pair]:
    analysis = Analysis.model_validate_json(analysis_path.read_text(encoding="utf-8"))
    keys = {a.id: Path(a.source).name.split("_", 1)[0] for a in analysis.articles}
    facts = _facts(corpus)
    by_story: dict[str | None, list[tuple[MentionView, tuple[int, str]]]] = defaultdict(list)
    for view in build_views(analysis):
        if view.mention.kind not in (ClaimKind.STATEMENT, ClaimKind.QUOTE):
            continue
        label = _label(view, keys.get(view.mention.article, ""), facts)
        if label is not None:
            by_story[view.story].append((view, label))
    out: list[Pair] = []
    for story in sorted(by_story, key=str)[:MAX_STORIES]:
        out.extend(_story_pairs(by_story[story], settings))
    return out


def _story_pairs(items: list[tuple[MentionView, tuple[int, str]]],
                 settings: GroupSettings) -> list[Pair]:
    views = [v for v, _ in items]
    vecs = sentence_vectors(views, settings.statement_dims)
    sims = vecs @ vecs.T
    runs = [word_runs(v.keys, settings.statement_anchor) for v in views]
    numbers = [_numbers(v.mention.text) for v in views]
    out = []
    for i, (a, la) in enumerate(items):
        for j in range(i + 1, len(items)):
            b, lb = items[j]
            if a.family == b.family:
                continue
            overlap, shared = statement_pair(a, b)
            words = (overlap >= settings.statement_overlap
                     and shared >= settings.statement_shared_words) or bool(runs[i] & runs[j])
            figures_ok = not (numbers[i] and numbers[j] and numbers[i].isdisjoint(numbers[j]))
            out.append(Pair(la[0], la == lb, words, float(sims[i, j]),
                            one_speaker(a, b)[0], figures_ok))
    return out


def score(pairs: list[Pair], threshold: float) -> tuple[float, float, float]:
    tp = fp = fn = 0
    for p in pairs:
        linked = p.figures_ok and (p.words or (p.cosine >= threshold and p.speaker))
        tp += linked and p.same
        fp += linked and not p.same
        fn += p.same and not linked
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def best_threshold(pairs: list[Pair]) -> float:
    return max(THRESHOLDS, key=lambda t: (score(pairs, t)[2], t))


def cross_validate(pairs: list[Pair], folds: int = 5) -> list[tuple[float, float, float, float]]:
    """Per fold of stories: (threshold fitted on the others, P, R, F1 on the fold)."""
    out = []
    for k in range(folds):
        train = [p for p in pairs if p.story % folds != k]
        test = [p for p in pairs if p.story % folds == k]
        t = best_threshold(train)
        out.append((t, *score(test, t)))
    return out


def main(argv: list[str]) -> None:
    settings = GroupSettings()
    fit = pairs_of(Path(argv[0]), Path(argv[1]), settings)
    print(f"fit corpus: {len(fit)} pairs, {sum(p.same for p in fit)} same-statement")
    print(f"words only (no meaning link): P/R/F1 {score(fit, 2.0)}")
    for t, p, r, f in cross_validate(fit):
        print(f"fold: threshold {t:.2f} -> P {p:.3f} R {r:.3f} F1 {f:.3f}")
    chosen = best_threshold(fit)
    print(f"chosen on the whole fit corpus: {chosen:.2f} -> P/R/F1 {score(fit, chosen)}")
    if len(argv) >= 4:
        test = pairs_of(Path(argv[2]), Path(argv[3]), settings)
        print(f"held-out corpus: {len(test)} pairs, {sum(p.same for p in test)} same-statement")
        print(f"held-out words only: P/R/F1 {score(test, 2.0)}")
        print(f"held-out at {chosen:.2f}: P/R/F1 {score(test, chosen)}")
        grid = np.array([score(test, t)[2] for t in THRESHOLDS])
        print(f"held-out best would be {THRESHOLDS[int(grid.argmax())]:.2f} (F1 {grid.max():.3f})")


if __name__ == "__main__":
    main(sys.argv[1:])
