"""Contradicting attributions: the same quoted words credited to different named sources.

Only quotes are checked (many people may *say* the same thing; one set of
quoted words has one speaker), and only *named* sources (a capitalised name of
two or more words, "Ana Ruiz", "Brennik Cargo"): roles such as "a senior
official" are compatible with any name. A cluster whose families name two
different sources (no family naming both) is split by source; the parts become
separate groups linked by conflict notes (``core.attribution_groups``).
"""

from __future__ import annotations

import re
from collections import defaultdict

from wirecheck.align.similarity import MentionView, word_runs
from wirecheck.align.text import quote_spans, tokens
from wirecheck.align.titles import same_person
from wirecheck.model import ClaimKind

Cluster = list[MentionView]

_NAMED = re.compile(r"^[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)+$")


def named_source(view: MentionView) -> str | None:
    """The quote's speaker when it is a proper name (not a role or pronoun)."""
    source = (view.mention.speaker or view.mention.attribution or "").strip()
    return source if _NAMED.match(source) else None


def _canonical(names: list[str]) -> dict[str, str]:
    """Each name -> the first name of its person ("Ruiz" joins "Ana Ruiz")."""
    heads: list[str] = []
    out = {}
    for name in sorted(names, key=len, reverse=True):
        head = next((h for h in heads if same_person(h, name)), None)
        if head is None:
            heads.append(name)
            head = name
        out[name] = head
    return out


def split_by_source(cluster: Cluster) -> list[Cluster]:
    """The cluster cut by named speaker when families credit the quote differently."""
    if not any(v.mention.kind == ClaimKind.QUOTE for v in cluster):
        return [cluster]
    names = {v.mention.id: n for v in cluster if (n := named_source(v))}
    canon = _canonical(list(set(names.values())))
    by_family: dict[str, set[str]] = defaultdict(set)
    for v in cluster:
        if v.mention.id in names:
            by_family[v.family].add(canon[names[v.mention.id]])
    sources = {s for found in by_family.values() for s in found}
    if len(sources) < 2 or any(len(found) > 1 for found in by_family.values()):
        return [cluster]
    parts: dict[str, Cluster] = defaultdict(list)
    for v in cluster:
        found = by_family.get(v.family)
        parts[next(iter(found)) if found else ""].append(v)
    unnamed = parts.pop("", [])
    ordered = sorted(parts.values(), key=len, reverse=True)
    ordered[0].extend(unnamed)
    return ordered


def _quoted_runs(part: Cluster, run: int) -> set[tuple[str, ...]]:
    out: set[tuple[str, ...]] = set()
    for view in part:
        text = view.mention.text
        for start, end in quote_spans(text):
            out |= word_runs([t.key for t in tokens(text, start, end)], run)
    return out


def same_quoted_words(left: Cluster, right: Cluster, run: int) -> bool:
    """The two parts quote one set of words: a shared run of ``run`` words inside quote
    marks. Two different quotes grouped on common words ("... to act quickly") credited to
    two people contradict nothing."""
    return not _quoted_runs(left, run).isdisjoint(_quoted_runs(right, run))
