"""HTTP hardening: CSP and friends on every response, request bodies capped, bearer tokens.

Pure ASGI middleware (no buffering of large bodies): a body over the cap is refused with
413 before the route sees it, whether or not the client sent Content-Length.
"""

from __future__ import annotations

import re
import secrets
from typing import Any

from fastapi import Header, HTTPException, Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$"  # stable_id() output: prefix-hex
ID_RE = re.compile(ID_PATTERN)

HEADERS = [
    (
        b"content-security-policy",
        b"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        b"object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    ),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]


class BodyTooLargeError(Exception):
    pass


class SecurityMiddleware:
    """Adds security headers; answers 413 to request bodies over ``max_body`` bytes."""

    def __init__(self, app: ASGIApp, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_body:
            await self._too_large(send)
            return
        seen = 0
        started = False

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_body:
                raise BodyTooLargeError
            return message

        async def with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], *HEADERS]
            await send(message)

        try:
            await self.app(scope, counted, with_headers)
        except BodyTooLargeError:
            if not started:
                await self._too_large(send)

    @staticmethod
    async def _too_large(send: Send) -> None:
        body = b'{"detail":"request body too large"}'
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                    *HEADERS,
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})


def require_token(request: Request, authorization: str | None = Header(default=None)) -> None:
    """Dependency of write routes: 403 when writes are disabled, 401 on a missing/bad token."""
    expected: str | None = request.app.state.settings.ingest_token
    if not expected:
        raise HTTPException(403, "ingest over HTTP is disabled (no token configured)")
    scheme, _, token = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not secrets.compare_digest(token.encode(), expected.encode()):
        raise HTTPException(
            401, "missing or wrong bearer token", headers={"WWW-Authenticate": "Bearer"}
        )


def page_bounds(request: Request, offset: int, limit: int | None) -> tuple[int, int]:
    """``offset`` >= 0 and ``limit`` clamped to the configured maximum."""
    settings: Any = request.app.state.settings
    wanted = settings.default_page_size if limit is None else limit
    return max(0, offset), max(1, min(wanted, settings.max_page_size))
