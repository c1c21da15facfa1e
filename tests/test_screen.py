"""Screening: blocking index, explained feature scores, thresholds, stage and CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wirecheck.entities.resolve import resolve_entities
from wirecheck.entities.screening.features import Party
from wirecheck.entities.screening.index import ScreenIndex
from wirecheck.entities.screening.keys import name_form
from wirecheck.entities.screening.screen import entity_party, screen_entities, screen_party
from wirecheck.model import (
    Analysis,
    Article,
    Entity,
    EntityMention,
    EntityType,
    FeatureScore,
    ListEntry,
)
from wirecheck.settings.screen import ScreenSettings


def _entry(ident: str, name: str, schema: str = "Company", **extra: list[str]) -> ListEntry:
    return ListEntry(list="demo", id=ident, schema=schema, name=name, **extra)


ENTRIES = [
    _entry("volna", "ООО Волнапром", countries=["ru"]),
    _entry("qiao", "Harbin Qiaolong Optics Co., Ltd.", countries=["cn"]),
    _entry("mei", "Harbin Meiyuan Optics Co., Ltd.", countries=["cn"]),
    _entry("tarn", "Tarnvale Systems Group", aliases=["Tarnvale Sys"]),
    _entry("gromek", "GROMEK, Pavel Arkadyevich", "Person", countries=["pl"]),
    _entry("plant7", "Kazimir Machine Plant No. 7 JSC"),
]
FILLER = [_entry(f"f{n}", f"Harbin Filler{n} Optics Trading Ltd") for n in range(300)]


@pytest.fixture(scope="module")
def index() -> ScreenIndex:
    return ScreenIndex.build(ENTRIES + FILLER)


def _org(name: str, country: str | None = None) -> Party:
    return Party((name_form(name, False),), False, frozenset([country] if country else []))


def _screen(index: ScreenIndex, party: Party, **settings: float) -> dict[str, float]:
    found = screen_party(index, party, ScreenSettings.model_validate(settings))
    return {m.entry: m.score for m in found}


@pytest.mark.parametrize(
    "query,target",
    [
        ("Volnaprom", "volna"),  # Cyrillic entry, Latin query (rigour transliteration)
        ("Harbin Qiaolong Optics", "qiao"),  # legal form dropped
        ("Qiaolong Optics Harbin", "qiao"),  # word order
        ("Harbin Qiaolng Optics", "qiao"),  # a letter missing
        ("Tarnvale Sys", "tarn"),  # alias
    ],
)
def test_variants_reach_their_entry(index: ScreenIndex, query: str, target: str) -> None:
    scores = _screen(index, _org(query))
    assert target in scores and scores[target] >= ScreenSettings().match_threshold
    assert max(scores, key=scores.__getitem__) == target


def test_hard_negative_sharing_city_and_generic_word_stays_out(index: ScreenIndex) -> None:
    scores = _screen(index, _org("Harbin Meiyuan Optics"))
    assert list(scores) == ["mei"]
    assert _screen(index, _org("Harbin Zhoutan Optics")) == {}


def test_every_match_explains_itself(index: ScreenIndex) -> None:
    match = screen_party(index, _org("Harbin Qiaolong Optics"), ScreenSettings())[0]
    features: list[FeatureScore] = match.features
    names = {f.name for f in features}
    assert {"name_fingerprint_match", "country_mismatch", "rare_token_mismatch"} <= names
    best = max(features, key=lambda f: f.contribution)
    assert best.name == "name_fingerprint_match" and best.weight > 0
    assert "Harbin Qiaolong Optics" in match.explanation and match.explanation.endswith(".")


def test_qualifiers_pull_scores_down(index: ScreenIndex) -> None:
    same = _screen(index, _org("Harbin Qiaolong Optics", "cn"))["qiao"]
    other = _screen(index, _org("Harbin Qiaolong Optics", "br"), match_threshold=0.1)["qiao"]
    assert other == pytest.approx(same - 0.2)
    plant = _screen(index, _org("Kazimir Machine Plant No. 9"), match_threshold=0.1)
    assert plant.get("plant7", 0.0) < ScreenSettings().match_threshold
    as_person = Party((name_form("Tarnvale Systems", True),), True)
    person_score = _screen(index, as_person, match_threshold=0.0)["tarn"]
    assert person_score < _screen(index, _org("Tarnvale Systems"))["tarn"]


def test_weights_can_be_overridden_per_run(index: ScreenIndex) -> None:
    party = _org("Harbin Qiaolong Optics", "br")
    default = _screen(index, party, match_threshold=0.1)["qiao"]
    heavier = screen_party(
        index,
        party,
        ScreenSettings(match_threshold=0.1, weights={"country_mismatch": -0.6}),
    )
    assert heavier[0].score == pytest.approx(default - 0.4)


def test_person_names_in_other_order_and_without_patronymic(index: ScreenIndex) -> None:
    person = Entity(id="p", name="Pavel Gromek", type=EntityType.PERSON, aliases=["Gromek"])
    party = entity_party(person)
    assert [f.raw for f in party.forms] == ["Pavel Gromek"]  # one-word names are not screened
    assert list(_screen(index, party)) == ["gromek"]


def test_blocking_returns_few_candidates(index: ScreenIndex) -> None:
    tokens = name_form("Harbin Qiaolong Optics", False).tokens
    found = index.candidates(tokens, limit=25, budget=ScreenSettings().posting_budget)
    assert index.entries[found[0]].id == "qiao"
    assert len(found) <= 25 < len(index.entries)


def _write_list(tmp_path: Path) -> Path:
    path = tmp_path / "demo-list.ftm.jsonl"
    rows = [
        {"id": e.id, "schema": e.schema_, "properties": {"name": [e.name], "country": e.countries}}
        for e in ENTRIES
    ]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n{bad\n")
    return path


def _analysis() -> Analysis:
    body = "Harbin Qiaolong Optics and Pavel Gromek were named; Gromek denied it."
    spans = [("Harbin Qiaolong Optics", "ORG"), ("Pavel Gromek", "PERSON")]
    mentions = [
        EntityMention(
            article="a", start=body.index(t), end=body.index(t) + len(t), text=t, label=label
        )
        for t, label in spans
    ]
    return Analysis(articles=[Article(id="a", source="a.txt", body=body)], entity_mentions=mentions)


def test_stage_screens_against_settings_lists(tmp_path: Path) -> None:
    settings = ScreenSettings(lists=[str(_write_list(tmp_path))])
    entities = resolve_entities(_analysis(), settings)
    matched = {e.name: [m.entry for m in e.screening] for e in entities}
    assert matched == {"Harbin Qiaolong Optics": ["qiao"], "Pavel Gromek": ["gromek"]}
    again = screen_entities(entities, settings)  # cached index, same answer
    assert [e.screening for e in again] == [e.screening for e in entities]


def test_list_errors_are_reported_and_good_lists_still_used(tmp_path: Path) -> None:
    from wirecheck.entities import resolve_with_errors
    from wirecheck.entities.lists import ListFormatError

    wrong = tmp_path / "wrong.csv"
    wrong.write_text("first,last\nA,B\n")
    good = _write_list(tmp_path)
    settings = ScreenSettings(lists=[str(wrong), str(good)])
    entities, errors = resolve_with_errors(_analysis(), settings)
    assert [(e.source, e.reason) for e in errors] == [
        (str(wrong), "unknown list format (use --format ftm|simple|csl)"),
        (
            str(good),
            f"row {len(ENTRIES) + 1}: broken JSON (Expecting property name enclosed "
            "in double quotes at column 2)",
        ),
    ]
    assert sum(len(e.screening) for e in entities) == 2
    with pytest.raises(ListFormatError, match="unknown list format"):
        resolve_entities(_analysis(), settings)


def test_screen_command_loads_list_and_saves_matches(tmp_path: Path) -> None:
    from wirecheck.cli import app
    from wirecheck.entities.resolve import resolve_only
    from wirecheck.store import Workspace

    db = tmp_path / "ws.duckdb"
    analysis = _analysis()
    with Workspace.open(db) as workspace:
        workspace.save_analysis(
            analysis.model_copy(update={"entities": resolve_only(analysis, ScreenSettings())})
        )
    runner = CliRunner()
    args = [
        "screen",
        "--list",
        str(_write_list(tmp_path)),
        "--db",
        str(db),
        "--json",
        "--out",
        str(tmp_path / "out"),
    ]
    result = runner.invoke(app, args)
    assert result.exit_code == 1, result.output  # one bad row: reported, rest loaded
    payload = json.loads(result.stdout)
    assert payload["list"]["entries"] == len(ENTRIES) and payload["bad_rows"] == 1
    assert {m["entry"] for m in payload["matches"]} == {"qiao", "gromek"}
    with Workspace.open(db) as workspace:
        stored = workspace.load_analysis()
        assert workspace.list_lists()[0][2] == len(ENTRIES)
    assert sum(len(e.screening) for e in stored.entities) == 2
    written = json.loads((tmp_path / "out" / "analysis.json").read_text())
    assert any(e["screening"] for e in written["entities"])
    wrong = tmp_path / "wrong.csv"
    wrong.write_text("a,b\n1,2\n")
    bad = runner.invoke(app, ["screen", "--list", str(wrong), "--db", str(db), "--format", "csl"])
    assert bad.exit_code == 2 and "missing column(s)" in bad.output


def test_quick_benchmark_finds_every_target(monkeypatch: pytest.MonkeyPatch) -> None:
    """bench_screen's generated list (10k entries in quick mode): every target variant is
    found at the default threshold, and every reported match explains itself."""
    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parents[1]))
    from bench.bench_screen import main

    result = main(quick=True, million=False)
    metrics = {r["metric"]: r for r in result["results"]}
    assert metrics["target_recall"]["value"] == 1.0
    assert result["workspace_list"]["same_matches_as_in_memory"]
    assert result["missed_at_default"] == []
    assert 0.5 < metrics["precision"]["value"] <= 1.0
