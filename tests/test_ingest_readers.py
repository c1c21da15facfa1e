"""Readers: each format on small invented inputs (no seed text)."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import httpx
import pytest

from test_ingest_factories import PARAS, SPANISH, page, warc_bytes
from wirecheck.ingest import read_bytes, read_inputs
from wirecheck.model import IngestError, RawDocument
from wirecheck.settings.ingest import IngestSettings

SETTINGS = IngestSettings()


def docs(items: list[RawDocument | IngestError]) -> list[RawDocument]:
    return [i for i in items if isinstance(i, RawDocument)]


def errors(items: list[RawDocument | IngestError]) -> list[IngestError]:
    return [i for i in items if isinstance(i, IngestError)]


def read(
    paths: list[str], transport: httpx.BaseTransport | None = None
) -> list[RawDocument | IngestError]:
    return list(read_inputs(paths, SETTINGS, transport))


def test_plain_text_keeps_whole_file(tmp_path: Path) -> None:
    text = "Zorblax ships couplings\n\n" + "\n\n".join(PARAS) + "\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    [doc] = read([str(tmp_path / "a.txt")])
    assert isinstance(doc, RawDocument)
    assert doc.text == text and doc.format == "text" and not doc.preclean
    assert doc.source == str(tmp_path / "a.txt")


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    comments = "<div class='comments'><p>Reader comment: this is all lies.</p></div>"
    (tmp_path / "p.html").write_text(page(extra=comments), encoding="utf-8")
    [doc] = docs(read([str(tmp_path / "p.html")]))
    assert doc.format == "html" and doc.preclean
    assert doc.title == "Zorblax ships couplings"
    assert doc.outlet == "The Freedonia Ledger"
    assert doc.byline == "Ada Quill"
    assert doc.date == "2023-05-02"
    assert "gear couplings" in doc.text and "export licence" in doc.text
    assert "tracker" not in doc.text and "Home" not in doc.text


def test_html_found_by_content_not_extension(tmp_path: Path) -> None:
    (tmp_path / "saved-page.txt").write_text(page(), encoding="utf-8")
    [doc] = docs(read([str(tmp_path / "saved-page.txt")]))
    assert doc.format == "html" and "<p>" not in doc.text


def test_jsonl_default_and_configured_fields(tmp_path: Path) -> None:
    rows = [
        {"title": "One", "body": PARAS[0], "url": "http://x.test/1", "published": "2023-01-02"},
        {
            "headline": "Two",
            "content": PARAS[1],
            "source": {"name": "Ledger"},
            "date": "Tue, 02 May 2023 08:00:00 GMT",
        },
        {"html": page("Three"), "url": "http://x.test/3"},
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    got = docs(read([str(path)]))
    assert [d.title for d in got] == ["One", "Two", "Three"]
    assert got[0].date == "2023-01-02" and got[0].url == "http://x.test/1"
    assert got[1].outlet == "Ledger" and got[1].date == "2023-05-02" and got[2].preclean
    assert [d.source for d in got] == [f"{path}#1", f"{path}#2", f"{path}#3"]
    custom = IngestSettings(jsonl_text_fields=["story_text"], jsonl_title_fields=["hed"])
    path.write_text(json.dumps({"hed": "Custom", "story_text": PARAS[2]}), encoding="utf-8")
    [doc] = docs(list(read_inputs([str(path)], custom)))
    assert doc.title == "Custom" and doc.text == PARAS[2]


def test_rss_and_atom_entries(tmp_path: Path) -> None:
    rss = (
        "<?xml version='1.0'?><rss version='2.0'><channel><title>Ledger Feed</title>"
        "<item><title>First</title><link>http://x.test/1</link>"
        "<pubDate>Tue, 02 May 2023 08:00:00 GMT</pubDate>"
        f"<description><![CDATA[<p>{PARAS[0]}</p><script>x()</script><p>{PARAS[1]}</p>]]>"
        "</description></item></channel></rss>"
    )
    atom = (
        "<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'>"
        "<title>Atom Ledger</title><entry><title>Second</title>"
        "<link href='http://x.test/2'/><updated>2023-06-01T00:00:00Z</updated>"
        f"<content type='html'>&lt;p&gt;{PARAS[2]}&lt;/p&gt;</content></entry></feed>"
    )
    (tmp_path / "a.rss").write_text(rss, encoding="utf-8")
    (tmp_path / "b.xml").write_text(atom, encoding="utf-8")
    got = docs(read([str(tmp_path)]))
    assert [(d.title, d.outlet, d.date, d.url) for d in got] == [
        ("First", "Ledger Feed", "2023-05-02", "http://x.test/1"),
        ("Second", "Atom Ledger", "2023-06-01", "http://x.test/2"),
    ]
    assert got[0].text == f"{PARAS[0]}\n{PARAS[1]}"  # paragraphs kept, script dropped


@pytest.mark.parametrize("compress", [True, False])
def test_warc_html_responses(tmp_path: Path, compress: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if compress else "crawl.warc")
    path.write_bytes(warc_bytes(3, compress))
    items = read([str(path)])
    assert errors(items) == []
    got = docs(items)
    assert [d.url for d in got] == [f"http://x.test/{i}" for i in range(3)]
    assert [d.title for d in got] == ["Story 0", "Story 1", "Story 2"]
    assert all(d.format == "warc" and "gear couplings" in d.text for d in got)


def test_gzip_is_transparent(tmp_path: Path) -> None:
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(PARAS[0].encode("utf-8")))
    (tmp_path / "p.html.gz").write_bytes(gzip.compress(page().encode("utf-8")))
    got = docs(read([str(tmp_path)]))
    assert [d.format for d in got] == ["text", "html"]
    assert got[0].text == PARAS[0]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("\ufeffZorblax said.\r\nSecond line.\r\n".encode(), "Zorblax said.\nSecond line.\n"),
        ("Zorblax said.\n".encode("utf-16"), "Zorblax said.\n"),
        ("Zorblax said.\n".encode("utf-16-le"), "Zorblax said.\n"),
        (SPANISH.encode("cp1252"), SPANISH),
        (SPANISH.encode("latin-1"), SPANISH),
        (b"Zorblax\x00 said.\n", "Zorblax said.\n"),
    ],
)
def test_encodings_boms_crlf_and_nuls(raw: bytes, expected: str) -> None:
    [doc] = docs(list(read_bytes("x.txt", raw, SETTINGS, "x.txt")))
    assert doc.text == expected


def test_directory_walk_is_recursive_sorted_and_skips_assets(tmp_path: Path) -> None:
    for rel in [
        "b/2.txt",
        "a/1.txt",
        "a/z/3.txt",
        "0.txt",
        ".hidden.txt",
        "a/logo.png",
        "notes.yaml",
    ]:
        target = tmp_path / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f"Text of {rel}: {PARAS[0]}", encoding="utf-8")
    got = [Path(d.source).relative_to(tmp_path).as_posix() for d in docs(read([str(tmp_path)]))]
    assert got == ["0.txt", "a/1.txt", "a/z/3.txt", "b/2.txt"]


def test_symlink_loop_is_skipped_once(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(PARAS[0], encoding="utf-8")
    os.symlink(tmp_path, tmp_path / "sub" / "loop")
    items = read([str(tmp_path)])
    assert [Path(d.source).name for d in docs(items)] == ["a.txt"]
    assert [e.reason for e in errors(items)] == ["symlink loop skipped"]


def mock_site(request: httpx.Request) -> httpx.Response:
    routes = {
        "/story": (200, {"Content-Type": "text/html; charset=utf-8"}, page().encode()),
        "/plain": (200, {"Content-Type": "text/plain"}, PARAS[1].encode()),
        "/big": (200, {"Content-Length": str(30 * 1024 * 1024)}, b"x"),
        "/gone": (404, {}, b"not here"),
    }
    if request.url.path == "/moved":
        return httpx.Response(301, headers={"Location": "http://news.test/story"})
    if request.url.path == "/down":
        raise httpx.ConnectError("connection refused", request=request)
    if request.url.path == "/slow":
        raise httpx.ReadTimeout("read timed out", request=request)
    status, headers, body = routes[request.url.path]
    return httpx.Response(status, headers=headers, content=body)


def test_urls_through_transport() -> None:
    base = "http://news.test"
    items = read(
        [f"{base}/{p}" for p in ("story", "plain", "moved", "big", "gone", "down", "slow")],
        transport=httpx.MockTransport(mock_site),
    )
    got = docs(items)
    assert [(d.source, d.format) for d in got] == [
        (f"{base}/story", "html"),
        (f"{base}/plain", "text"),
        (f"{base}/moved", "html"),
    ]
    assert got[0].url == f"{base}/story" and got[0].title == "Zorblax ships couplings"
    assert [e.line() for e in errors(items)] == [
        f"{base}/big: larger than the 20 MB limit",
        f"{base}/gone: HTTP 404",
        f"{base}/down: unreachable (connection refused)",
        f"{base}/slow: timed out after 20 s",
    ]


def test_html_without_meta_tags_uses_trafilatura_metadata() -> None:
    from wirecheck.ingest.html import extract_html

    body = "".join(f"<p>{p}</p>" for p in PARAS)
    html = (
        "<html><head><title>Zorblax ships couplings | The Ledger</title></head><body><article>"
        f"<h1>Zorblax ships couplings</h1><p>Published 3 May 2023</p>{body}</article></body></html>"
    )
    doc = extract_html("p.html", html, SETTINGS, url="https://ledger.test/2023/05/03/zorblax")
    assert isinstance(doc, RawDocument)
    assert (doc.title, doc.date, doc.outlet) == (
        "Zorblax ships couplings",
        "2023-05-03",
        "ledger.test",
    )


def test_fast_metadata_reads_tags_only() -> None:
    import lxml.html  # type: ignore[import-untyped]

    from wirecheck.ingest.htmlmeta import fast_metadata

    tree = lxml.html.fromstring(page().replace("<html lang='en'>", "<html lang='en-GB'>"))
    assert fast_metadata(tree) == {
        "title": "Zorblax ships couplings",
        "date": "2023-05-02",
        "outlet": "The Freedonia Ledger",
        "byline": "Ada Quill",
        "language": "en",
    }
    bare = lxml.html.fromstring("<html><head><title>A | B</title></head><body></body></html>")
    assert fast_metadata(bare) == dict.fromkeys(["title", "date", "outlet", "byline", "language"])


def test_declared_html_charset_is_honoured() -> None:
    title = "Завод Зорбакс отгрузил муфты"  # invented: "The Zorblax plant shipped couplings"
    html = (
        "<html><head><meta http-equiv='Content-Type' content='text/html; charset=windows-1251'>"
        f"<title>{title}</title></head><body><article><p>{title}. {PARAS[0]}</p>"
        f"<p>{PARAS[1]}</p></article></body></html>"
    )
    [doc] = docs(list(read_bytes("p.html", html.encode("cp1251"), SETTINGS, "p.html")))
    assert doc.title == title and title in doc.text


def test_gzip_bomb_is_capped(tmp_path: Path) -> None:
    small = IngestSettings(max_bytes=1024 * 1024)
    (tmp_path / "bomb.txt.gz").write_bytes(gzip.compress(b"a" * (3 * 1024 * 1024)))
    [error] = list(read_inputs([str(tmp_path / "bomb.txt.gz")], small))
    assert isinstance(error, IngestError)
    assert error.reason == "larger than the 1 MB limit when decompressed"
