"""Article-level scorers: boilerplate removed, captions, site summaries, body kept, dates."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from wirecheck.evaluate.keys import Keyed, same_text
from wirecheck.evaluate.results import FindingScore
from wirecheck.model import Article, RemovalReason, RemovedLine

_SPECIAL = ("captions", "derived_summary")
# Removed lines that are neither chrome nor lost text: the title (kept in Article.title)
# and a re-printed paragraph (its other copy stays in the body).
_NEUTRAL_RULES = ("title", "repeated-title", "duplicate-line")


def gold_boilerplate(gold: Mapping[str, Any]) -> dict[str, list[str]]:
    section: Mapping[str, Any] = gold.get("boilerplate") or {}
    return {str(k): [str(x) for x in v or []] for k, v in section.items() if k not in _SPECIAL}


def gold_summaries(gold: Mapping[str, Any]) -> dict[str, list[str]]:
    section = (gold.get("boilerplate") or {}).get("derived_summary") or {}
    return {str(k): [str(x) for x in v or []] for k, v in section.items()}


def gold_captions(gold: Mapping[str, Any]) -> dict[str, int]:
    section = (gold.get("boilerplate") or {}).get("captions") or {}
    return {str(k): int(v) for k, v in section.items()}


def _neutral(line: RemovedLine, article: Article) -> bool:
    """Removals that cost no body text: the title, a duplicate, a summary, a caption."""
    if line.reason in (RemovalReason.SUMMARY, RemovalReason.CAPTION):
        return True
    if line.rule == "duplicate-line":
        return line.text.strip() in article.body
    return line.rule in _NEUTRAL_RULES and same_text(line.text, article.title or "")


def score_boilerplate(k: Keyed, gold: Mapping[str, Any]) -> FindingScore:
    """P/R over lines: gold chrome lines not in the body (tp) or still there (fn); removed
    lines that were article text (fp)."""
    expected = gold_boilerplate(gold)
    row = FindingScore(finding="boilerplate_removed")
    for key, article in k.keyed_articles():
        lines = expected.get(key, [])
        row.support += len(lines)
        paragraphs = [p for p in article.body.split("\n\n") if p.strip()]
        for line in lines:
            # removed by the cleaner, or never reached it (trafilatura dropped it from HTML)
            if any(same_text(line, p) for p in paragraphs):
                row.fn += 1
                row.misses.append(f"{key}: kept {line[:70]!r}")
            else:
                row.tp += 1
        for removed in article.removed:
            if _neutral(removed, article) or any(same_text(g, removed.text) for g in lines):
                continue
            row.fp += 1
            row.misses.append(f"{key}: removed body text {removed.text[:70]!r}")
    return row


def score_body_kept(k: Keyed, gold: Mapping[str, Any]) -> FindingScore:
    """Body lines: recall = body lines kept / (kept + body lines wrongly removed);
    precision = body lines that are not gold chrome / body lines."""
    expected = gold_boilerplate(gold)
    summaries = gold_summaries(gold)
    row = FindingScore(finding="body_lines_kept")
    for key, article in k.keyed_articles():
        chrome = expected.get(key, [])
        # summary bullets compare as written: "- X." restates body line "X." (which stays)
        bullets = {line.strip() for line in summaries.get(key, [])}
        for paragraph in (p for p in article.body.split("\n\n") if p.strip()):
            if paragraph.strip() in bullets or any(same_text(g, paragraph) for g in chrome):
                row.fp += 1
                row.misses.append(f"{key}: chrome in body {paragraph[:70]!r}")
            else:
                row.tp += 1
        for removed in article.removed:
            if not _neutral(removed, article) and not any(
                same_text(g, removed.text) for g in chrome
            ):
                row.fn += 1
    row.support = row.tp + row.fn
    return row


def score_captions(k: Keyed, gold: Mapping[str, Any]) -> FindingScore:
    expected = gold_captions(gold)
    row = FindingScore(finding="captions")
    for key, article in k.keyed_articles():
        found = sum(1 for r in article.removed if r.reason == RemovalReason.CAPTION)
        want = expected.get(key, 0)
        row.support += want
        row.tp += min(found, want)
        row.fp += max(0, found - want)
        row.fn += max(0, want - found)
        if found != want:
            row.misses.append(f"{key}: {found} captions removed, gold {want}")
    return row


def score_summaries(k: Keyed, gold: Mapping[str, Any]) -> FindingScore:
    """Site-made summary lines kept apart (reason ``summary``), when the gold lists them."""
    expected = gold_summaries(gold)
    row = FindingScore(finding="site_summaries")
    if not expected:
        row.note = "gold lists no summary lines"
    for key, lines in sorted(expected.items()):
        article = k.article(key)
        found = (
            [r.text for r in article.removed if r.reason == RemovalReason.SUMMARY]
            if (article)
            else []
        )
        row.support += len(lines)
        hits = sum(1 for line in lines if any(same_text(line, f) for f in found))
        row.tp += hits
        row.fn += len(lines) - hits
        row.fp += sum(1 for f in found if not any(same_text(line, f) for line in lines))
    return row


def expected_dates(k: Keyed, gold: Mapping[str, Any]) -> dict[str, str | None]:
    """Gold date per article: its own entry, else its cluster's event, else the event."""
    section: Mapping[str, Any] = gold.get("dates") or {}
    clusters = (gold.get("story") or {}).get("clusters") or []
    events = section.get("events") or []
    first_cluster: dict[str, int] = {}  # key -> index of the first cluster holding it
    for i, cluster in enumerate(clusters):
        for member in map(str, cluster):
            first_cluster.setdefault(member, i)
    out: dict[str, str | None] = {}
    for key in k.id_of:
        if key in section:
            value = section[key]
        else:
            index = first_cluster.get(key)
            value = (
                events[index]
                if index is not None and index < len(events)
                else (section.get("event"))
            )
        out[key] = str(value) if value is not None else None
    return out


def score_dates(k: Keyed, gold: Mapping[str, Any]) -> FindingScore:
    """Articles with a gold date: right date = tp, other date = fp+fn, none = fn.

    Articles whose gold date is null (the text carries none) are not scored here; how
    many of them got a date anyway (e.g. borrowed from a similar article) is in ``extra``.
    """
    row = FindingScore(finding="dates")
    if not gold.get("dates"):
        row.note = "gold has no dates"
        return row
    dated_without_gold = 0
    for key, want in sorted(expected_dates(k, gold).items()):
        got = k.by_id[k.id_of[key]].date
        if want is None:
            dated_without_gold += got is not None
            continue
        row.tally_exact(got, want, key)
    row.extra["dated_where_gold_null"] = float(dated_without_gold)
    return row
