"""URLs over httpx. The transport is passed in (``httpx.MockTransport`` in tests), so the
outside world is swapped through one small interface instead of monkeypatching."""

from __future__ import annotations

from typing import TYPE_CHECKING

from wirecheck.model import IngestError
from wirecheck.settings.ingest import IngestSettings

if TYPE_CHECKING:
    import httpx


def is_url(path: str) -> bool:
    return path.lower().startswith(("http://", "https://"))


def make_client(settings: IngestSettings, transport: httpx.BaseTransport | None) -> httpx.Client:
    import httpx

    return httpx.Client(
        transport=transport,
        timeout=httpx.Timeout(settings.url_timeout_s),
        follow_redirects=True,
        max_redirects=settings.url_max_redirects,
        headers={"User-Agent": settings.user_agent},
    )


def fetch_url(
    url: str, client: httpx.Client, settings: IngestSettings
) -> tuple[bytes, str] | IngestError:
    """The body (capped at ``max_bytes``) and content type of ``url``, or why not."""
    import httpx

    limit_mb = settings.max_bytes // (1024 * 1024)
    try:
        with client.stream("GET", url) as response:
            if response.status_code >= 400:
                return IngestError(source=url, reason=f"HTTP {response.status_code}")
            declared = response.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > settings.max_bytes:
                return IngestError(source=url, reason=f"larger than the {limit_mb} MB limit")
            body = bytearray()
            for chunk in response.iter_bytes():
                body.extend(chunk)
                if len(body) > settings.max_bytes:
                    return IngestError(source=url, reason=f"larger than the {limit_mb} MB limit")
            return bytes(body), response.headers.get("Content-Type", "")
    except httpx.TimeoutException:
        return IngestError(source=url, reason=f"timed out after {settings.url_timeout_s:g} s")
    except httpx.TooManyRedirects:
        return IngestError(source=url, reason="too many redirects")
    except httpx.HTTPError as err:
        detail = " ".join(str(err).split())[:80] or err.__class__.__name__
        return IngestError(source=url, reason=f"unreachable ({detail})")


def format_from_content_type(content_type: str) -> str | None:
    ctype = content_type.split(";")[0].strip().lower()
    if ctype in ("text/html", "application/xhtml+xml"):
        return "html"
    if ctype in ("application/rss+xml", "application/atom+xml", "application/rdf+xml"):
        return "rss"
    if ctype in ("application/x-ndjson", "application/jsonl", "application/json"):
        return "jsonl"
    if ctype in ("application/warc",):
        return "warc"
    return None
