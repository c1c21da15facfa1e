"""A small response cache for the read routes, correct while the writer commits.

The writer bumps its ``generation`` right after every commit. A GET request notes the
generation it started under and its response is stored under that generation, so once
the bump is done no page computed from older data is served again (the window is the
few instructions between commit and bump). Only 200 responses of GET requests under the
cached prefixes are kept (LRU, bounded in count and per-response size).
"""

from __future__ import annotations

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
        with self._lock:
            hit = self._store.get(key)
            if hit is not None:
                self._store.move_to_end(key)
        if hit is not None:
            await send({"type": "http.response.start", "status": 200, "headers": hit[0]})
            await send({"type": "http.response.body", "body": hit[1]})
            return
        await self.app(scope, receive, self._recorder(key, send))

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
