"""Exports validated by their own libraries: networkx, DuckDB, Polars, followthemoney."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import networkx as nx
import polars as pl
import pytest
from typer.testing import CliRunner

from test_report_factory import make_analysis
from wirecheck.cli import app
from wirecheck.model import Analysis
from wirecheck.report.export import export
from wirecheck.report.tables import SPECS
from wirecheck.store import Workspace


@pytest.fixture()
def workspace_file(tmp_path: Path) -> Path:
    path = tmp_path / "ws.duckdb"
    with Workspace.open(path) as ws:
        ws.save_analysis(make_analysis())
    return path


def test_json_round_trips(tmp_path: Path) -> None:
    analysis = make_analysis()
    [path] = export(analysis, "json", tmp_path / "analysis.json")
    data = json.loads(path.read_text())
    assert data["version"] == 1
    assert data["claims"][1]["conflicts"][0]["with"] == "c-share-b"  # SPEC spelling
    assert Analysis.model_validate(data).to_json_dict() == analysis.to_json_dict()


def test_graphml_loads_in_networkx(tmp_path: Path) -> None:
    analysis = make_analysis()
    [path] = export(analysis, "graphml", tmp_path / "g.graphml")
    graph = nx.read_graphml(path)
    types = nx.get_node_attributes(graph, "type")
    assert sorted(types.values()).count("article") == len(analysis.articles)
    assert list(types.values()).count("family") == 4
    assert list(types.values()).count("entity") == 2
    edges = [(u, v, d) for u, v, d in graph.edges(data=True)]
    derived = [(u, v, d["kind"]) for u, v, d in edges if d["relation"] == "derived_from"]
    assert ("a-lantern", "a-harbour", "copy") in derived
    assert any(d["relation"] == "supplies" and u == "e-aldermoor" for u, _, d in edges)


def test_parquet_row_counts_match_workspace(tmp_path: Path, workspace_file: Path) -> None:
    with Workspace.open(workspace_file) as ws:
        analysis = ws.load_analysis()
        expected = {spec.name: ws.count(spec.name) for spec in SPECS}
    paths = export(analysis, "parquet", tmp_path / "pq")
    assert {p.stem for p in paths} == set(expected)
    assert expected["screening"] == 1 and expected["families"] == 4
    assert expected["removed_lines"] == 6 and expected["claim_mentions"] == 10
    for path in paths:
        [(rows,)] = duckdb.execute(f"SELECT count(*) FROM read_parquet('{path}')").fetchall()
        assert rows == expected[path.stem], path.stem
        assert pl.read_parquet(path).height == expected[path.stem], path.stem
    claims = pl.read_parquet(tmp_path / "pq" / "claims.parquet")
    assert sorted(claims["status"].to_list()).count("conflict") == 2


def test_parquet_of_empty_analysis_keeps_schemas(tmp_path: Path) -> None:
    paths = export(Analysis(), "parquet", tmp_path / "pq")
    frame = pl.read_parquet(tmp_path / "pq" / "articles.parquet")
    assert frame.height == 0 and "body" in frame.columns
    assert len(paths) == len(SPECS)


def test_ftm_entities_load_in_followthemoney(tmp_path: Path) -> None:
    from followthemoney import model

    [path] = export(make_analysis(), "ftm", tmp_path / "entities.ftm.json")
    proxies = [model.get_proxy(json.loads(line)) for line in path.read_text().splitlines()]
    assert all(p.id and p.schema is not None for p in proxies)
    names = {n for p in proxies if p.schema.is_a("LegalEntity") for n in p.get("name")}
    assert "Aldermoor Shipping" in names
    assert sum(1 for p in proxies if p.schema.name == "Article") == len(make_analysis().articles)


def test_cli_export_and_report(tmp_path: Path, workspace_file: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["export", "--db", str(workspace_file), "--format", "graphml",
                                 "--out", str(tmp_path / "g.graphml")])
    assert result.exit_code == 0, result.output
    assert nx.read_graphml(tmp_path / "g.graphml").number_of_nodes() > 0
    result = runner.invoke(app, ["report", "--db", str(workspace_file), "--format", "md",
                                 "--out", str(tmp_path / "b.md")])
    assert result.exit_code == 0, result.output
    assert "3 independent origins" in (tmp_path / "b.md").read_text()
    result = runner.invoke(app, ["export", "--format", "json", "--out", str(tmp_path / "x")])
    assert result.exit_code == 2
    (tmp_path / "bad.duckdb").write_text("not a database")
    result = runner.invoke(app, ["export", "--db", str(tmp_path / "bad.duckdb"), "--format",
                                 "json", "--out", str(tmp_path / "x")])
    assert result.exit_code == 2 and "cannot read workspace" in result.output
    result = runner.invoke(app, ["export", "--db", str(workspace_file), "--format", "xls",
                                 "--out", str(tmp_path / "x")])
    assert result.exit_code == 2
