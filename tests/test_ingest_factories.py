"""Factories for the ingest/store/CLI tests: invented article texts, pages and WARCs.

Named ``test_*`` so it sits with the tests it serves; it holds no tests itself.
"""

from __future__ import annotations

import io

PARAS = [
    "Officials in Freedonia said on Tuesday that Zorblax Widgets Ltd had shipped 40 tonnes "
    "of gear couplings to a shipyard in the port of Sylvania last spring.",
    "The ministry said the couplings were used in naval pumps and that the company had "
    "not applied for an export licence, according to a statement seen by reporters.",
    "Zorblax did not respond to a request for comment on the shipments on Wednesday.",
]


SPANISH = (
    "El ministerio de Freedonia informó el martes que la compañía Zorblax había enviado "
    "cuarenta toneladas de acoplamientos a un astillero. Según el comunicado, la empresa no "
    "solicitó ninguna licencia de exportación para los envíos.\n"
)


def page(title: str = "Zorblax ships couplings", extra: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in PARAS)
    return (
        "<!DOCTYPE html><html lang='en'><head>"
        f"<title>{title}</title>"
        "<meta property='og:site_name' content='The Freedonia Ledger'>"
        "<meta name='author' content='Ada Quill'>"
        "<meta property='article:published_time' content='2023-05-02T08:00:00Z'>"
        "<script>var tracker = 'do not keep this';</script></head><body>"
        "<nav><a href='/'>Home</a> | <a href='/world'>World</a></nav>"
        f"<article><h1>{title}</h1>{body}</article>{extra}"
        "<footer>Copyright The Freedonia Ledger</footer></body></html>"
    )


def warc_bytes(count: int, compress: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=compress)
    for i in range(count):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], "HTTP/1.1")
        payload = io.BytesIO(page(f"Story {i}").encode("utf-8"))
        record = writer.create_warc_record(
            f"http://x.test/{i}", "response", payload=payload, http_headers=headers
        )
        writer.write_record(record)
    css = StatusAndHeaders("200 OK", [("Content-Type", "text/css")], "HTTP/1.1")
    payload = io.BytesIO(b"body { color: red }")
    writer.write_record(
        writer.create_warc_record(
            "http://x.test/s.css", "response", payload=payload, http_headers=css
        )
    )
    return buffer.getvalue()


GOOD = "\n\n".join(PARAS) + "\n"
