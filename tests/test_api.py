"""HTTP API: reads, paging caps, token-guarded ingest, body caps, ids never paths, headers."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from test_report_factory import PAYLOAD, hostile_analysis
from wirecheck.api import create_app
from wirecheck.api.ingest import (
    IngestDocument,
    IngestRequest,
    IngestWorker,
    JobStatus,
    clean_batch,
)
from wirecheck.api.views import token_diff
from wirecheck.model import Analysis, Article, RawDocument
from wirecheck.settings import Settings
from wirecheck.settings.api import ApiSettings
from wirecheck.store import Workspace

TOKEN = "test-token-123"


def make_client(tmp_path: Path, **settings: object) -> TestClient:
    path = tmp_path / "ws.duckdb"
    if not path.exists():
        with Workspace.open(path) as ws:
            ws.save_analysis(hostile_analysis())
    return TestClient(create_app(ApiSettings.model_validate(settings), path))


@pytest.fixture()
def client(tmp_path: Path) -> Iterator[TestClient]:
    with make_client(tmp_path, ingest_token=TOKEN, max_page_size=3,
                     max_body_bytes=64 * 1024) as c:
        yield c


def test_reads_and_paging(client: TestClient) -> None:
    stories = client.get("/api/stories").json()
    assert stories["total"] == 2 and {s["id"] for s in stories["items"]} == {"s-turbine", "s-canal"}
    page = client.get("/api/articles", params={"limit": 1000, "offset": 1}).json()
    assert page["limit"] == 3 and len(page["items"]) == 3 and page["total"] == 7
    assert client.get("/api/articles", params={"limit": 0}).status_code == 422
    assert client.get("/api/articles", params={"offset": -1}).status_code == 422
    art = client.get("/api/articles/a-harbour").json()
    assert art["article"]["removed"][0]["reason"] == "boilerplate"
    assert art["derivations"][0]["kind"] == "copy"
    conflicts = client.get("/api/claims", params={"status": "conflict"}).json()
    assert {c["id"] for c in conflicts["items"]} == {"c-share-a", "c-share-b"}
    assert client.get("/api/claims/c-supply").json()["independent_origins"] == 3
    assert client.get("/api/changes").json()["items"][0]["kind"] == "title"
    ent = client.get("/api/entities/e-aldermoor").json()
    assert ent["screening"][0]["features"][0]["name"] == "name_tokens"
    found = client.get("/api/search", params={"q": "canal"}).json()
    assert {a["id"] for a in found["items"]} == {"a-canal1", "a-canal2"}
    assert client.get("/api/stories/s-nothing").status_code == 404
    schema = client.get("/api/openapi.json").json()
    assert "/api/ingest" in schema["paths"] and "/api/claims/{claim_id}" in schema["paths"]


@pytest.mark.parametrize("path", [
    "/api/articles/..", "/api/articles/a-harbour.txt", "/api/articles/%2e%2e%2fsecret",
    "/api/articles/..%2F..%2Fsecret.txt", "/api/stories/a%00b", "/articles/..%2Fsecret.txt",
    "/static/..%2Fsecret.txt", "/static/../../secret.txt", "/api/claims/" + "a" * 200,
])
def test_ids_are_never_paths(client: TestClient, tmp_path: Path, path: str) -> None:
    (tmp_path / "secret.txt").write_text("TOP-SECRET-CONTENT")
    response = client.get(path)
    assert response.status_code in (404, 422)
    assert "TOP-SECRET" not in response.text


def test_ingest_needs_a_configured_token(tmp_path: Path) -> None:
    with make_client(tmp_path) as readonly:
        response = readonly.post("/api/ingest", json={"documents": [{"text": "x"}]},
                                 headers={"Authorization": "Bearer anything"})
        assert response.status_code == 403


def test_ingest_with_token(client: TestClient) -> None:
    before = [client.get(p).json()["total"] for p in ("/api/articles", "/api/articles")]
    assert before == [7, 7]  # the second answer may come from the read cache
    doc = {"documents": [{"text": "The Brenna lock reopened on Friday.", "title": "Lock open"}]}
    assert client.post("/api/ingest", json=doc).status_code == 401
    bad = client.post("/api/ingest", json=doc, headers={"Authorization": "Bearer wrong"})
    assert bad.status_code == 401 and bad.headers["www-authenticate"] == "Bearer"
    ok = client.post("/api/ingest", json=doc, headers={"Authorization": f"Bearer {TOKEN}"})
    assert ok.status_code == 202
    plain = client.post("/api/ingest", content=b"Barges queued at Velm.",
                        headers={"Authorization": f"Bearer {TOKEN}",
                                 "Content-Type": "text/plain"})
    assert plain.status_code == 202
    client.app.state.ingestor.wait()  # type: ignore[attr-defined]
    status = client.get(f"/api/ingest/{ok.json()['id']}").json()
    assert status["status"] == "done" and status["new"] == 1
    assert client.get("/api/articles").json()["total"] == 9
    assert client.get("/api/search", params={"q": "lock reopened"}).json()["total"] == 1
    broken = client.post("/api/ingest", content=b"{not json",
                         headers={"Authorization": f"Bearer {TOKEN}",
                                  "Content-Type": "application/json"})
    assert broken.status_code == 422


def test_request_bodies_are_capped(client: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "text/plain"}
    big = b"x" * (64 * 1024 + 1)
    assert client.post("/api/ingest", content=big, headers=auth).status_code == 413

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted while streaming
        for _ in range(70):
            yield b"y" * 1024

    assert client.post("/api/ingest", content=chunks(), headers=auth).status_code == 413
    assert client.get("/api/articles").json()["total"] == 7


def test_security_headers_everywhere(client: TestClient) -> None:
    for path in ("/", "/api/stories", "/static/app.js", "/api/articles/nope", "/stories/s-canal"):
        csp = client.get(path).headers["content-security-policy"]
        assert "script-src 'self'" in csp and "default-src 'self'" in csp


def test_ui_pages_escape_hostile_fields(client: TestClient) -> None:
    for path in ("/", "/stories/s-turbine", "/articles/a-hostile", "/claims/c-hostile",
                 "/search?q=Title"):
        html = client.get(path).text
        assert "<script>window" not in html and "<img src=x" not in html, path
        assert 'href="javascript:' not in html, path
    article = client.get("/articles/a-hostile").text
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in article
    assert PAYLOAD not in article


def test_readers_while_ingest_runs(client: TestClient) -> None:
    errors: list[str] = []
    docs = [{"text": f"Barge {i} left the port of Velm with grain.", "source": f"t{i}"}
            for i in range(120)]
    auth = {"Authorization": f"Bearer {TOKEN}"}

    def read() -> None:
        for i in range(15):
            r = client.get("/api/articles", params={"offset": i})
            if r.status_code != 200:
                errors.append(f"{r.status_code}")

    readers = [threading.Thread(target=read) for _ in range(8)]
    for t in readers:
        t.start()
    for start in range(0, 120, 30):
        r = client.post("/api/ingest", json={"documents": docs[start:start + 30]}, headers=auth)
        assert r.status_code == 202
    for t in readers:
        t.join()
    client.app.state.ingestor.wait()  # type: ignore[attr-defined]
    assert not errors
    assert client.get("/api/articles").json()["total"] == 7 + 120


def test_token_diff_marks_changed_words() -> None:
    parts = token_diff("the minister said so", "the president said so")
    assert [p.text for p in parts if p.changed] == ["president"]
    assert "".join(p.text for p in parts) == "the president said so"


def test_writer_survives_a_failing_job() -> None:
    def clean(docs: Sequence[RawDocument], settings: Settings) -> list[Article]:
        if any("BOOM" in d.text for d in docs):
            raise ValueError("cannot clean")
        return clean_batch(docs, settings)

    with Workspace.open(None) as ws:
        worker = IngestWorker(ws, Settings(), clean=clean)
        worker.start()
        bad = worker.submit(IngestRequest(documents=[IngestDocument(text="BOOM here")]))
        good = worker.submit(IngestRequest(documents=[IngestDocument(text="Quiet day.")]))
        worker.wait()
        worker.stop()
        failed, done = worker.status(bad.id), worker.status(good.id)
        assert failed is not None and failed.status == "failed" and "cannot clean" in failed.error
        assert done is not None and done.status == "done" and ws.count("articles") == 1


@pytest.mark.slow
def test_ingest_can_reanalyse_the_workspace(client: TestClient) -> None:
    body = {"analyze": True, "documents": [
        {"text": "Floodwater closed the Brenna canal to barges for six days. Traders said "
                 "losses were heavy.", "title": "Canal shut", "outlet": "Delta Daily"}]}
    r = client.post("/api/ingest", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    client.app.state.ingestor.wait()  # type: ignore[attr-defined]
    status = client.get(f"/api/ingest/{r.json()['id']}").json()
    assert status["status"] == "done" and status["analyzed"], status
    stories = client.get("/api/stories").json()["items"]
    assert sum(len(s["articles"]) for s in stories) == 8  # every article placed in a story


def test_serve_refuses_a_missing_workspace(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from wirecheck.cli import app

    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2 and not (tmp_path / "none.duckdb").exists()


def test_the_front_page_is_served_from_the_cache_until_a_write(client: TestClient) -> None:
    """The UI's front page is cached per write generation: a second request does not read
    the workspace; after an ingest commits, the page shows the new article count."""
    first = client.get("/")
    assert first.status_code == 200 and "7 articles" in first.text
    workspace = client.app.state.workspace  # type: ignore[attr-defined]
    reads = workspace.stories_page

    def refuse(*_: object) -> object:
        raise AssertionError("front page rendered again within one generation")

    workspace.stories_page = refuse
    assert client.get("/").text == first.text
    workspace.stories_page = reads
    doc = {"documents": [{"text": "The Brenna lock reopened on Friday.", "title": "Lock open"}]}
    ok = client.post("/api/ingest", json=doc, headers={"Authorization": f"Bearer {TOKEN}"})
    assert ok.status_code == 202
    client.app.state.ingestor.wait()  # type: ignore[attr-defined]
    assert "8 articles" in client.get("/").text


def _posted_samples() -> list[IngestDocument]:
    """The sample corpus's plain-text articles as an API client posts them, in source order."""
    folder = Path(__file__).resolve().parent.parent / "samples" / "corpus"
    return [
        IngestDocument(text=p.read_text(encoding="utf-8"), source=p.name)
        for p in sorted(folder.glob("*.txt"))
    ]


def _post(path: Path, docs: list[IngestDocument]) -> tuple[JobStatus, Analysis]:
    """Post ``docs`` with ``analyze`` to a worker on ``path``: the job, the stored analysis."""
    with Workspace.open(path) as ws:
        worker = IngestWorker(ws, Settings())
        worker.start()
        job = worker.submit(IngestRequest(documents=docs, analyze=True))
        worker.wait()
        worker.stop()
        status = worker.status(job.id)
        assert status is not None and status.status == "done" and status.analyzed, status
        return status, ws.load_analysis()


@pytest.mark.slow
def test_ingest_with_analysis_is_an_incremental_step(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Posting in two batches gives the analysis of posting everything at once (ids
    included), and the second step extracts only the articles whose cleaned content the
    workspace does not hold: the rest is reused, as ``wirecheck run NEW --db WS`` reuses it."""
    import wirecheck.extract as extract
    from wirecheck.incremental import content_key

    docs = _posted_samples()
    assert len(docs) >= 10
    extracted: list[int] = []
    real_extract = extract.extract_claims

    def counting(articles: Sequence[Article], *args: object) -> object:
        extracted.append(len(articles))
        return real_extract(articles, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(extract, "extract_claims", counting)
    _, once = _post(tmp_path / "one.duckdb", docs)
    first, before = _post(tmp_path / "two.duckdb", docs[:8])
    second, stepped = _post(tmp_path / "two.duckdb", docs[8:])
    assert (first.new, second.new) == (8, len(docs) - 8)
    held = {content_key(a) for a in before.articles}
    changed = [a for a in stepped.articles if content_key(a) not in held]
    assert extracted == [len(docs), 8, len(changed)] and len(changed) < len(docs)
    assert once.stories and once.claims
    assert stepped.to_json_dict() == once.to_json_dict()
    with Workspace.open(tmp_path / "two.duckdb") as ws:
        runs = ws.list_runs()
    assert [(r.command, r.counts["articles"]) for r in runs] == [
        ("ingest", 8), ("ingest", len(docs))
    ]
