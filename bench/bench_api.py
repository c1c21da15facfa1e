"""API load benchmark: concurrent readers while an ingest runs through the HTTP API.

A uvicorn server (separate process, 127.0.0.1 only) serves an empty workspace with an ingest
token. Phase 1: the readers alone (the baseline, our own "peer"). Phase 2: the same readers
while 1,000 invented articles are posted in batches to ``POST /api/ingest``. Afterwards
every posted article must be readable (no lost articles). Reported: p50/p95 latency with and
without the ingest, errors, ingest throughput. Bounded in requests and seconds.

    .venv/bin/python -m bench.bench_api [--quick]   ->  bench/results/api.json

On a workspace that already holds a corpus (#15: 100,000 articles), the readers page through
all of it while the last ``--new`` files of a generated corpus are posted in one request that
asks for the analysis, so the server runs one incremental step (``wirecheck.incremental``)
while it serves; the workspace is changed in place (pass a copy):

    .venv/bin/python -m bench.bench_api --workspace WS --corpus DIR --new 1000 \
        --limit-s 7200 --name api_100k   ->  bench/results/api_100k.json

Readers alone on a stored workspace (latency per route, printed; nothing written):

    .venv/bin/python -m bench.bench_api --workspace WS --readers-only 20
"""

from __future__ import annotations

import argparse
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
settings = ApiSettings(ingest_token=sys.argv[2])
app = create_app(settings, sys.argv[3])
uvicorn.run(
    app,
    host="127.0.0.1",
    port=int(sys.argv[1]),
    log_level="warning",
    timeout_keep_alive=settings.keep_alive_s,
)
"""


# what a reader asks for: a page of articles anywhere, the stories, a search, claims, the UI
READS = (
    "/api/articles?offset={o}&limit=20",
    "/api/stories",
    "/api/search?q={w}",
    "/api/claims?limit=10",
    "/",
)


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
    client: httpx.AsyncClient,
    stop: asyncio.Event,
    budget: int,
    lat: list[float],
    errors: list[str],
    pages: int = 500,
    by_route: dict[str, list[float]] | None = None,
    seed: int = 0,
) -> None:
    """``budget`` reads (``READS``, article pages among the first ``pages``), each timed
    into ``lat`` and, when given, ``by_route``; each reader its own ``seed`` (seeded from
    the shared lists, every reader asked for the same pages in the same order)."""
    rng = random.Random(seed)
    for _ in range(budget):
        if stop.is_set():
            return
        path = rng.choice(READS).format(o=rng.randrange(0, pages), w=rng.choice(WORDS))
        start = time.perf_counter()
        try:
            response = await client.get(path)
            if response.status_code != 200:
                errors.append(f"{path}: {response.status_code}")
        except httpx.HTTPError as err:
            errors.append(f"{path}: {type(err).__name__}")
        lat.append(time.perf_counter() - start)
        if by_route is not None:
            by_route.setdefault(path.split("?")[0], []).append(lat[-1])


async def readers(
    client: httpx.AsyncClient,
    n: int,
    budget: int,
    stop: asyncio.Event,
    pages: int = 500,
    by_route: dict[str, list[float]] | None = None,
) -> tuple[list[float], list[str]]:
    lat: list[float] = []
    errors: list[str] = []
    await asyncio.gather(
        *(reader(client, stop, budget, lat, errors, pages, by_route, i) for i in range(n))
    )
    return lat, errors


async def article_pages(client: httpx.AsyncClient) -> tuple[int, int]:
    """The stored articles, and the offsets a page of 20 can start at among them."""
    held: int = (await client.get("/api/articles", params={"limit": 1})).json()["total"]
    return held, max(1, held - 20)


async def ingest(
    client: httpx.AsyncClient,
    docs: list[dict[str, str]],
    batch: int,
    deadline: float,
    analyze: bool = False,
) -> tuple[float, list[str]]:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    start = time.perf_counter()
    jobs, errors = [], []
    for i in range(0, len(docs), batch):
        body = {"documents": docs[i : i + batch], "analyze": analyze}
        r = await client.post("/api/ingest", json=body, headers=auth, timeout=600)
        if r.status_code != 202:
            errors.append(f"ingest {i}: {r.status_code}")
        else:
            jobs.append(r.json()["id"])
    pending = list(jobs)
    while pending and time.perf_counter() < deadline:
        try:
            status = (await client.get(f"/api/ingest/{pending[0]}")).json()
        except httpx.HTTPError as err:  # counted as an error; the job is polled again
            errors.append(f"status of {pending[0]}: {type(err).__name__}")
            continue
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


def corpus_documents(corpus: Path, new: int) -> list[dict[str, str]]:
    """The last ``new`` files of a generated corpus in source order, as a client posts them."""
    files = sorted(p for p in corpus.rglob("*") if p.is_file() and p.suffix != ".yaml")
    return [{"source": str(p), "text": p.read_text(encoding="utf-8")} for p in files[-new:]]


async def measure(
    url: str,
    docs: list[dict[str, str]],
    n_readers: int,
    budgets: tuple[int, int],
    limit_s: float,
    batch: int = 50,
    analyze: bool = False,
) -> dict[str, Any]:
    """Readers alone (``budgets[0]`` requests each), then readers (at most ``budgets[1]``
    each) while ``docs`` are posted; pages are drawn over the whole stored corpus."""
    limits = httpx.Limits(max_connections=n_readers + 4)
    async with httpx.AsyncClient(base_url=url, timeout=60, limits=limits) as client:
        held, pages = await article_pages(client)
        idle_lat, idle_err = await readers(client, n_readers, budgets[0], asyncio.Event(), pages)
        stop = asyncio.Event()
        load = asyncio.create_task(readers(client, n_readers, budgets[1], stop, pages))
        deadline = time.perf_counter() + limit_s
        ingest_s, ingest_err = await ingest(client, docs, batch, deadline, analyze)
        stop.set()
        busy_lat, busy_err = await load
        lost = {d["source"] for d in docs} - await stored_sources(client)
    return {
        "docs": len(docs),
        "held_before": held,
        "readers": n_readers,
        "idle": idle_lat,
        "busy": busy_lat,
        "errors": idle_err + busy_err + ingest_err,
        "ingest_s": ingest_s,
        "lost": len(lost),
    }


def serve(workspace: Path, start_s: float = 60) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-c", SERVER, str(port), TOKEN, str(workspace)])
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + start_s
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
            m = asyncio.run(measure(url, documents(n_docs), n_readers, (budget // 4, budget), 300))
        finally:
            proc.terminate()
            proc.wait(30)
    corpus = (
        f"{n_docs} invented articles (~120 words) posted in batches of 50 to "
        f"/api/ingest while {n_readers} concurrent readers (httpx async, 127.0.0.1) "
        f"page articles, stories, claims, search and the UI"
    )
    notes = (
        "server with default ApiSettings (read cache on, invalidated by every "
        "committed ingest batch); client and server share the machine's cores"
    )
    return report(m, corpus, notes)


def main_workspace(workspace: Path, corpus: Path, new: int, limit_s: float) -> dict[str, Any]:
    """Readers on a stored corpus while one request adds ``new`` articles with the analysis
    (one incremental step in the server)."""
    docs = corpus_documents(corpus, new)
    proc, url = serve(workspace, start_s=600)
    try:
        m = asyncio.run(measure(url, docs, 50, (50, 10**6), limit_s, len(docs), analyze=True))
    finally:
        proc.terminate()
        proc.wait(120)
    described = (
        f"a workspace of {m['held_before']} articles ({workspace.name}); the last {new} files of "
        f"{corpus.name} posted in one request with analyze=true (one incremental step in the "
        "server) while 50 concurrent readers (httpx async, 127.0.0.1) page articles anywhere "
        "in the corpus, stories, claims, search and the UI"
    )
    notes = (
        "server with default ApiSettings; the step runs in the server's writer thread; "
        "client and server share the machine's 2 cores; 'ingest' here is the whole step "
        "(clean, provenance, extract, align, entities, one write transaction)"
    )
    return report(m, described, notes, target_p95=0.5)


async def timed_readers(url: str, n_readers: int, per_reader: int) -> dict[str, Any]:
    """Readers alone, each ``per_reader`` requests over the whole stored corpus: latency
    overall and per route."""
    by_route: dict[str, list[float]] = {}
    limits = httpx.Limits(max_connections=n_readers + 4)
    async with httpx.AsyncClient(base_url=url, timeout=120, limits=limits) as client:
        held, pages = await article_pages(client)
        began = time.perf_counter()
        every, errors = await readers(
            client, n_readers, per_reader, asyncio.Event(), pages, by_route
        )
        wall = time.perf_counter() - began
    return {
        "held": held,
        "readers": n_readers,
        "requests": len(every),
        "wall_s": round(wall, 1),
        "p50_s": round(pct(every, 0.5), 3),
        "p95_s": round(pct(every, 0.95), 3),
        "errors": len(errors),
        "per_route": {
            route: {"n": len(t), "p50_s": round(pct(t, 0.5), 3), "p95_s": round(pct(t, 0.95), 3)}
            for route, t in sorted(by_route.items())
        },
    }


def main_readers(workspace: Path, n_readers: int, per_reader: int) -> dict[str, Any]:
    """Readers alone on a stored workspace (no ingest)."""
    proc, url = serve(workspace, start_s=600)
    try:
        return asyncio.run(timed_readers(url, n_readers, per_reader))
    finally:
        proc.terminate()
        proc.wait(120)


def report(
    m: dict[str, Any], corpus: str, notes: str, target_p95: float | None = None
) -> dict[str, Any]:
    p95_busy, p95_idle = pct(m["busy"], 0.95), pct(m["idle"], 0.95)
    peer = "same readers with no ingest running (same server, same run)"
    p95_target = f"<= {target_p95} s, no errors" if target_p95 else "reported; no errors"
    p95_met = p95_busy <= target_p95 if target_p95 else True
    return {
        "benchmark": "api",
        "corpus": corpus,
        "machine": {"cpus": os.cpu_count()},
        "results": [
            row("read_p95_during_ingest", p95_busy, "s", p95_target, p95_met, peer, p95_idle),
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
            row("ingest_articles_per_s", m["docs"] / m["ingest_s"], "docs/s", "reported", True),
            row("ingest_s", m["ingest_s"], "s", "reported", True),
        ],
        "errors_sample": m["errors"][:10],
        "notes": notes,
    }


def _args() -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--workspace", type=Path, help="serve this workspace (changed in place)")
    parser.add_argument("--corpus", type=Path, help="with --workspace: post its last files")
    parser.add_argument("--new", type=int, default=1000)
    parser.add_argument("--limit-s", type=float, default=7200)
    parser.add_argument("--name", default="api", help="results file name")
    parser.add_argument(
        "--readers-only", type=int, metavar="N", help="with --workspace: N requests per reader"
    )
    return parser.parse_args()


if __name__ == "__main__":
    args = _args()
    if args.workspace is not None and args.readers_only:
        print(json.dumps(main_readers(args.workspace, 50, args.readers_only)))
        raise SystemExit(0)
    if args.workspace is not None and args.corpus is not None:
        result = main_workspace(args.workspace, args.corpus, args.new, args.limit_s)
    else:
        result = main(quick=args.quick)
    write_json(args.name, result)
    print(json.dumps({k: v for k, v in result.items() if k != "errors_sample"}, indent=2))
