"""The analysis as flat tables (one per record kind), the shape Parquet and DataFrames want.

Each table is declared as columns ``(name, arrow type, getter)`` so an empty analysis still
yields typed, empty tables; nested records ride along as a JSON ``data`` column. Row counts
match the workspace tables of ``store.py`` (same record lists).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from wirecheck.model import Analysis

S, INT, F, L = "string", "int64", "float64", "list<string>"
Getter = Callable[[Any], Any]


@dataclass(frozen=True)
class Spec:
    name: str
    columns: tuple[tuple[str, str, Getter], ...]
    rows: Callable[[Analysis], Iterable[Any]]


def _a(name: str) -> Getter:
    return lambda rec: getattr(rec, name)


def _s(name: str) -> Getter:
    """An enum or optional field as its string value."""
    return lambda rec: None if getattr(rec, name) is None else str(getattr(rec, name))


def _data(rec: Any) -> str:
    if isinstance(rec, BaseModel):
        return rec.model_dump_json(by_alias=True)
    return json.dumps(rec, default=str)


def _removed(analysis: Analysis) -> Iterable[Any]:
    for art in analysis.articles:
        for line in art.removed:
            yield {
                "article": art.id,
                "line_no": line.line_no,
                "reason": str(line.reason),
                "rule": line.rule,
                "text": line.text,
            }


def _families(analysis: Analysis) -> Iterable[Any]:
    for story in analysis.stories:
        for fam in story.families:
            yield {"story": story.id, "family": fam}


def _screening(analysis: Analysis) -> Iterable[Any]:
    for ent in analysis.entities:
        for match in ent.screening:
            yield {"entity": ent.id, "match": match}


def _k(key: str, inner: Getter | None = None) -> Getter:
    if inner is None:
        return lambda row: row[key]
    return lambda row: inner(row[key])


SPECS: tuple[Spec, ...] = (
    Spec(
        "articles",
        (
            ("id", S, _a("id")),
            ("source", S, _a("source")),
            ("title", S, _a("title")),
            ("date", S, _a("date")),
            ("outlet", S, _a("outlet")),
            ("url", S, _a("url")),
            ("language", S, _a("language")),
            ("story", S, _a("story")),
            ("family", S, _a("family")),
            ("body", S, _a("body")),
            ("removed_count", INT, lambda a: len(a.removed)),
        ),
        lambda an: an.articles,
    ),
    Spec(
        "removed_lines",
        (
            ("article", S, _k("article")),
            ("line_no", INT, _k("line_no")),
            ("reason", S, _k("reason")),
            ("rule", S, _k("rule")),
            ("text", S, _k("text")),
        ),
        _removed,
    ),
    Spec(
        "derivations",
        (
            ("derived", S, _a("derived")),
            ("source", S, _a("source")),
            ("kind", S, _s("kind")),
            ("score", F, _a("score")),
            ("direction", S, _a("direction")),
            ("evidence", L, _a("evidence")),
            ("data", S, _data),
        ),
        lambda an: an.derivations,
    ),
    Spec(
        "stories",
        (
            ("id", S, _a("id")),
            ("title", S, _a("title")),
            ("independent_origins", INT, _a("independent_origins")),
            ("articles", L, _a("articles")),
            ("families", L, lambda s: [f.id for f in s.families]),
        ),
        lambda an: an.stories,
    ),
    Spec(
        "families",
        (
            ("id", S, _k("family", _a("id"))),
            ("story", S, _k("story")),
            ("origin", S, _k("family", _a("origin"))),
            ("origin_article", S, _k("family", _a("origin_article"))),
            ("articles", L, _k("family", _a("articles"))),
        ),
        _families,
    ),
    Spec(
        "claims",
        (
            ("id", S, _a("id")),
            ("story", S, _a("story")),
            ("kind", S, _s("kind")),
            ("text", S, _a("text")),
            ("status", S, _s("status")),
            ("independent_origins", INT, _a("independent_origins")),
            ("supplier", S, _a("supplier")),
            ("recipient", S, _a("recipient")),
            ("goods", S, _a("goods")),
            ("hedge", S, _a("hedge")),
            ("families", L, _a("families")),
            ("data", S, _data),
        ),
        lambda an: an.claims,
    ),
    Spec(
        "claim_mentions",
        (
            ("id", S, _a("id")),
            ("article", S, _a("article")),
            ("kind", S, _s("kind")),
            ("start", INT, _a("start")),
            ("end", INT, _a("end")),
            ("text", S, _a("text")),
            ("data", S, _data),
        ),
        lambda an: an.mentions,
    ),
    Spec(
        "changes",
        (
            ("id", S, _a("id")),
            ("article", S, _a("article")),
            ("origin", S, _a("origin")),
            ("kind", S, _a("kind")),
            ("text", S, _a("text")),
            ("origin_text", S, _a("origin_text")),
            ("explanation", S, _a("explanation")),
        ),
        lambda an: an.changes,
    ),
    Spec(
        "entities",
        (
            ("id", S, _a("id")),
            ("name", S, _a("name")),
            ("type", S, _s("type")),
            ("country", S, _a("country")),
            ("aliases", L, _a("aliases")),
            ("articles", L, _a("articles")),
        ),
        lambda an: an.entities,
    ),
    Spec(
        "screening",
        (
            ("entity", S, _k("entity")),
            ("list", S, _k("match", _a("list"))),
            ("entry", S, _k("match", _a("entry"))),
            ("name", S, _k("match", _a("name"))),
            ("score", F, _k("match", _a("score"))),
            ("explanation", S, _k("match", _a("explanation"))),
            ("data", S, _k("match", _data)),
        ),
        _screening,
    ),
)


def columns(spec: Spec, analysis: Analysis) -> dict[str, list[Any]]:
    """Column-oriented values of one table."""
    rows = list(spec.rows(analysis))
    return {name: [get(row) for row in rows] for name, _, get in spec.columns}
