"""Fit the translation channel's three thresholds, leave one realdev topic out.

Every pair of two files of one labelled main story written in different languages, both
with a labelled origin (unsure files left out) and not already in one family of the
pipeline's, is one labelled pair: positive when both have the same origin. Each pair is
scored as the pipeline scores it (``provenance.translations``: sentence z-scores against the
story's other texts, the pipeline's families before this step left out of that background,
figures agreeing, matches in order); the story is the labelled one. For each held-out topic, the
grid point with no false pair on the other topics and the best F1 there is chosen, then
scored on the held-out topic. A union of edges cannot afford a wrong pair (one merges two
whole families), hence "no false pair" first.

    PYTHONPATH=src python scripts/fit_translations.py ../shared/realdev
"""

from __future__ import annotations

import argparse
import itertools
from dataclasses import dataclass
from pathlib import Path

import yaml

from wirecheck.model import Article
from wirecheck.provenance import build_provenance
from wirecheck.provenance.sentence_background import EncodedText, StoryBackground
from wirecheck.provenance.translations import encode_texts, monotone_matches, pair_z
from wirecheck.runner import ingest_paths
from wirecheck.settings import Settings

Z_GRID = (1.5, 2.0, 2.5, 3.0)
MATCH_GRID = (2, 3, 4, 5, 6)
SHARE_GRID = (0.3, 0.4, 0.5, 0.6, 0.7)
Point = tuple[float, int, float]


@dataclass(frozen=True)
class LabelledPair:
    topic: str
    same_origin: bool
    matches: dict[float, int]  # z threshold -> matches in order
    shorter: int  # sentences of the shorter text


def labelled_pairs(realdev: Path) -> list[LabelledPair]:
    labels = yaml.safe_load((realdev / "labels.yaml").read_text(encoding="utf-8"))
    unsure = set(labels["unsure"])
    settings = Settings()
    out: list[LabelledPair] = []
    for story, families in labels["families"].items():
        origin_of = {f: o for o, files in families.items() for f in files if f not in unsure}
        topic = next(s["files"] for s in labels["stories"] if s["id"] == story)
        folder = realdev / labels["files"][str(topic[0])]["file"].split("/")[0]
        articles = ingest_paths([str(folder)], settings).articles
        family_of = _families_before_translations(articles, settings)
        members = [a for a in articles if Path(a.source).name.split("_")[0] in set(topic)]
        texts = [t for t in encode_texts(members, settings.provenance) if t.sentences]
        out.extend(_pairs(story, texts, origin_of, family_of))
    return out


def _families_before_translations(articles: list[Article], settings: Settings) -> dict[str, str]:
    """Each article's origin family as the pipeline has it when the translation step runs."""
    off = settings.provenance.model_copy(update={"translation_min_matches": 10**6})
    result = build_provenance(articles, off)
    return {a: f.id for s in result.stories for f in s.families for a in f.articles}


def _pairs(
    story: str, texts: list[EncodedText], origin_of: dict[str, str], family_of: dict[str, str]
) -> list[LabelledPair]:
    """The labelled cross-language pairs the pipeline would score (not yet one family)."""
    out = []
    background = StoryBackground(texts, family_of)
    for x, y in itertools.combinations(texts, 2):
        fx, fy = (Path(t.article.source).name.split("_")[0] for t in (x, y))
        if x.language == y.language or fx not in origin_of or fy not in origin_of:
            continue
        if family_of[x.article.id] == family_of[y.article.id]:
            continue
        z = pair_z(x, y, background)
        if z is None:
            continue
        counts = {t: len(monotone_matches(z, t)) for t in Z_GRID}
        shorter = min(len(x.sentences), len(y.sentences))
        out.append(LabelledPair(story, origin_of[fx] == origin_of[fy], counts, shorter))
    return out


def scores(pairs: list[LabelledPair], point: Point) -> tuple[float, float, float, int]:
    """Precision, recall, F1 and false pairs of ``point`` on ``pairs``."""
    z, least, share = point
    chosen = [p for p in pairs if p.matches[z] >= least and p.matches[z] / p.shorter >= share]
    right = sum(p.same_origin for p in chosen)
    positives = sum(p.same_origin for p in pairs)
    precision = right / len(chosen) if chosen else 1.0
    recall = right / positives if positives else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, len(chosen) - right


def best_point(pairs: list[LabelledPair]) -> Point:
    grid = list(itertools.product(Z_GRID, MATCH_GRID, SHARE_GRID))
    return max(grid, key=lambda g: (scores(pairs, g)[3] == 0, scores(pairs, g)[2]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("realdev", type=Path)
    args = parser.parse_args()
    pairs = labelled_pairs(args.realdev)
    print("| held-out topic | pairs | same origin | chosen (z, matches, share) | P | R | false |")
    print("|---|---|---|---|---|---|---|")
    for topic in sorted({p.topic for p in pairs}):
        held = [p for p in pairs if p.topic == topic]
        point = best_point([p for p in pairs if p.topic != topic])
        precision, recall, _, false = scores(held, point)
        positives = sum(p.same_origin for p in held)
        print(f"| {topic} | {len(held)} | {positives} | {point} | {precision:.3f} | "
              f"{recall:.3f} | {false} |")
    point = best_point(pairs)
    precision, recall, _, false = scores(pairs, point)
    print(f"| all topics (shipped) | {len(pairs)} | {sum(p.same_origin for p in pairs)} | "
          f"{point} | {precision:.3f} | {recall:.3f} | {false} |")


if __name__ == "__main__":
    main()
