"""API load benchmark: concurrent readers while an ingest runs through the HTTP API.

A uvicorn server (separate process, 127.0.0.1 only) serves an empty workspace with an ingest
token. Phase 1: the readers alone (the baseline, our own "peer"). Phase 2: the same readers
while 1,000 invented articles are posted in batches to ``POST /api/ingest``. Afterwards
every posted article must be readable (no lost articles). Reported: p50/p95 latency with and
without the ingest, errors, ingest throughput. Bounded in requests and seconds.

    .venv/bin/python -m bench.bench_api [--quick]   ->  bench/results/api.json
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

from bench.common import write_json

TOKEN = "bench-token"
WORDS = (
    "harbour", "river", "barge", "grain", "turbine", "cargo", "customs", "ledger", "port",
    "canal", "freight", "minister", "council", "export", "import", "tariff", "vessel", "quay",
    "storm", "inspection", "shipment", "treaty",
)
SERVER = """
import sys, uvicorn
from wirecheck.api import create_app
from wirecheck.settings.api import ApiSettings
app = create_app(ApiSettings(ingest_token=sys.argv[2]), sys.argv[3])
uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning")
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def documents(count: int, seed: int = 7) -> list[dict[str, str]]:
    """Invented articles of ~120 words, each with a unique source."""
    rng = random.Random(seed)
    return [
        {
            "source": f"bench-{i:05d}",
            "title": f"Report {i}: {rng.choice(WORDS)} news",
            "outlet": f"Outlet {i % 37}",
            "date": f"2031-0{1 + i % 9}-1{i % 10}",
            "text": " ".join(
                " ".join(rng.choice(WORDS) for _ in range(12)).capitalize() + f" (item {i})."
                for _ in range(10)
            ),
        }
        for i in range(count)
    ]


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else 0.0


async def reader(
    client: httpx.AsyncClient, stop: asyncio.Event, budget: int, lat: list[float], errors: list[str]
) -> None:
    rng = random.Random(id(lat) ^ len(errors))
    paths = [
        "/api/articles?offset={o}&limit=20",
        "/api/stories",
        "/api/search?q={w}",
        "/api/claims?limit=10",
        "/",
    ]
    for _ in range(budget):
        if stop.is_set():
            return
        path = rng.choice(paths).format(o=rng.randrange(0, 500), w=rng.choice(WORDS))
        start = time.perf_counter()
        try:
            response = await client.get(path)
            if response.status_code != 200:
                errors.append(f"{path}: {response.status_code}")
        except httpx.HTTPError as err:
            errors.append(f"{path}: {type(err).__name__}")
        lat.append(time.perf_counter() - start)


async def readers(
    client: httpx.AsyncClient, n: int, budget: int, stop: asyncio.Event
) -> tuple[list[float], list[str]]:
    lat: list[float] = []
    errors: list[str] = []
    await asyncio.gather(*(reader(client, stop, budget, lat, errors) for _ in range(n)))
    return lat, errors


async def ingest(
    client: httpx.AsyncClient, docs: list[dict[str, str]], batch: int, deadline: float
) -> tuple[float, list[str]]:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    start = time.perf_counter()
    jobs, errors = [], []
    for i in range(0, len(docs), batch):
        r = await client.post("/api/ingest", json={"documents": docs[i : i + batch]}, headers=auth)
        if r.status_code != 202:
            errors.append(f"ingest {i}: {r.status_code}")
        else:
            jobs.append(r.json()["id"])
    pending = list(jobs)
    while pending and time.perf_counter() < deadline:
        status = (await client.get(f"/api/ingest/{pending[0]}")).json()
        if status["status"] in ("done", "failed"):
            if status["status"] == "failed":
                errors.append(status["error"])
            pending.pop(0)
        else:
            await asyncio.sleep(0.05)  # polling the job queue, bounded by the deadline
    errors.extend(f"job {j} not finished" for j in pending)
    return time.perf_counter() - start, errors


async def stored_sources(client: httpx.AsyncClient) -> set[str]:
    sources: set[str] = set()
    offset = 0
    while True:
        page = (await client.get("/api/articles", params={"offset": offset, "limit": 500})).json()
        sources.update(a["source"] for a in page["items"])
        offset += len(page["items"])
        if not page["items"] or offset >= page["total"]:
            return sources


async def measure(
    url: str, n_docs: int, n_readers: int, budget: int, limit_s: float
) -> dict[str, Any]:
    docs = documents(n_docs)
    limits = httpx.Limits(max_connections=n_readers + 4)
    async with httpx.AsyncClient(base_url=url, timeout=60, limits=limits) as client:
        idle_lat, idle_err = await readers(client, n_readers, budget // 4, asyncio.Event())
        stop = asyncio.Event()
        load = asyncio.create_task(readers(client, n_readers, budget, stop))
        ingest_s, ingest_err = await ingest(client, docs, 50, time.perf_counter() + limit_s)
        stop.set()
        busy_lat, busy_err = await load
        lost = {d["source"] for d in docs} - await stored_sources(client)
    return {
        "docs": n_docs,
        "readers": n_readers,
        "idle": idle_lat,
        "busy": busy_lat,
        "errors": idle_err + busy_err + ingest_err,
        "ingest_s": ingest_s,
        "lost": len(lost),
    }


def serve(workspace: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-c", SERVER, str(port), TOKEN, str(workspace)])
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(url + "/api/stories", timeout=2).status_code == 200:
                return proc, url
        except httpx.HTTPError:
            time.sleep(0.1)  # waiting for the server process to bind
    proc.kill()
    raise RuntimeError("server did not start")


def row(
    metric: str,
    value: float,
    unit: str,
    target: str,
    met: bool,
    peer: str | None = None,
    peer_value: float | None = None,
) -> dict[str, Any]:
    ratio = round(value / peer_value, 2) if peer_value else None
    return {
        "metric": metric,
        "value": round(value, 4),
        "unit": unit,
        "peer": peer,
        "peer_value": None if peer_value is None else round(peer_value, 4),
        "ratio": ratio,
        "target": target,
        "met": met,
    }


def main(quick: bool = False) -> dict[str, Any]:
    n_docs, n_readers, budget = (200, 10, 40) if quick else (1000, 50, 200)
    with tempfile.TemporaryDirectory() as tmp:
        proc, url = serve(Path(tmp) / "bench.duckdb")
        try:
            m = asyncio.run(measure(url, n_docs, n_readers, budget, limit_s=300))
        finally:
            proc.terminate()
            proc.wait(30)
    p95_busy, p95_idle = pct(m["busy"], 0.95), pct(m["idle"], 0.95)
    peer = "same readers with no ingest running (same server, same run)"
    return {
        "benchmark": "api",
        "corpus": f"{n_docs} invented articles (~120 words) posted in batches of 50 to "
        f"/api/ingest while {n_readers} concurrent readers (httpx async, 127.0.0.1) "
        f"page articles, stories, claims, search and the UI",
        "machine": {"cpus": os.cpu_count()},
        "results": [
            row(
                "read_p95_during_ingest", p95_busy, "s", "reported; no errors", True, peer, p95_idle
            ),
            row(
                "read_p50_during_ingest",
                pct(m["busy"], 0.5),
                "s",
                "reported",
                True,
                peer,
                pct(m["idle"], 0.5),
            ),
            row("read_requests_during_ingest", len(m["busy"]), "requests", "reported", True),
            row("errors", len(m["errors"]), "count", "0", not m["errors"]),
            row("lost_articles", m["lost"], "count", "0", m["lost"] == 0),
            row("ingest_articles_per_s", n_docs / m["ingest_s"], "docs/s", "reported", True),
        ],
        "errors_sample": m["errors"][:10],
        "notes": "server with default ApiSettings (read cache on, invalidated by every "
        "committed ingest batch); client and server share the machine's cores",
    }


if __name__ == "__main__":
    result = main(quick="--quick" in sys.argv)
    write_json("api", result)
    print(json.dumps(result, indent=2))
