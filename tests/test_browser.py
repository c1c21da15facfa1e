"""The web UI and the HTML briefing in a real (Debian) chromium, driven by Playwright.

The app runs under uvicorn on 127.0.0.1 on a free port; screenshots go to tests/artifacts/.
The factory workspace gives deterministic content; one test walks the sample corpus
through the real pipeline.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from test_report_factory import hostile_analysis
from wirecheck.api import create_app
from wirecheck.model import Analysis
from wirecheck.report import write_briefings
from wirecheck.settings.api import ApiSettings
from wirecheck.store import Workspace

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTIFACTS = Path(__file__).parent / "artifacts"
STARTUP_TIMEOUT_S = 30  # uvicorn binds in well under a second; generous for a loaded CI box


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class Server:
    """uvicorn serving ``create_app`` over a workspace file, in a background thread."""

    def __init__(self, workspace: Path) -> None:
        import uvicorn

        self.port = free_port()
        app = create_app(ApiSettings(), workspace)
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> Server:
        self.thread.start()
        deadline = time.monotonic() + STARTUP_TIMEOUT_S
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)  # polling for readiness, not waiting for a result
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(10)


def save(analysis: Analysis, path: Path) -> Path:
    with Workspace.open(path) as ws:
        ws.save_analysis(analysis)
    return path


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.fail("Debian chromium missing: run `make browser-deps`")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def factory_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    path = save(hostile_analysis(), tmp_path_factory.mktemp("ui") / "ws.duckdb")
    with Server(path) as server:
        yield server


@pytest.fixture()
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    pg = context.new_page()
    pg.dialogs: list[str] = []  # type: ignore[misc]
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    yield pg
    context.close()


def shot(page: Any, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_click_through_story_claim_article(page: Any, factory_server: Server) -> None:
    page.goto(factory_server.url + "/")
    assert page.locator("a.story-link").count() == 2
    shot(page, "ui-stories")
    page.click("text=Turbine deliveries to Kestrel")
    assert page.locator("#origins").inner_text().startswith("4 independent origins")
    assert page.locator("svg.matrix rect.cell").count() >= 5
    assert page.locator("svg.lineage path.edge").count() == 1
    assert page.locator("svg.lineage text.edge-label").first.text_content() == "copy"
    assert page.locator("svg.timeline circle").count() == 4
    assert page.locator(".legend .swatch").count() == 3
    shot(page, "ui-story")
    page.click("a.claim-link:has-text('Nearly 40%')")
    assert page.locator(".mention").count() == 3  # two mentions + the conflicting claim's
    assert page.locator(".mention.conflicting ins.diff").first.inner_text() == "More than"
    assert "conflicts with" in page.locator(".conflict-note").inner_text()
    shot(page, "ui-claim")
    page.locator("a.article-link").first.click()
    assert page.locator("#body mark").count() >= 2
    assert "boilerplate" in page.locator("#removed").inner_text()
    page.click("#toggle-removed")  # static JS runs under the CSP
    assert page.locator("#removed").is_hidden()
    shot(page, "ui-article")


def test_claim_page_highlights_differing_words(page: Any, factory_server: Server) -> None:
    page.goto(factory_server.url + "/claims/c-supply")
    assert page.locator(".mention").count() == 4
    assert page.locator("ins.diff").count() == 0  # identical wording in all four
    page.goto(factory_server.url + "/entities/e-aldermoor")
    assert "name_tokens" in page.locator("table.features").inner_text()
    assert "Aldermoor Shipping Ltd" in page.locator(".aliases").inner_text()
    shot(page, "ui-entity")


def assert_inert(page: Any) -> None:
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.dialogs == []


def test_hostile_article_is_inert_in_the_ui(page: Any, factory_server: Server) -> None:
    for path in ("/stories/s-turbine", "/articles/a-hostile", "/claims/c-hostile",
                 "/search?q=Title", "/"):
        page.goto(factory_server.url + path)
        assert_inert(page)
        for link in page.locator("a").all():
            assert not (link.get_attribute("href") or "").lower().startswith("javascript:")
    page.goto(factory_server.url + "/articles/a-hostile")
    assert "<script>window.__pwned=1</script>" in page.locator("h1").inner_text()
    shot(page, "ui-hostile")


def test_hostile_article_is_inert_in_the_briefing(page: Any, tmp_path: Path) -> None:
    _, html = write_briefings(hostile_analysis(), tmp_path)
    page.goto(html.as_uri())
    assert_inert(page)
    links = page.locator("a.cite")
    assert links.count() >= 5
    links.first.click()
    assert_inert(page)
    shot(page, "briefing-hostile")


@pytest.mark.slow
def test_sample_corpus_in_the_ui(page: Any, sample_analysis: Analysis, tmp_path: Path) -> None:
    """The real pipeline's output on the sample corpus: every page type renders and links."""
    with Server(save(sample_analysis, tmp_path / "ws.duckdb")) as server:
        page.goto(server.url + "/")
        assert page.locator("a.story-link").count() == len(sample_analysis.stories)
        page.locator("a.story-link").first.click()
        assert "independent origin" in page.locator("#origins").inner_text()
        shot(page, "sample-story")
        page.locator("a.claim-link").first.click()
        assert page.locator(".mention").count() >= 1
        page.locator("a.article-link").first.click()
        assert page.locator("#body").inner_text().strip()
        shot(page, "sample-article")


@pytest.mark.slow
def test_seed_briefing_in_chromium(page: Any, seed_analysis: Analysis, tmp_path: Path) -> None:
    """The seed briefing renders, its citation links land on highlighted passages."""
    _, html = write_briefings(seed_analysis, tmp_path)
    page.goto(html.as_uri())
    assert page.locator("svg.matrix rect.cell").count() > 0
    assert page.locator("svg.timeline circle").count() == max(
        s.independent_origins for s in seed_analysis.stories
    )
    page.set_viewport_size({"width": 1100, "height": 1400})
    page.screenshot(path=str(ARTIFACTS / "briefing-seeds.png"))
    cite = page.locator("li.claim a.cite").first
    target = (cite.get_attribute("href") or "").removeprefix("#")
    cite.click()
    assert page.evaluate("location.hash") == f"#{target}"
    mark = page.locator(f"[id='{target}']")
    assert mark.is_visible() and mark.inner_text().strip()
    page.emulate_media(media="print")
    page.screenshot(path=str(ARTIFACTS / "briefing-seeds-print.png"))
