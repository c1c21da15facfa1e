"""Settings of the HTTP API and web UI. Each limit says how it was chosen.

Read from the environment as ``WIRECHECK_API__<FIELD>`` (see ``settings.load_settings``).
"""

from __future__ import annotations

from pydantic import BaseModel, Field


class ApiSettings(BaseModel):
    # Loopback by default: the workspace holds unpublished research; exposing it is a choice.
    host: str = "127.0.0.1"
    port: int = 8000
    # Page sizes: 50 rows is one screen of the UI; 500 keeps one response under ~1 MB with
    # full article bodies (seed articles are 2-8 kB) while letting scripts page quickly.
    default_page_size: int = Field(default=50, ge=1)
    max_page_size: int = Field(default=500, ge=1)
    # Ingest over HTTP is off unless a token is configured; writes need `Bearer <token>`.
    ingest_token: str | None = None
    # Request bodies: 8 MB holds ~1,000 news articles as JSON (about 5 kB each) per request,
    # the batch the load benchmark posts; larger uploads should use `wirecheck ingest`.
    max_body_bytes: int = Field(default=8 * 1024 * 1024, ge=1024)
    # Documents per ingest request: bounds one writer job (and its cleaning time).
    max_ingest_documents: int = Field(default=2000, ge=1)
    # Ingest jobs kept for status queries (oldest forgotten first).
    max_jobs_kept: int = Field(default=1000, ge=1)
    # Read cache: 1,000 responses of at most 128 kB bound it at 128 MB in the worst case and
    # far less in practice (a page of 20 articles is ~25 kB); entries die with the next
    # committed write. 0 entries turns it off.
    cache_entries: int = Field(default=1000, ge=0)
    cache_max_bytes: int = Field(default=128 * 1024, ge=0)
    # Idle keep-alive connections: longer than HTTP clients keep theirs (httpx: 5 s, browsers
    # and proxies more), so a client never sends a request on a connection the server is
    # closing at that moment (uvicorn's 5 s default equals httpx's: under load, readers got
    # ReadError when their next request met the server's close).
    keep_alive_s: int = Field(default=75, ge=1)
    # Search query length: long enough for a quoted sentence, short enough for ILIKE scans.
    max_query_chars: int = Field(default=200, ge=1)
