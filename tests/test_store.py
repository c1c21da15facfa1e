"""The DuckDB workspace: round-trips, idempotent upserts, migrations, queries, lists, threads."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from wirecheck.model import (
    AlignedPassage,
    Analysis,
    Article,
    Change,
    ClaimGroup,
    ClaimKind,
    ClaimMention,
    ClaimStatus,
    Derivation,
    DerivationKind,
    Entity,
    EntityMention,
    EntityType,
    Explanation,
    Family,
    FeatureScore,
    IngestError,
    ListEntry,
    Passage,
    Quantity,
    RemovedLine,
    ScreeningMatch,
    Story,
)
from wirecheck.store import SCHEMA_VERSION, RunRecord, Workspace


def article(n: int, story: str | None = None) -> Article:
    body = f"Zorblax Widgets shipped {n} crates of couplings to Sylvania, officials said."
    return Article(
        id=Article.make_id(f"src{n}.txt", body),
        source=f"src{n}.txt",
        title=f"Zorblax shipment {n}",
        body=body,
        story=story,
        removed=[
            RemovedLine(text="Share this story", reason="boilerplate", rule="chrome", line_no=2)
        ],
    )


def analysis_fixture() -> Analysis:
    a, b = article(1, "s-1"), article(2, "s-1")
    passage = Passage(article=a.id, start=0, end=10, text=a.body[:10])
    explanation = Explanation(
        score=0.9, features=[FeatureScore(name="shingles", value=0.9, weight=1)]
    )
    derivation = Derivation(
        derived=b.id,
        source=a.id,
        kind=DerivationKind.COPY,
        score=0.9,
        evidence=[a.body[:20]],
        passages=[AlignedPassage(derived=passage, source=passage, similarity=0.9)],
        explanation=explanation,
    )
    family = Family(id="f-1", articles=[a.id, b.id], origin="Ledger", origin_article=a.id)
    story = Story(
        id="s-1", title="Zorblax", articles=[a.id, b.id], families=[family], independent_origins=1
    )
    quantity = Quantity(low=1, high=2, unit="count", qualifier="about", text="about 2")
    mention = ClaimMention(
        id="m-1",
        article=a.id,
        kind=ClaimKind.SUPPLY,
        start=0,
        end=20,
        text=a.body,
        supplier="e-1",
        quantity=quantity,
    )
    claim = ClaimGroup(
        id="c-1",
        story="s-1",
        kind=ClaimKind.SUPPLY,
        text="Zorblax ships",
        status=ClaimStatus.SINGLE_SOURCE,
        independent_origins=1,
    )
    change = Change(
        id="ch-1",
        article=b.id,
        origin=a.id,
        kind="number",
        text="2",
        origin_text="1",
        explanation="number changed",
    )
    match = ScreeningMatch(list="demo", entry="x1", name="ZORBLAX", score=0.8, explanation="name")
    entity = Entity(
        id="e-1",
        name="Zorblax Widgets",
        type=EntityType.ORGANIZATION,
        articles=[a.id],
        screening=[match],
    )
    ent_mention = EntityMention(article=a.id, start=0, end=7, text="Zorblax", label="ORG")
    return Analysis(
        articles=[a, b],
        derivations=[derivation],
        stories=[story],
        claims=[claim],
        changes=[change],
        entities=[entity],
        mentions=[mention],
        entity_mentions=[ent_mention],
    )


def test_analysis_round_trips_through_a_file(tmp_path: Path) -> None:
    db = tmp_path / "ws.duckdb"
    original = analysis_fixture()
    with Workspace.open(db) as workspace:
        workspace.save_analysis(original)
    with Workspace.open(db) as workspace:
        loaded = workspace.load_analysis()
        assert loaded == original
        assert workspace.count("families") == 1 and workspace.count("screening") == 1
        assert workspace.count("removed_lines") == 2


def test_save_analysis_replaces_derived_tables() -> None:
    with Workspace.open(None) as workspace:
        workspace.save_analysis(analysis_fixture())
        smaller = analysis_fixture().model_copy(update={"claims": [], "changes": []})
        workspace.save_analysis(smaller)
        loaded = workspace.load_analysis()
        assert loaded.claims == [] and loaded.changes == []
        assert loaded.stories == smaller.stories and len(loaded.articles) == 2


def test_upsert_is_idempotent_and_keeps_first_order() -> None:
    with Workspace.open(None) as workspace:
        first = [article(n) for n in range(5)]
        assert workspace.upsert_articles(first) == 5
        assert workspace.upsert_articles(list(reversed(first))) == 0
        updated = first[2].model_copy(update={"title": "Changed"})
        assert workspace.upsert_articles([updated, article(9)]) == 1
        stored = list(workspace.iter_articles())
        assert [a.id for a in stored] == [a.id for a in first] + [article(9).id]
        assert stored[2].title == "Changed"
        assert workspace.count("removed_lines") == 6  # replaced, not duplicated


def test_schema_version_and_migrations(tmp_path: Path) -> None:
    db = tmp_path / "ws.duckdb"
    Workspace.open(db).close()
    import duckdb

    conn = duckdb.connect(str(db))
    row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    assert row is not None and int(row[0]) == SCHEMA_VERSION
    conn.execute(
        "UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(SCHEMA_VERSION + 1)]
    )
    conn.close()
    with pytest.raises(RuntimeError, match="newer"):
        Workspace.open(db)


def test_a_version_1_workspace_is_migrated(tmp_path: Path) -> None:
    import duckdb

    from wirecheck.store import MIGRATIONS

    db = tmp_path / "old.duckdb"
    conn = duckdb.connect(str(db))  # a workspace as version 1 left it: body stored twice
    conn.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
    for statement in MIGRATIONS[0]:
        conn.execute(statement)
    conn.execute("ALTER TABLE articles ADD COLUMN body VARCHAR")
    conn.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    conn.close()
    with Workspace.open(db) as workspace:
        workspace.upsert_articles([article(1)])
        assert workspace.search_articles("crates of couplings").total == 1
    conn = duckdb.connect(str(db))
    columns = [row[0] for row in conn.execute("DESCRIBE articles").fetchall()]
    version = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    conn.close()
    assert "body" not in columns and version == (str(SCHEMA_VERSION),)


def test_paging_filters_and_search() -> None:
    with Workspace.open(None) as workspace:
        workspace.save_analysis(analysis_fixture())
        workspace.upsert_articles([article(n) for n in range(3, 13)])
        page = workspace.articles_page(offset=2, limit=3)
        assert page.total == 12 and len(page.items) == 3
        assert workspace.articles_page(story="s-1").total == 2
        hits = workspace.search_articles("SHIPMENT 1")
        assert sorted(a.title or "" for a in hits.items) == [
            "Zorblax shipment 1",
            "Zorblax shipment 10",
            "Zorblax shipment 11",
            "Zorblax shipment 12",
        ]
        assert workspace.search_articles("100%").total == 0  # LIKE wildcards are escaped
        assert workspace.claims_page(status="single_source").total == 1
        assert workspace.claims_page(status="conflict").total == 0
        assert (
            workspace.entities_page(entity_type="organization").items[0].name == "Zorblax Widgets"
        )
        assert workspace.changes_page(article=article(2).id).total == 1
        assert workspace.get_claim("c-1") is not None and workspace.get_story("nope") is None
        assert len(workspace.derivations_of(article(1).id)) == 1


def test_lists_and_runs() -> None:
    with Workspace.open(None) as workspace:
        entries = [
            ListEntry(list="demo", id=f"x{i}", name=f"Name {i}", aliases=["A"]) for i in range(3)
        ]
        assert workspace.save_list("demo", "2024-01", entries) == 3
        assert workspace.save_list("demo", "2024-02", entries[:2]) == 2
        assert [e.id for e in workspace.iter_list_entries("demo")] == ["x0", "x1"]
        assert workspace.list_lists() == [("demo", "2024-02", 2)]
        run = RunRecord(id="r1", started="2024-01-01T00:00:00+00:00", inputs=["a"])
        workspace.record_run(run)
        errors = [IngestError(source="bad.bin", reason="binary content")]
        workspace.record_run(run.model_copy(update={"finished": "x", "errors": errors}))
        assert workspace.list_runs()[0].errors == errors
        assert workspace.count("ingest_errors") == 1
        assert workspace.load_analysis().errors == errors


def test_readers_in_threads_while_a_writer_commits() -> None:
    with Workspace.open(None) as workspace:
        workspace.upsert_articles([article(0)])
        seen: list[int] = []
        failures: list[BaseException] = []
        stop = threading.Event()

        def read() -> None:
            try:
                while not stop.is_set():
                    seen.append(workspace.articles_page(limit=5).total)
            except BaseException as err:  # surfaced below
                failures.append(err)

        threads = [threading.Thread(target=read) for _ in range(3)]
        for thread in threads:
            thread.start()
        for start in range(1, 200, 20):
            workspace.upsert_articles([article(n) for n in range(start, start + 20)])
        stop.set()
        for thread in threads:
            thread.join()
        assert failures == []
        assert seen and min(seen) >= 1 and max(seen) <= 201
        assert workspace.count("articles") == 201


def test_rows_are_built_in_chunks_one_per_key() -> None:
    """A record repeated under one key is written once: the last record at the first
    position; rows come in chunks of at most INSERT_CHUNK, every key once in all."""
    from wirecheck.store.schema import INSERT_CHUNK, STORIES, unique_rows

    keys = INSERT_CHUNK + 7
    stories = [Story(id=f"s-{n % keys:04x}", title=str(n)) for n in range(2 * INSERT_CHUNK + 50)]
    chunks = list(unique_rows(STORIES, stories, seq=10))
    assert all(0 < len(chunk) <= INSERT_CHUNK for chunk in chunks)
    rows = {key: row for chunk in chunks for key, row in chunk}
    assert len(rows) == sum(len(chunk) for chunk in chunks) == keys
    first = rows[("s-0000",)]  # stories 0, keys and 2 * keys
    assert first[0] == 10 and Story.model_validate_json(first[-1]).title == str(2 * keys)


def test_a_saved_analysis_with_a_repeated_story_keeps_the_last(tmp_path: Path) -> None:
    repeated = [("s-0001", "first"), ("s-0002", "b"), ("s-0001", "last")]
    analysis = Analysis(stories=[Story(id=i, title=t) for i, t in repeated])
    with Workspace.open(tmp_path / "ws.duckdb") as workspace:
        workspace.save_analysis(analysis)
        assert [(s.id, s.title) for s in workspace.load_analysis().stories] == [
            ("s-0001", "last"), ("s-0002", "b")
        ]


def test_pages_tile_the_listing_with_and_without_filters(tmp_path: Path) -> None:
    """Pages found by position (``_page_seqs``) cover the stored order exactly once, a
    filtered listing (story, search) too, and a page past the end is empty."""
    articles = [article(n, "s-a" if n % 3 else "s-b") for n in range(40)]
    with Workspace.open(tmp_path / "ws.duckdb") as workspace:
        workspace.upsert_articles(articles)

        def tiled(**filters: str) -> list[str]:
            pages = [workspace.articles_page(o, 7, **filters) for o in range(0, 49, 7)]
            assert {p.total for p in pages} == {len([i for p in pages for i in p.items])}
            return [a.id for p in pages for a in p.items]

        assert tiled() == [a.id for a in articles]
        assert tiled(story="s-b") == [a.id for a in articles if a.story == "s-b"]
        assert tiled(q="shipped 1") == [a.id for a in articles if "shipped 1" in a.body]
        past = workspace.articles_page(40, 7)
        assert past.items == [] and past.total == 40
