"""Targets of the accuracy benchmark, from the acceptance criteria of the issues.

Generated corpus (the claims/entities issue, #16; families from the real-coverage issue,
#14), the seeds (every gold finding still found) and each real-coverage topic (#14, #16).
A target names one measure of one eval row and its bound: ``("f1", ">=", 0.9)``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Target:
    measure: str  # precision|recall|f1|fp|tp|fn|inside...
    op: str  # ">=" or "<="
    bound: float

    def met(self, row: dict[str, Any]) -> bool:
        value = float(row.get(self.measure, 0.0))
        return value >= self.bound if self.op == ">=" else value <= self.bound

    def __str__(self) -> str:
        return f"{self.measure} {self.op} {self.bound:g}"


SYNTH: dict[str, tuple[Target, ...]] = {
    "families": (Target("precision", ">=", 0.95), Target("recall", ">=", 0.95)),
    "independent_origins": (Target("recall", ">=", 0.95),),  # exact on >= 95% of stories
    "supply_relations": (Target("f1", ">=", 0.9),),
    "supply_end_use": (Target("recall", ">=", 0.8),),
    "supply_articles": (Target("recall", ">=", 0.9),),
    "quantities": (Target("f1", ">=", 0.9),),
    "conflicts": (Target("precision", ">=", 0.9), Target("recall", ">=", 0.8)),
    "single_source_facts": (Target("precision", ">=", 0.95),),
    "introduced_changes": (Target("precision", ">=", 0.85), Target("recall", ">=", 0.85)),
    "entity_groups": (Target("f1", ">=", 0.9),),
}

# Seeds: the gold findings the issues name stay found.
SEEDS: dict[str, tuple[Target, ...]] = {
    name: (Target("recall", ">=", 1.0),)
    for name in ("independent_origins", "conflicts", "introduced_changes", "entity_groups")
}

REAL: dict[str, tuple[Target, ...]] = {
    "stories": (Target("f1", ">=", 0.95),),
    "occasions_kept_out": (Target("inside", "<=", 0),),
    "families:": (Target("f1", ">=", 0.9),),  # every topic row "families:<topic>"
    "independent_origins": (Target("recall", ">=", 1.0),),  # within 10% on every topic
    "titles": (Target("fp", "<=", 0),),
    "changes": (Target("recall", ">=", 0.6),),
    "conflicts_outside_differences": (Target("fp", "<=", 2),),
    "conflicts_in_one_sentence": (Target("fp", "<=", 0),),
}


def targets_for(kind: str, finding: str) -> tuple[Target, ...]:
    """The targets of one row on a corpus of ``kind`` (synth, seeds or real)."""
    table = {"synth": SYNTH, "seeds": SEEDS, "real": REAL}[kind]
    if finding in table:
        return table[finding]
    return next((t for prefix, t in table.items() if prefix.endswith(":")
                 and finding.startswith(prefix)), ())
