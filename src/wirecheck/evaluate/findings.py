"""Verdict scorers: conflicts, single-source facts, introduced changes, entity groups."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from wirecheck.evaluate.claims import parse_gold_values
from wirecheck.evaluate.keys import Keyed, norm, salient, token_share
from wirecheck.evaluate.names import name_tokens
from wirecheck.evaluate.results import FindingScore
from wirecheck.model import ClaimGroup, ClaimStatus

Side = frozenset[str]

# ------------------------------------------------------------------------------ conflicts

_QUOTED = re.compile(r"'([^']+)'")


@dataclass(frozen=True)
class Conflict:
    """Two sides of a conflict: the articles of each side and the number in question."""

    label: str
    a: Side
    b: Side
    value: float | None = None


def gold_conflicts(gold: Mapping[str, Any]) -> list[Conflict]:
    """Conflicts of the quantitative claims whose finding says CONFLICT.

    The sides are the articles whose gold value reads like each quoted wording of the
    finding ("CONFLICT between 'nearly 70%' (...) and 'more than 70%' (...)").
    """
    out: list[Conflict] = []
    for claim in gold.get("quantitative_claims") or []:
        finding = str(claim.get("finding") or "")
        if not finding.upper().startswith("CONFLICT"):
            continue
        values = {str(k): str(v) for k, v in (claim.get("values") or {}).items()}
        quoted = _QUOTED.findall(finding)[:2]
        sides = [_side(q, values) for q in quoted]
        if len(sides) == 2 and all(sides):
            number = parse_gold_values(quoted[0])[0].value
            out.append(Conflict(str(claim.get("id")), sides[0], sides[1], number))
    return out


def _side(quoted: str, values: dict[str, str]) -> Side:
    """Articles whose first gold number has the quoted wording's value and qualifier."""
    want = parse_gold_values(quoted)
    if not want:
        return frozenset()
    first = want[0]
    out = set()
    for key, text in values.items():
        parsed = parse_gold_values(text)
        if parsed and parsed[0].value == first.value and parsed[0].qualifier == first.qualifier:
            out.add(key)
    return frozenset(out)


def _found_conflicts(k: Keyed) -> list[tuple[ClaimGroup, ClaimGroup]]:
    groups = {g.id: g for g in k.analysis.claims}
    out: list[tuple[ClaimGroup, ClaimGroup]] = []
    for group in k.analysis.claims:
        for note in group.conflicts:
            other = groups.get(note.with_)
            if other is not None:
                out.append((group, other))
    return out


def _articles(k: Keyed, group: ClaimGroup) -> Side:
    return frozenset(k.keys([m.article for m in group.mentions]))


def _has_value(group: ClaimGroup, value: float | None) -> bool:
    q = group.quantity
    if value is None or q is None:
        return value is None
    if q.value is not None and abs(q.value - value) <= 1e-6 * max(1.0, abs(value)):
        return True
    return q.low is not None and q.high is not None and q.low <= value <= q.high


def _hits(k: Keyed, pair: tuple[ClaimGroup, ClaimGroup], want: Conflict) -> bool:
    """Both groups carry the number, and their articles fall on the two gold sides."""
    if not all(_has_value(g, want.value) for g in pair):
        return False
    x, y = (_articles(k, g) for g in pair)
    return bool((x & want.a and y & want.b) or (x & want.b and y & want.a))


def score_conflicts(k: Keyed, gold: Mapping[str, Any]) -> FindingScore:
    row = FindingScore(finding="conflicts")
    want = gold_conflicts(gold)
    found = [p for p in _found_conflicts(k) if _articles(k, p[0]) or _articles(k, p[1])]
    if not found:
        row.note = "analysis reports no conflicts"
    row.support = len(want)
    for conflict in want:
        if any(_hits(k, p, conflict) for p in found):
            row.tp += 1
        else:
            row.fn += 1
            row.misses.append(
                f"missed conflict {conflict.label}: {sorted(conflict.a)} vs {sorted(conflict.b)}"
            )
    wrong = [p for p in found if not any(_hits(k, p, c) for c in want)]
    row.fp = len({frozenset((x.id, y.id)) for x, y in wrong})
    row.misses += [f"false conflict {x.text[:40]!r} vs {y.text[:40]!r}" for x, y in wrong[:10]]
    return row


# ------------------------------------------------------------------- single-source facts


def _group_text(group: ClaimGroup) -> str:
    parts = [group.text, group.attribution or "", *(m.text for m in group.mentions)]
    return " ".join(parts)


def _fact_overlap(fact: str, group: ClaimGroup) -> float:
    text = norm(_group_text(group))
    words = set(text.split())
    names = salient(fact)
    if names:
        return sum(1 for n in names if n in words or f" {n} " in f" {text} ") / len(names)
    return token_share(fact, text)


def score_single_source(k: Keyed, gold: Mapping[str, Any]) -> FindingScore:
    """Each gold fact's best-matching claim (with a mention in its article, salient words
    overlapping >= 0.6): single-source status = tp, corroborated/conflict = fp, none = fn."""
    row = FindingScore(finding="single_source_facts")
    if not k.analysis.claims:
        row.note = "analysis has no claims"
    by_article: dict[str, list[ClaimGroup]] = {}
    for group in k.analysis.claims:
        for mentioned in {m.article for m in group.mentions}:
            by_article.setdefault(mentioned, []).append(group)
    for item in gold.get("single_source_facts") or []:
        key, fact = str(item.get("article")), str(item.get("fact"))
        row.support += 1
        candidates = [
            (overlap, g)
            for g in by_article.get(k.id_of.get(key, ""), [])
            if (overlap := _fact_overlap(fact, g)) >= 0.6
        ]
        if not candidates:
            row.fn += 1
            row.misses.append(f"{key}: no claim for {fact[:60]!r}")
            continue
        # ties (several groups hold the fact's sentence) go to the group whose own wording
        # says most of the fact: "X shipped goods worth $N" is the $N claim's fact, not the
        # fact of the supply relation the same sentence also restates
        best = max(candidates, key=lambda c: (c[0], token_share(fact, c[1].text)))[1]
        if best.status == ClaimStatus.SINGLE_SOURCE or best.independent_origins <= 1:
            row.tp += 1
        else:
            row.fp += 1
            row.misses.append(f"{key}: {fact[:50]!r} called {best.status.value}")
    return row


# ------------------------------------------------------------------------------- changes


def score_changes(k: Keyed, gold: Mapping[str, Any]) -> FindingScore:
    """Gold introduced errors found as changes of the same article by text overlap."""
    row = FindingScore(finding="introduced_changes")
    errors = gold.get("introduced_errors") or []
    want = [(str(e.get("article")), str(e.get("text"))) for e in errors]
    changes = [c for c in k.analysis.changes if c.article in k.key_of]
    if not changes:
        row.note = "analysis reports no changes"
    used: set[str] = set()
    row.support = len(want)
    for key, text in want:
        hit = next(
            (
                c for c in changes
                if k.key_of[c.article] == key
                and (norm(text) in norm(c.text) or token_share(text, c.text) >= 0.8)
            ),
            None,
        )
        if hit is None:
            row.fn += 1
            row.misses.append(f"{key}: missed {text[:60]!r}")
        else:
            row.tp += 1
            used.add(hit.id)
    row.fp = sum(1 for c in changes if c.id not in used)
    return row


# ------------------------------------------------------------------------------ entities


def gold_entity_groups(gold: Mapping[str, Any]) -> dict[str, list[str]]:
    section: Mapping[str, Any] = gold.get("entities") or {}
    groups = {str(k): [str(x) for x in v] for k, v in section.items() if k != "people"}
    groups.update({str(p): [str(p)] for p in section.get("people") or []})
    return groups


def _distinctive_forms(groups: dict[str, list[str]]) -> dict[str, list[str]]:
    """Gold groups without the forms another group lists too: stories drawn independently
    can call two companies by one short name ("Acme" for "Acme Dynamics" in one story, for
    "Acme Mining" in another); such a form is resolved in its story's context and cannot tell
    which corpus-wide group an entity holds."""
    owners: Counter[str] = Counter(norm(f) for forms in groups.values() for f in set(forms))
    return {name: [f for f in forms if owners[norm(f)] == 1] for name, forms in groups.items()}


def score_entities(k: Keyed, gold: Mapping[str, Any]) -> FindingScore:
    """A gold group is right when its surface forms resolve to exactly one entity holding
    no other group's forms; each entity holding two groups' forms is a false merge."""
    row = FindingScore(finding="entity_groups")
    groups = _distinctive_forms(gold_entity_groups(gold))
    if not k.analysis.entities:
        row.note = "analysis has no entities"
    holders: dict[str, set[str]] = {}  # entity id -> gold groups it holds
    for name, forms in groups.items():
        for entity in k.analysis.entities:
            names = {norm(n) for n in [entity.name, *entity.aliases]}
            if any(norm(f) in names for f in forms) or any(
                name_tokens(f) == name_tokens(entity.name) for f in forms
            ):
                holders.setdefault(entity.id, set()).add(name)
    row.support = len(groups)
    for name in groups:
        owners = [e for e, held in holders.items() if name in held]
        if len(owners) == 1 and len(holders[owners[0]]) == 1:
            row.tp += 1
        else:
            row.fn += 1
            row.misses.append(f"{name}: {len(owners)} entities" + (
                " (merged with another group)" if any(len(holders[o]) > 1 for o in owners) else ""
            ))
    row.fp = sum(len(held) - 1 for held in holders.values() if len(held) > 1)
    return row
