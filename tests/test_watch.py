"""``wirecheck watch``: new files and feed items become batches; no sleeps (the poll loop's
wait function is the test's); the result equals one run over everything."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from wirecheck.runner import run
from wirecheck.settings import Settings
from wirecheck.store import Workspace
from wirecheck.watch import Batch, Watcher

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "corpus"


def _feeding(steps: list[Callable[[], None]]) -> Callable[[float], bool]:
    """A wait function: between polls, run the next change to the world (no sleeping)."""
    pending = list(steps)

    def wait(seconds: float) -> bool:
        if pending:
            pending.pop(0)()
        return False

    return wait


def test_watch_picks_up_new_files_and_equals_one_run(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    files = sorted(p for p in SAMPLES.iterdir() if p.is_file())
    for path in files[:7]:
        shutil.copy(path, inbox / path.name)

    def arrive(chunk: list[Path]) -> Callable[[], None]:
        return lambda: [shutil.copy(p, inbox / p.name) for p in chunk] and None

    lines: list[Batch] = []
    with Workspace.open(tmp_path / "ws.duckdb") as workspace:
        watcher = Watcher(workspace, [str(inbox)], Settings(), tmp_path / "out")
        wait = _feeding([arrive(files[12:]), lambda: None, arrive(files[7:12])])
        batches = watcher.run(0.0, wait, lines.append, max_polls=4)
        final = workspace.load_analysis()
    assert batches == 3 and [b.number for b in lines] == [1, 2, 3]  # the idle poll: no line
    assert lines[0].articles > 0 and lines[0].stories_changed > 0
    assert sum(b.articles for b in lines) == len(final.articles)
    assert all(b.line().startswith(f"batch {b.number}: ") for b in lines)
    full = run([str(inbox)], tmp_path / "full", tmp_path / "full.duckdb").analysis
    assert final == full
    assert (tmp_path / "out" / "analysis.json").exists()


FEED = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>Harbour Ledger</title><link>http://feeds.test/</link>
{items}
</channel></rss>"""
ITEM = """<item><title>{title}</title><link>http://feeds.test/{slug}</link>
<pubDate>Tue, 0{day} Mar 2026 08:00:00 GMT</pubDate>
<description><![CDATA[<p>{body}</p><p>The Quillmore port authority said cargo moved on
schedule and that the next inspection is planned for April.</p>]]></description></item>"""
STORIES = [
    ("Vexlan Dredging wins canal contract", "vexlan", "Vexlan Dredging won a contract to "
     "deepen the Orrin canal by two metres, the company said on Monday."),
    ("Tarrow Mills shuts a line", "tarrow", "Tarrow Mills shut one of its three paper lines "
     "after a boiler fault, a spokesperson said."),
    ("Brisk Ferries adds a route", "brisk", "Brisk Ferries will add a daily route between "
     "Quillmore and Sandhollow from May, the operator said."),
]  # fmt: skip


def test_watch_reads_only_new_feed_items(tmp_path: Path) -> None:
    published = [STORIES[:2]]

    def feed(request: httpx.Request) -> httpx.Response:
        items = "".join(
            ITEM.format(title=t, slug=s, body=b, day=n + 1)
            for n, (t, s, b) in enumerate(published[0])
        )
        body = FEED.format(items=items).encode()
        return httpx.Response(200, headers={"Content-Type": "application/rss+xml"}, content=body)

    lines: list[Batch] = []
    with Workspace.open(tmp_path / "ws.duckdb") as workspace:
        url = "http://feeds.test/rss.xml"
        watcher = Watcher(workspace, [url], Settings(), transport=httpx.MockTransport(feed))
        wait = _feeding([lambda: None, lambda: published.__setitem__(0, STORIES)])
        watcher.run(0.0, wait, lines.append, max_polls=3)
        stored = workspace.count("articles")
    assert [(b.number, b.articles) for b in lines] == [(1, 2), (2, 1)]
    assert stored == 3


def test_stopping_mid_step_leaves_the_last_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    files = sorted(p for p in SAMPLES.iterdir() if p.is_file())
    for path in files[:5]:
        shutil.copy(path, inbox / path.name)
    with Workspace.open(tmp_path / "ws.duckdb") as workspace:
        watcher = Watcher(workspace, [str(inbox)], Settings())
        assert watcher.step() is not None
        before = workspace.load_analysis()
        for path in files[5:9]:
            shutil.copy(path, inbox / path.name)

        def ctrl_c(*args: object) -> None:
            raise KeyboardInterrupt  # arrives while the step writes

        monkeypatch.setattr(workspace, "save_analysis", ctrl_c)
        assert watcher.run(0.0, lambda s: True, lambda b: None) == 1  # ends cleanly
        assert workspace.load_analysis() == before
