"""Fit the same-day join of small groups (``provenance/story_attach.py``) leave one corpus out.

Every corpus (the realdev topics, the seeds, generated corpora) is clustered as the pipeline
clusters it; each group of at most ``story_attach_max_texts`` texts gets its best same-day
story (the mean of its strongest links, as the step scores it) and a label: right when its
texts belong to the story that holds most of that story's texts. The cut for a held-out
corpus is the middle of the gap between the wrong joins' highest score and the right
joins' lowest on the other corpora. The shipped cut is the story threshold itself (the
strongest links are, on average, story links); the script checks it against that gap.

    PYTHONPATH=src python scripts/fit_story_attach.py ../shared/realdev ../shared/seeds \\
        GENERATED_DIR [GENERATED_DIR ...]
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import fit_stories as fs

from wirecheck.provenance.stories import cluster
from wirecheck.provenance.story_attach import AttachRule, attach_same_day
from wirecheck.provenance.story_link import story_model
from wirecheck.settings import Settings

Scored = tuple[float, bool]  # (best same-day score, right story)


def candidates(fold: fs.Fold) -> list[Scored]:
    """Each small group's best same-day join (with no cut) and whether it is right."""
    model = story_model()
    if id(fold) not in fs._VALUES:
        fs._VALUES[id(fold)] = fs._Values(fold)
    values = fs._VALUES[id(fold)]
    links = [(i, j, fs._prob(values.rows[(i, j)], model)) for (i, j) in fold.base]

    def link(i: int, j: int) -> float:
        return fs._prob(values.get(i, j), model)

    groups = cluster(len(fold.views), links, model.threshold, link, fold.units)
    s = Settings().provenance
    floor = [x for x in links if x[2] >= s.story_pair_min]
    rule = AttachRule(s.story_attach_max_texts, s.story_attach_top, -1.0)
    joined, reasons = attach_same_day(groups, floor, link, lambda i: fold.views[i].own_day, rule)
    out: list[Scored] = []
    done: set[int] = set()
    for members in joined:
        for row, why in reasons.items():
            if row not in members or row in done:
                continue
            done.update(why.rows)
            rest = [i for i in members if i not in why.rows]
            story = Counter(fold.story[i] for i in rest).most_common(1)[0][0]
            right = fold.story[row] is not None and fold.story[row] == story
            out.append((why.top_mean, right))
    return out


def cut(scored: list[Scored]) -> float | None:
    """Middle of the gap between the highest wrong and the lowest right score (None when the
    corpora hold no right join to learn from)."""
    right = [s for s, ok in scored if ok]
    wrong = [s for s, ok in scored if not ok]
    if not right:
        return None
    high_wrong = max(wrong, default=0.0)
    low_right = min((s for s in right if s > high_wrong), default=max(right))
    return round((high_wrong + low_right) / 2, 3)


def main() -> None:
    realdev, seeds, *generated = sys.argv[1:]
    folds = {**fs.realdev_folds(Path(realdev)), "seeds": fs.gold_fold(Path(seeds), True)}
    for g in generated:
        folds[f"generated/{Path(g).name}"] = fs.gold_fold(Path(g), False)
    scored = {name: candidates(fold) for name, fold in folds.items()}
    for name, rows in scored.items():
        right = sorted(s for s, ok in rows if ok)
        wrong = sorted(s for s, ok in rows if not ok)
        print(f"{name}: right {right}; wrong: {len(wrong)}, highest {wrong[-3:]}")
    print("held out | cut | right joined | wrong joined")
    for name, rows in scored.items():
        c = cut([x for n, r in scored.items() if n != name for x in r])
        right = sum(ok for s, ok in rows if c is not None and s >= c)
        wrong = sum(not ok for s, ok in rows if c is not None and s >= c)
        total = sum(ok for _, ok in rows)
        print(f"{name} | {c} | {right} of {total} | {wrong}")
    print("all corpora | cut", cut([x for r in scored.values() for x in r]))
    shipped = Settings().provenance.story_attach_min
    for name, rows in scored.items():
        right = sum(ok for s, ok in rows if s >= shipped)
        wrong = sum(not ok for s, ok in rows if s >= shipped)
        print(f"shipped cut {shipped}: {name} joins {right} right, {wrong} wrong")


if __name__ == "__main__":
    main()
