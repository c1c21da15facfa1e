"""Accumulate the gold file of a synthetic corpus, story by story (format of seeds/gold.yaml).

Additions to the seed format, shared with ``samples/gold.yaml``: ``story.independent_origins``
is a list parallel to ``story.clusters``; ``story.families`` lists every origin family;
``derivations`` lists the expected edges. Single-source facts are listed only for stories with
at least two origins (in a one-origin story everything is single-source).
"""

from __future__ import annotations

import json
import re
from itertools import combinations
from pathlib import Path
from typing import Any

from wirecheck.synth.records import Doc, StoryFacts

QUALIFIER = re.compile(r"^([a-z ]*?)\s*[$\d]")  # the words before the number
QUALIFIER_CONFLICTS = ({"nearly", "more than"},)  # qualifier pairs whose intervals are disjoint


class GoldBuilder:
    def __init__(self) -> None:
        self.articles: dict[str, dict[str, Any]] = {}
        self.clusters: list[list[str]] = []
        self.origins: list[int] = []
        self.families: list[list[str]] = []
        self.pairs: list[list[str]] = []
        self.derivations: list[dict[str, str]] = []
        self.boilerplate: dict[str, Any] = {"captions": {}, "derived_summary": {}}
        self.dates: dict[str, str | None] = {}
        self.entities: dict[str, list[str]] = {}
        self.people: dict[str, None] = {}  # ordered set
        self.supplies: list[dict[str, Any]] = []
        self.quantities: list[dict[str, Any]] = []
        self.errors: list[dict[str, str]] = []
        self.single: list[dict[str, str]] = []
        self.stories: list[dict[str, Any]] = []

    def add_story(self, index: int, facts: StoryFacts, docs: list[Doc], keys: list[str]) -> None:
        families: dict[int, list[str]] = {}
        for doc, key in zip(docs, keys, strict=True):
            families.setdefault(doc.family, []).append(key)
            self._add_article(doc, key, docs, keys)
        self.clusters.append(keys)
        self.origins.append(len(families))
        self.stories.append(
            {"index": index, "kind": facts.kind, "title": facts.title, "date": facts.date}
        )
        for members in families.values():
            self.families.append(members)
            self.pairs.extend([a, b] for a, b in combinations(members, 2))
        for name, forms in facts.entities.items():
            known = self.entities.setdefault(name, [])
            known.extend(f for f in forms if f not in known)
        self.people.update(dict.fromkeys(facts.people))
        self._add_supplies(facts, docs, keys)
        self._add_quantities(index, facts, docs, keys)
        if len(families) > 1:
            self._add_single(docs, keys)

    def _add_article(self, doc: Doc, key: str, docs: list[Doc], keys: list[str]) -> None:
        origin = next(d for d in docs if d.family == doc.family and d.kind == "original")
        self.articles[key] = {
            "origin": origin.outlet,
            "outlet": doc.outlet,
            "form": doc.kind,
            "story": doc.story,
        }
        if doc.source is not None:
            self.derivations.append({"derived": key, "source": keys[doc.source], "kind": doc.kind})
        if doc.chrome():
            self.boilerplate[key] = doc.chrome()
        if doc.captions:
            self.boilerplate["captions"][key] = len(doc.captions)
        if doc.key_points:
            self.boilerplate["derived_summary"][key] = doc.key_points
        self.dates[key] = doc.date if doc.date_line else None
        for text, note in doc.changes:
            source = keys[doc.source] if doc.source is not None else None
            self.errors.append({"article": key, "text": text, "note": note, "origin": source or ""})

    def _add_supplies(self, facts: StoryFacts, docs: list[Doc], keys: list[str]) -> None:
        for supply in facts.supplies:
            stating = [
                (d, k)
                for d, k in zip(docs, keys, strict=True)
                if any(p.fact == supply.fact for p in d.paras)
            ]
            hedged = [
                k
                for d, k in stating
                if any(p.fact == supply.fact and "likely" in p.text for p in d.paras)
            ]
            self.supplies.append(
                {
                    "supplier": supply.supplier,
                    "recipient": supply.recipient,
                    "goods": supply.goods,
                    "end_use": supply.end_use,
                    "in": [k for _, k in stating],
                    "hedge_in": hedged,
                }
            )

    def _add_quantities(
        self, index: int, facts: StoryFacts, docs: list[Doc], keys: list[str]
    ) -> None:
        for claim, description in facts.claims.items():
            values: dict[str, str] = {}
            by_family: dict[int, str] = {}
            for doc, key in zip(docs, keys, strict=True):
                for para in doc.paras:
                    if para.claim == claim and para.value:
                        values[key] = para.value
                        if not doc.changes:
                            by_family.setdefault(doc.family, para.value)
            if values:
                self.quantities.append(
                    {
                        "id": f"s{index}-{claim}",
                        "claim": description,
                        "values": values,
                        **verdict(list(by_family.values())),
                    }
                )

    def _add_single(self, docs: list[Doc], keys: list[str]) -> None:
        seen: dict[str, set[int]] = {}
        first: dict[str, tuple[str, str]] = {}
        for doc, key in zip(docs, keys, strict=True):
            for para in doc.paras:
                if para.fact.startswith("bg") or para.fact == "summary":
                    continue
                seen.setdefault(para.fact, set()).add(doc.family)
                if doc.kind == "original":
                    first.setdefault(para.fact, (key, para.text))
        for fact, fams in seen.items():
            if len(fams) == 1 and fact in first:
                key, text = first[fact]
                self.single.append({"article": key, "fact": text})

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "story": {
                "clusters": self.clusters,
                "independent_origins": self.origins,
                "families": self.families,
                "same_origin_pairs": self.pairs,
            },
            "stories": self.stories,
            "derivations": self.derivations,
            "boilerplate": self.boilerplate,
            "dates": self.dates,
            "entities": {**self.entities, "people": list(self.people)},
            "supply_relations": self.supplies,
            "quantitative_claims": self.quantities,
            "introduced_errors": self.errors,
            "single_source_facts": self.single,
        }


def qualifier(value: str) -> str:
    match = QUALIFIER.match(value)
    return match.group(1).strip() if match else ""


def verdict(family_values: list[str]) -> dict[str, Any]:
    """Status of a quantity claim from the value each independent family states; a conflict's
    finding names both wordings as the seed gold does ("CONFLICT between 'a' and 'b'")."""
    qualifiers = {qualifier(v) for v in family_values}
    n = len(family_values)
    finding = f"corroborated by {n} independent origins" if n > 1 else "single source"
    status = "corroborated" if n > 1 else "single_source"
    for pair in QUALIFIER_CONFLICTS:
        if pair <= qualifiers:
            sides = [next(v for v in family_values if qualifier(v) == q) for q in sorted(pair)]
            status, finding = "conflict", f"CONFLICT between '{sides[0]}' and '{sides[1]}'"
    return {"status": status, "independent_origins": n, "finding": finding}


def write_gold(gold: dict[str, Any], path: Path, header: str) -> None:
    """Write the gold as YAML. JSON is valid YAML, and writes 100,000 articles in a second;
    ``wirecheck.evaluate.load_gold`` (the one gold loader) reads it back as JSON."""
    with path.open("w", encoding="utf-8") as out:
        out.write("".join(f"# {line}\n" for line in header.splitlines()))
        out.write("{\n")
        items = list(gold.items())
        for i, (name, value) in enumerate(items):
            comma = "," if i < len(items) - 1 else ""
            out.write(f"{json.dumps(name)}: {json.dumps(value, ensure_ascii=True)}{comma}\n")
        out.write("}\n")
