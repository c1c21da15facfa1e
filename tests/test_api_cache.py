"""The read cache: concurrent requests for one page are computed once."""

from __future__ import annotations

import asyncio

import httpx
from starlette.types import Receive, Scope, Send

from wirecheck.api.cache import ResponseCache


class SlowPage:
    """An ASGI app that counts its calls and answers after yielding to the event loop."""

    def __init__(self, status: int = 200) -> None:
        self.calls = 0
        self.status = status

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        self.calls += 1
        await asyncio.sleep(0.05)  # the page is being computed while the others arrive
        headers = [(b"content-type", b"text/plain")]
        await send({"type": "http.response.start", "status": self.status, "headers": headers})
        await send({"type": "http.response.body", "body": f"page {self.calls}".encode()})


def _get_together(app: SlowPage, n: int) -> list[httpx.Response]:
    cached = ResponseCache(app, lambda: 0, entries=10, max_bytes=1 << 16, prefixes=("/api",),
                           skip=())

    async def run() -> list[httpx.Response]:
        transport = httpx.ASGITransport(app=cached)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            return list(await asyncio.gather(*(client.get("/api/search?q=x") for _ in range(n))))

    return asyncio.run(run())


def test_concurrent_requests_for_one_page_compute_it_once() -> None:
    app = SlowPage()
    responses = _get_together(app, 8)
    assert app.calls == 1
    assert {r.status_code for r in responses} == {200}
    assert {r.text for r in responses} == {"page 1"}


def test_an_uncached_answer_lets_each_waiter_compute_its_own() -> None:
    app = SlowPage(status=503)  # not kept: the waiters may not be served it
    responses = _get_together(app, 4)
    assert app.calls == 4 and {r.status_code for r in responses} == {503}
