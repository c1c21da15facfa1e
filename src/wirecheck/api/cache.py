"""A small response cache for the read routes, correct while the writer commits.

The writer bumps its ``generation`` right after every commit. A GET request notes the
generation it started under and its response is stored under that generation, so once
the bump is done no page computed from older data is served again (the window is the
few instructions between commit and bump). Only 200 responses of GET requests under the
cached prefixes are kept (LRU, bounded in count and per-response size). A request for a
page another request is computing waits for that one and is served its response.
"""

from __future__ import annotations

import asyncio
import threading
from collections import OrderedDict
from collections.abc import Callable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

Key = tuple[int, str, bytes]
Entry = tuple[list[tuple[bytes, bytes]], bytes]


class ResponseCache:
    """ASGI middleware caching GET 200 responses per (generation, path, query)."""

    def __init__(
        self,
        app: ASGIApp,
        generation: Callable[[], int],
        entries: int,
        max_bytes: int,
        prefixes: tuple[str, ...],
        skip: tuple[str, ...],
        exact: tuple[str, ...] = (),
    ) -> None:
        self.app = app
        self.generation = generation
        self.entries = entries
        self.max_bytes = max_bytes
        self.prefixes = prefixes
        self.skip = skip
        self.exact = frozenset(exact)
        self._store: OrderedDict[Key, Entry] = OrderedDict()
        self._lock = threading.Lock()
        # pages being computed, so that concurrent requests for one wait for it instead of
        # computing it again (after a write, every reader of a popular page missed at once:
        # at 99,000 articles a search takes ~1.3 s, and 50 readers ran the same one together)
        self._running: dict[Key, asyncio.Event] = {}

    def _cacheable(self, scope: Scope) -> bool:
        if scope["type"] != "http" or scope["method"] != "GET":
            return False
        path: str = scope["path"]
        if path in self.exact:
            return True
        return path.startswith(self.prefixes) and not path.startswith(self.skip)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not self._cacheable(scope):
            await self.app(scope, receive, send)
            return
        key: Key = (self.generation(), scope["path"], scope.get("query_string", b""))
        if await self._served(key, send):
            return
        running = self._running.get(key)
        if running is not None:  # the same page is being computed: wait for it, once
            await running.wait()
            if await self._served(key, send):
                return
        done = asyncio.Event()
        owner = self._running.setdefault(key, done) is done
        try:
            await self.app(scope, receive, self._recorder(key, send))
        finally:
            if owner:
                del self._running[key]
                done.set()

    async def _served(self, key: Key, send: Send) -> bool:
        with self._lock:
            hit = self._store.get(key)
            if hit is not None:
                self._store.move_to_end(key)
        if hit is None:
            return False
        await send({"type": "http.response.start", "status": 200, "headers": hit[0]})
        await send({"type": "http.response.body", "body": hit[1]})
        return True

    def _recorder(self, key: Key, send: Send) -> Send:
        start: dict[str, Message] = {}
        chunks: list[bytes] = []

        async def record(message: Message) -> None:
            if message["type"] == "http.response.start":
                start["message"] = message
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                if not message.get("more_body", False):
                    self._keep(key, start.get("message"), b"".join(chunks))
            await send(message)

        return record

    def _keep(self, key: Key, start: Message | None, body: bytes) -> None:
        if start is None or start["status"] != 200 or len(body) > self.max_bytes:
            return
        with self._lock:
            self._store[key] = (list(start.get("headers", [])), body)
            while len(self._store) > self.entries:
                self._store.popitem(last=False)
