"""Write ``samples/corpus/s13_web_crawl.warc.gz``: two HTML pages as WARC response records.

The pages are fictional re-posts of two fictional port-strike reports of the sample corpus
(``s09`` the wire original, ``s12`` the second origin), wrapped in site chrome, as a crawler
would have stored them. Run: ``.venv/bin/python samples/make_warc.py``. The output is
deterministic (fixed record ids and dates), so re-running gives the same file.
"""

from __future__ import annotations

import html
import io
import uuid
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

CORPUS = Path(__file__).resolve().parent / "corpus"
OUT = CORPUS / "s13_web_crawl.warc.gz"

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{title} - {site}</title>
<meta property="og:site_name" content="{site}">
<meta property="article:published_time" content="{date}">
<script src="/static/ads.js"></script>
</head><body>
<header><a href="/">{site}</a> <a href="/world">World</a> <a href="/markets">Markets</a></header>
<article><h1>{title}</h1>
{paras}
<p class="credit">{credit}</p>
</article>
<footer>Sign up for our newsletter | Privacy | Contact us | &copy; 2025 {site}</footer>
</body></html>
"""

# (source file, url, site, published time, credit line)
PAGES = [
    (
        "s09_meridian_port_wire.txt",
        "https://newspulsehub.example/world/valmira-strike",
        "NewsPulse Hub",
        "2025-10-13T21:05:00Z",
        "This article was originally published by Meridian Press.",
    ),
    (
        "s12_andes_review_port.txt",
        "https://latintradewire.example/chile/valmira-second-day",
        "Latin Trade Wire",
        "2025-10-14T16:40:00Z",
        "Source: Andes Business Review",
    ),
]


def read_article(name: str) -> tuple[str, list[str]]:
    """Title (first line) and paragraphs of a sample text file, dropping its own header line."""
    blocks = [b.strip() for b in (CORPUS / name).read_text(encoding="utf-8").split("\n\n")]
    title, paras = blocks[0], [b for b in blocks[1:] if b]
    if "|" in paras[0]:  # the outlet/date line of s12 is not part of the re-posted text
        paras = paras[1:]
    return title, paras


def page_html(name: str, site: str, date: str, credit: str) -> bytes:
    title, paras = read_article(name)
    body = "\n".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paras)
    text = PAGE.format(
        title=html.escape(title), site=site, date=date, paras=body, credit=html.escape(credit)
    )
    return text.encode("utf-8")


def main() -> None:
    with OUT.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for index, (name, url, site, date, credit) in enumerate(PAGES):
            payload = page_html(name, site, date, credit)
            http = StatusAndHeaders(
                "200 OK",
                [
                    ("Content-Type", "text/html; charset=utf-8"),
                    ("Content-Length", str(len(payload))),
                ],
                protocol="HTTP/1.1",
            )
            record_id = f"<urn:uuid:{uuid.UUID(int=index + 1)}>"
            record = writer.create_warc_record(
                url,
                "response",
                payload=io.BytesIO(payload),
                http_headers=http,
                warc_headers_dict={"WARC-Record-ID": record_id, "WARC-Date": date},
            )
            writer.write_record(record)
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
