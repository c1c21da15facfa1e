"""Why labelled same-origin pairs of real coverage are not joined into one family.

For every pair of files of one realdev main story (unsure files left out) this prints the
first cause that keeps a same-origin pair apart:

- ``no_candidate``: candidate generation (LSH, lead neighbours, shared markers) never
  offers the pair;
- ``gate``: the fitted score is below the threshold and the cheap ``could_derive`` gate
  fails, so the ``copy_or_version`` feature (the largest fitted weight) is 0;
- ``score``: the gate passes but the fitted score is still below the threshold;
- ``joined``: the pair gets a derivation edge.

It also counts the pairs whose two texts both carry a confident credit naming one agency
(origin grouping joins those without an edge) and, per cause, the labelled forms and
whether the two texts are in one language. ``--rows`` keeps every pair's feature values.

    PYTHONPATH=src python scripts/diagnose_families.py ../shared/realdev [--rows OUT.json]
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from dataclasses import asdict, dataclass
from itertools import combinations
from pathlib import Path
from typing import Any

import yaml

from wirecheck.model import Article
from wirecheck.provenance.build import candidate_pairs_for
from wirecheck.provenance.evidence import ordered
from wirecheck.provenance.features import explain, feature_values, threshold
from wirecheck.provenance.origins import CONFIDENT, article_origin
from wirecheck.provenance.views import attach_lead_vectors, attach_sentence_vectors, make_views
from wirecheck.runner import ingest_paths
from wirecheck.settings import Settings


@dataclass
class PairRow:
    topic: str
    files: tuple[str, str]
    same: bool  # labelled as one origin
    forms: list[str]
    languages: list[str]
    candidate: bool
    gate: bool
    score: float
    joined: bool
    credits: list[str | None]  # confident origin credit key of each text
    features: dict[str, float]

    @property
    def cause(self) -> str:
        if self.joined:
            return "joined"
        if not self.candidate:
            return "no_candidate"
        return "score" if self.gate else "gate"

    @property
    def one_language(self) -> bool:
        return self.languages[0] == self.languages[1]

    @property
    def credit_same(self) -> bool:
        return self.credits[0] is not None and self.credits[0] == self.credits[1]


def _number(article: Article) -> str:
    match = re.match(r"(\d+)_", Path(article.source).name)
    return match.group(1) if match else ""


def _credit_key(article: Article) -> str | None:
    name = article_origin(article)
    return name.key if name is not None and name.weight >= CONFIDENT else None


def topic_rows(topic: Path, labels: dict[str, Any]) -> list[PairRow]:
    """Every pair of two labelled files of one main story in ``topic``."""
    files: dict[str, dict[str, Any]] = {str(k): v for k, v in labels["files"].items()}
    family = {
        str(f): (story, origin)
        for story, origins in labels["families"].items()
        for origin, members in origins.items()
        for f in members
    }
    unsure = {str(f) for f in labels.get("unsure") or []}
    settings = Settings().provenance
    articles = ingest_paths([str(topic)], Settings()).articles
    views = make_views(articles, settings.shingle_k, settings.lead_sentences)
    attach_lead_vectors(views, settings.embed_dims, settings.lead_sentences)
    candidates = {(int(i), int(j)) for i, j in candidate_pairs_for(views, settings)[0].tolist()}
    attach_sentence_vectors(views, settings.embed_dims)
    rows = []
    for i, j in combinations(range(len(views)), 2):
        x, y = _number(articles[i]), _number(articles[j])
        if {x, y} & unsure or x not in family or y not in family:
            continue
        if family[x][0] != family[y][0]:
            continue
        ev = ordered(views[i], views[j], settings)
        score = explain(ev).score
        rows.append(
            PairRow(
                topic=topic.name,
                files=(x, y),
                same=family[x] == family[y],
                forms=sorted(str(files[f].get("form")) for f in (x, y)),
                languages=[str(files[f].get("language")) for f in (x, y)],
                candidate=(i, j) in candidates,
                gate=ev.could_derive,
                score=score,
                joined=score >= threshold(),
                credits=[_credit_key(articles[i]), _credit_key(articles[j])],
                features=feature_values(ev),
            )
        )
    return rows


def report(rows: list[PairRow]) -> None:
    same = [r for r in rows if r.same]
    print(f"same-origin pairs: {len(same)}")
    print("by cause:", Counter(r.cause for r in same).most_common())
    print("by cause x one language:")
    for (cause, one), n in Counter((r.cause, r.one_language) for r in same).most_common():
        print(f"  {n:4d} {cause:13s} {'same language' if one else 'two languages'}")
    print("by cause x forms:")
    for (cause, forms), n in Counter((r.cause, "+".join(r.forms)) for r in same).most_common():
        print(f"  {n:4d} {cause:13s} {forms}")
    credited = [r for r in same if r.credit_same]
    print(
        f"both texts credited to one agency: {len(credited)}, of them unjoined: "
        f"{sum(1 for r in credited if not r.joined)}"
    )
    other = [r for r in rows if not r.same]
    print(
        f"different-origin pairs: {len(other)}, joined: {sum(1 for r in other if r.joined)}, "
        f"credited to one agency: {sum(1 for r in other if r.credit_same)}"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("realdev", type=Path)
    ap.add_argument("--rows", type=Path, help="write every pair (with feature values) here")
    args = ap.parse_args()
    labels = yaml.safe_load((args.realdev / "labels.yaml").read_text(encoding="utf-8"))
    topics = sorted(p for p in args.realdev.iterdir() if p.is_dir())
    rows = [r for topic in topics for r in topic_rows(topic, labels)]
    if args.rows:
        args.rows.write_text(json.dumps([asdict(r) for r in rows]), encoding="utf-8")
    report(rows)


if __name__ == "__main__":
    main()
