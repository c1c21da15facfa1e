"""Hostile inputs, generated in tmp_path: each bad input gives one clear error line and the
batch goes on; good inputs are kept (library API and CLI)."""

from __future__ import annotations

import gzip
import json
import os
import random
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from test_ingest_factories import GOOD, PARAS, page, warc_bytes
from wirecheck.cli import app
from wirecheck.ingest import read_inputs
from wirecheck.model import IngestError, RawDocument
from wirecheck.settings.ingest import IngestSettings


def hostile_corpus(root: Path) -> dict[str, str | None]:
    """Write the hostile files; map each name to its expected error reason (None: readable)."""
    rng = random.Random(7)
    root.mkdir(parents=True, exist_ok=True)
    (root / "good.txt").write_text(GOOD, encoding="utf-8")
    (root / "empty.txt").write_bytes(b"")
    (root / "bad.bin").write_bytes(bytes(rng.choice([0, 0, 1, 7, 200]) for _ in range(8192)))
    with open(root / "huge.txt", "w", encoding="utf-8") as handle:  # 50 MB of text
        line = "Zorblax shipped another crate of couplings to the port today.\n"
        handle.write(line * (50 * 1024 * 1024 // len(line) + 1))
    (root / "invalid-utf8.txt").write_bytes(GOOD.encode() + b"\xff\xfe\xc3\x28 tail\n")
    (root / "utf16.txt").write_bytes(GOOD.encode("utf-16"))  # with BOM
    (root / "trunc.txt.gz").write_bytes(gzip.compress(GOOD.encode() * 50)[:300])
    warc = warc_bytes(3, compress=True)
    (root / "trunc.warc.gz").write_bytes(warc[: len(warc) * 3 // 4])
    plain = warc_bytes(3, compress=False)
    (root / "trunc.warc").write_bytes(plain[: len(plain) * 2 // 3])
    lines = [json.dumps({"title": f"T{i}", "text": p}) for i, p in enumerate(PARAS)]
    lines.insert(1, '{"title": "broken", "text": ')
    lines.insert(3, "[1, 2, 3]")
    (root / "mixed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    deep = "<div>" * 10_000 + "<p>deep</p>" + "</div>" * 10_000
    scripts = "<script>alert(1)</script><iframe src='http://evil.test/'></iframe>"
    (root / "deep.html").write_text(
        f"<html><head>{scripts}</head><body>{scripts}{deep}</body></html>", encoding="utf-8"
    )
    (root / "scripts.html").write_text(page(extra=scripts * 20), encoding="utf-8")
    (root / "loop").mkdir()
    os.symlink(root, root / "loop" / "back")
    os.symlink(root / "missing-target.txt", root / "dangling.txt")
    return {
        "good.txt": None,
        "empty.txt": "empty input",
        "bad.bin": "binary content (NUL bytes in 41% of the first 4 KiB)",
        "huge.txt": "larger than the 20 MB limit",
        "invalid-utf8.txt": None,
        "utf16.txt": None,
        "trunc.txt.gz": "truncated gzip stream (no complete content)",
        "trunc.warc.gz": "truncated gzip stream after 2 records (2 articles kept)",
        "trunc.warc": "truncated WARC file after 2 records (2 articles kept)",
        "mixed.jsonl": "2 of 5 records skipped: line 2 (invalid JSON), 4 (not an object)",
        "deep.html": "no article text found in the HTML page "
        "(elements nested deeper than 255 levels)",
        "scripts.html": None,
        "loop": "symlink loop skipped",
        "dangling.txt": "cannot read (No such file or directory)",
    }


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str | None]]:
    root = tmp_path_factory.mktemp("hostile")
    return root, hostile_corpus(root)


def _name(source: str, root: Path) -> str:
    rel = Path(source.split("#", 1)[0]).relative_to(root)
    return rel.parts[0]


def test_each_bad_input_gives_one_clear_error(corpus: tuple[Path, dict[str, str | None]]) -> None:
    root, expected = corpus
    items = list(read_inputs([str(root)], IngestSettings()))
    errors = {_name(e.source, root): e.reason for e in items if isinstance(e, IngestError)}
    assert errors == {name: why for name, why in expected.items() if why is not None}
    assert sum(isinstance(e, IngestError) for e in items) == len(errors)  # one line each


def test_good_and_partly_good_inputs_are_kept(corpus: tuple[Path, dict[str, str | None]]) -> None:
    root, _ = corpus
    docs = [d for d in read_inputs([str(root)], IngestSettings()) if isinstance(d, RawDocument)]
    by_name: dict[str, list[RawDocument]] = {}
    for doc in docs:
        by_name.setdefault(_name(doc.source, root), []).append(doc)
    counts = {name: len(found) for name, found in by_name.items()}
    assert counts == {
        "good.txt": 1,
        "invalid-utf8.txt": 1,
        "utf16.txt": 1,
        "trunc.warc.gz": 2,
        "trunc.warc": 2,
        "mixed.jsonl": 3,
        "scripts.html": 1,
    }
    assert by_name["utf16.txt"][0].text == GOOD
    assert by_name["invalid-utf8.txt"][0].text.startswith(GOOD)
    html = by_name["scripts.html"][0].text
    assert "alert" not in html and "evil" not in html and "gear couplings" in html


def test_unreachable_url_is_one_error() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    items = list(read_inputs(["http://down.test/a"], IngestSettings(), httpx.MockTransport(refuse)))
    assert [i.line() for i in items if isinstance(i, IngestError)] == [
        "http://down.test/a: unreachable (connection refused)"
    ]


def test_cli_ingest_reports_each_bad_input_and_stores_the_good(
    corpus: tuple[Path, dict[str, str | None]], tmp_path: Path
) -> None:
    from wirecheck.store import Workspace

    root, expected = corpus
    db = tmp_path / "ws.duckdb"
    unreachable = "http://127.0.0.1:9/story"  # discard port: refused at once, no network
    result = CliRunner().invoke(app, ["ingest", str(root), unreachable, "--db", str(db), "--quiet"])
    assert result.exit_code == 1, result.output
    lines = [ln for ln in result.stderr.splitlines() if ln.startswith("error: ")]
    assert len(lines) == sum(why is not None for why in expected.values()) + 1
    assert any(ln.startswith(f"error: {unreachable}: unreachable") for ln in lines)
    assert f"error: {root / 'huge.txt'}: larger than the 20 MB limit" in lines
    with Workspace.open(db) as workspace:
        assert workspace.count("articles") == 11  # every good document stored
        [run] = workspace.list_runs()
        assert len(run.errors) == len(lines) and run.finished is not None
