"""Exports of an ``Analysis``: analysis.json, FtM JSON lines, GraphML and Parquet tables.

Each writer is validated by its own library in the tests (followthemoney, networkx,
DuckDB and Polars). Heavy libraries are imported inside the functions.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from wirecheck.model import Analysis
from wirecheck.report.tables import SPECS, columns

FORMATS = ("json", "ftm", "graphml", "parquet")


def write_json(analysis: Analysis, path: Path) -> list[Path]:
    """``analysis.json`` (SPEC contract), formatted like the one ``wirecheck run`` writes."""
    from wirecheck.store.jsonfile import write_model_json

    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        write_model_json(analysis, handle)
    return [path]


def write_ftm(analysis: Analysis, path: Path) -> list[Path]:
    """FtM entities, one JSON object a line, from the entities helper's ``export_ftm``."""
    from wirecheck.entities.ftm_export import export_ftm

    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        for entity in export_ftm(analysis):
            out.write(json.dumps(entity, ensure_ascii=False, sort_keys=True) + "\n")
    return [path]


def _attrs(**values: Any) -> dict[str, str | int | float | bool]:
    """Only GraphML-legal attribute types; lists become '; '-joined strings, None is dropped."""
    out: dict[str, str | int | float | bool] = {}
    for key, value in values.items():
        if value is None:
            continue
        if isinstance(value, list | tuple):
            value = "; ".join(str(v) for v in value)
        out[key] = value if isinstance(value, str | int | float | bool) else str(value)
    return out


def _node(graph: Any, node_id: str, kind: str, label: str, **values: Any) -> None:
    graph.add_node(node_id, **_attrs(type=kind, label=label, **values))


def _edge(graph: Any, head: str, tail: str, relation: str, **values: Any) -> None:
    graph.add_edge(head, tail, **_attrs(relation=relation, **values))


def _add_stories(graph: Any, analysis: Analysis) -> None:
    """Story and family nodes; family -> story ``part_of``, article -> family ``member_of``."""
    for story in analysis.stories:
        origins = story.independent_origins
        _node(graph, story.id, "story", story.title or story.id, independent_origins=origins)
        for fam in story.families:
            label = fam.origin or fam.id
            _node(graph, fam.id, "family", label, origin_article=fam.origin_article)
            _edge(graph, fam.id, story.id, "part_of")
            for art_id in fam.articles:
                _edge(graph, art_id, fam.id, "member_of")


def _add_entities(graph: Any, analysis: Analysis) -> None:
    """Entity nodes, article -> entity ``mentions``, supplier -> recipient ``supplies``."""
    for ent in analysis.entities:
        _node(graph, ent.id, "entity", ent.name, entity_type=str(ent.type),
              aliases=ent.aliases, screened=bool(ent.screening))  # fmt: skip
        for art_id in ent.articles:
            _edge(graph, art_id, ent.id, "mentions")
    for claim in analysis.claims:
        ends = (claim.supplier, claim.recipient)
        if claim.supplier and claim.recipient and all(graph.has_node(e) for e in ends):
            _edge(graph, claim.supplier, claim.recipient, "supplies", goods=claim.goods,
                  claim=claim.id, status=str(claim.status))  # fmt: skip


def build_graph(analysis: Analysis) -> Any:
    """A networkx MultiDiGraph of stories, families, articles, entities and their relations."""
    import networkx as nx

    graph = nx.MultiDiGraph()
    for art in analysis.articles:
        _node(graph, art.id, "article", art.title or art.id, outlet=art.outlet,
              date=art.date, source=art.source)  # fmt: skip
    _add_stories(graph, analysis)
    for d in analysis.derivations:
        _edge(graph, d.derived, d.source, "derived_from", kind=str(d.kind), score=d.score,
              direction=d.direction)  # fmt: skip
    _add_entities(graph, analysis)
    return graph


def write_graphml(analysis: Analysis, path: Path) -> list[Path]:
    import networkx as nx

    path.parent.mkdir(parents=True, exist_ok=True)
    nx.write_graphml(build_graph(analysis), str(path))
    return [path]


def arrow_tables(analysis: Analysis) -> dict[str, Any]:
    """One ``pyarrow.Table`` per record kind, typed even when empty."""
    import pyarrow as pa

    types = {
        "string": pa.string(),
        "int64": pa.int64(),
        "float64": pa.float64(),
        "list<string>": pa.list_(pa.string()),
    }
    out: dict[str, Any] = {}
    for spec in SPECS:
        schema = pa.schema([(name, types[kind]) for name, kind, _ in spec.columns])
        out[spec.name] = pa.Table.from_pydict(columns(spec, analysis), schema=schema)
    return out


def write_parquet(analysis: Analysis, out_dir: Path) -> list[Path]:
    """``out_dir/<table>.parquet`` for every table of ``tables.SPECS``."""
    import pyarrow.parquet as pq

    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, table in arrow_tables(analysis).items():
        path = out_dir / f"{name}.parquet"
        pq.write_table(table, str(path))
        paths.append(path)
    return paths


def export(analysis: Analysis, fmt: str, out: Path) -> list[Path]:
    """Write ``analysis`` in ``fmt`` (one of FORMATS) to ``out`` (a file, or a dir for parquet)."""
    writers = {
        "json": write_json,
        "ftm": write_ftm,
        "graphml": write_graphml,
        "parquet": write_parquet,
    }
    if fmt not in writers:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return writers[fmt](analysis, out)
