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
from wirecheck.model import Change, ClaimGroup, ClaimStatus, Entity

Side = frozenset[str]
Tokens = frozenset[str]

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


def _hits(pair: tuple[ClaimGroup, ClaimGroup], sides: tuple[Side, Side], want: Conflict) -> bool:
    """Both groups carry the number, and their articles fall on the two gold sides."""
    if not all(_has_value(g, want.value) for g in pair):
        return False
    x, y = sides
    return bool((x & want.a and y & want.b) or (x & want.b and y & want.a))


def _hit_pairs(
    found: list[tuple[ClaimGroup, ClaimGroup]], sides: list[tuple[Side, Side]], want: Conflict,
    by_key: Mapping[str, list[int]],
) -> list[int]:
    """Found conflicts that hit ``want``, looked up through the gold sides' article keys (a
    hit needs an article on each side), so scoring is linear, not gold x found."""
    candidates = sorted({i for key in want.a | want.b for i in by_key.get(key, [])})
    return [i for i in candidates if _hits(found[i], sides[i], want)]


def score_conflicts(k: Keyed, gold: Mapping[str, Any]) -> FindingScore:
    row = FindingScore(finding="conflicts")
    want = gold_conflicts(gold)
    found = [p for p in _found_conflicts(k) if _articles(k, p[0]) or _articles(k, p[1])]
    if not found:
        row.note = "analysis reports no conflicts"
    sides = [(_articles(k, x), _articles(k, y)) for x, y in found]
    by_key: dict[str, list[int]] = {}
    for i, (x, y) in enumerate(sides):
        for key in x | y:
            by_key.setdefault(key, []).append(i)
    row.support = len(want)
    hit: set[int] = set()
    for conflict in want:
        hits = _hit_pairs(found, sides, conflict, by_key)
        hit.update(hits)
        if hits:
            row.tp += 1
        else:
            row.fn += 1
            row.misses.append(
                f"missed conflict {conflict.label}: {sorted(conflict.a)} vs {sorted(conflict.b)}"
            )
    wrong = [p for i, p in enumerate(found) if i not in hit]
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
    by_key: dict[str, list[Change]] = {}  # an error is looked for among its article's changes
    for change in changes:
        by_key.setdefault(k.key_of[change.article], []).append(change)
    used: set[str] = set()
    row.support = len(want)
    for key, text in want:
        hit = next(
            (
                c for c in by_key.get(key, [])
                if norm(text) in norm(c.text) or token_share(text, c.text) >= 0.8
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


def _entity_index(entities: list[Entity]) -> tuple[dict[str, list[int]], dict[Tokens, list[int]]]:
    """Entity positions by normalised name or alias, and by the name's tokens."""
    by_name: dict[str, list[int]] = {}
    by_tokens: dict[Tokens, list[int]] = {}
    for i, entity in enumerate(entities):
        for name in {norm(n) for n in [entity.name, *entity.aliases]}:
            by_name.setdefault(name, []).append(i)
        by_tokens.setdefault(name_tokens(entity.name), []).append(i)
    return by_name, by_tokens


def _distinctive_forms(groups: dict[str, list[str]]) -> dict[str, list[str]]:
    """Gold groups without the forms another group lists too: stories drawn independently
    can call two companies by one short name ("Acme" for "Acme Dynamics" in one story, for
    "Acme Mining" in another); such a form is resolved in its story's context and cannot tell
    which corpus-wide group an entity holds."""
    owners: Counter[str] = Counter(norm(f) for forms in groups.values() for f in set(forms))
    return {name: [f for f in forms if owners[norm(f)] == 1] for name, forms in groups.items()}


def score_entities(k: Keyed, gold: Mapping[str, Any]) -> FindingScore:
    """A gold group is right when its surface forms resolve to exactly one entity holding
    no other group's forms; each entity holding two groups' forms is a false merge.
    Entities are looked up by name and token index (linear, not groups x entities)."""
    row = FindingScore(finding="entity_groups")
    groups = _distinctive_forms(gold_entity_groups(gold))
    entities = k.analysis.entities
    if not entities:
        row.note = "analysis has no entities"
    by_name, by_tokens = _entity_index(entities)
    holders: dict[str, set[str]] = {}  # entity id -> gold groups it holds
    owners: dict[str, set[str]] = {}  # gold group -> entity ids holding it
    for name, forms in groups.items():
        hits = {i for f in forms for i in by_name.get(norm(f), [])}
        hits |= {i for f in forms for i in by_tokens.get(name_tokens(f), [])}
        for i in sorted(hits):
            holders.setdefault(entities[i].id, set()).add(name)
            owners.setdefault(name, set()).add(entities[i].id)
    row.support = len(groups)
    for name in groups:
        held_by = owners.get(name, set())
        if len(held_by) == 1 and len(holders[next(iter(held_by))]) == 1:
            row.tp += 1
        else:
            row.fn += 1
            row.misses.append(f"{name}: {len(held_by)} entities" + (
                " (merged with another group)" if any(len(holders[o]) > 1 for o in held_by) else ""
            ))
    row.fp = sum(len(held) - 1 for held in holders.values() if len(held) > 1)
    return row
