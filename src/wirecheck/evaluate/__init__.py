"""Score an analysis against a gold file (``wirecheck eval``).

``evaluate(analysis, gold)`` returns one ``FindingScore`` per finding type of the gold
format (``../shared/seeds/gold.yaml``; SPEC "Gold files"): boilerplate removed, body lines
kept, captions, site summaries, dates, stories, families, independent origins, supply
relations (parties+goods, end use, articles), quantities, conflicts, single-source facts,
introduced changes, entity groups. Real-coverage labels (``labels.yaml``, detected from
content) are scored by ``evaluate_real`` on the analysed files only. Article keys are
file-name prefixes (or ``records:`` URLs). A finding type whose data the analysis lacks
scores recall 0, never an error.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from wirecheck.evaluate.articles import (
    score_body_kept,
    score_boilerplate,
    score_captions,
    score_dates,
    score_summaries,
)
from wirecheck.evaluate.claims import score_quantities, score_supply
from wirecheck.evaluate.clusters import (
    score_families,
    score_independent_origins,
    score_stories,
)
from wirecheck.evaluate.findings import (
    score_changes,
    score_conflicts,
    score_entities,
    score_single_source,
)
from wirecheck.evaluate.keys import Keyed, keyed
from wirecheck.evaluate.labels import is_real_labels, real_labels
from wirecheck.evaluate.real import (
    score_occasions,
    score_real_changes,
    score_real_families,
    score_real_origins,
    score_real_stories,
)
from wirecheck.evaluate.real_claims import score_real_conflicts, score_titles
from wirecheck.evaluate.results import EvalReport, FindingScore
from wirecheck.model import Analysis

__all__ = ["EvalReport", "FindingScore", "evaluate", "load_gold"]

Scorer = Callable[[Keyed, Mapping[str, Any]], FindingScore]

SCORERS: tuple[Scorer, ...] = (
    score_boilerplate,
    score_body_kept,
    score_captions,
    score_summaries,
    score_dates,
    score_stories,
    score_families,
    score_independent_origins,
    score_quantities,
    score_conflicts,
    score_single_source,
    score_changes,
    score_entities,
)


def load_gold(path: str | Path) -> dict[str, Any]:
    """Read any gold file fast (the one loader: ``wirecheck.synth.gold`` re-exports it).

    Synthetic golds are JSON (valid YAML) and are parsed as JSON, a 100,000-article gold in a
    second or two; hand-written ones are YAML, read with libyaml's ``CSafeLoader`` when
    present (pure-Python ``safe_load`` is minutes on such files)."""
    import yaml

    text = Path(path).read_text(encoding="utf-8")
    body = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
    data: object = None
    if body.lstrip().startswith("{"):
        try:
            data = json.loads(body)
        except json.JSONDecodeError:
            data = None
    if data is None:
        data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    if not isinstance(data, dict):
        raise ValueError(f"{path}: not a gold file (expected a mapping)")
    return data


def evaluate(analysis: Analysis, gold: Mapping[str, Any], gold_name: str = "") -> EvalReport:
    """Every scorer over ``analysis``; supply relations give three rows."""
    k = keyed(analysis, gold)
    if is_real_labels(gold):
        return evaluate_real(k, gold, gold_name)
    gold_keys = set(map(str, gold.get("articles") or {}))
    rows = [scorer(k, gold) for scorer in SCORERS]
    supply = score_supply(k, gold)
    rows[8:8] = [supply.relations, supply.end_use, supply.articles]
    for row in rows:
        if row.support == 0 and not row.note:
            row.note = "no gold items of this type"
    matched = len(set(k.key_of.values()) & gold_keys) if gold_keys else len(k.key_of)
    return EvalReport(
        gold=gold_name, articles=len(analysis.articles), matched_articles=matched, scores=rows
    )


def evaluate_real(k: Keyed, gold: Mapping[str, Any], gold_name: str = "") -> EvalReport:
    """Rows on real-coverage labels, restricted to the labelled files that were analysed."""
    labels = real_labels(gold, k.id_of)
    rows = [
        score_real_stories(k, labels),
        score_occasions(k, labels),
        *score_real_families(k, labels),
        score_real_origins(k, labels),
        score_titles(k, labels),
        score_real_changes(k, labels),
        *score_real_conflicts(k, labels),
    ]
    matched = len(set(k.id_of) & set(labels.topic_of))
    return EvalReport(
        gold=gold_name, articles=len(k.analysis.articles), matched_articles=matched, scores=rows
    )
