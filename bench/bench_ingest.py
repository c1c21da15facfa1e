"""Ingest benchmark: articles/s on the text path and the HTML path, with bare trafilatura as peer.

A corpus of invented articles (~350 words, varied vocabulary) is generated in a temp dir
twice: as plain-text files and as full HTML pages (head metadata, navigation, scripts,
sidebar, footer). Measured in one process, on the same files:

- text path: ``read_inputs`` alone; ``ingest_paths`` into a DuckDB workspace file with the
  cleaner replaced by a passthrough (read + batched commits: the I/O half); the same with
  ``wirecheck.clean`` on every file (read + clean + store of the whole corpus; the cleaner is
  corpus-level but linear, ~1,000 articles per CPU-second);
- HTML path: ``read_inputs`` (sniff, decode, trafilatura with metadata) against the peer,
  bare ``trafilatura.extract(favor_precision=True, include_comments=False)`` reading the
  same files. Ours and the peer alternate on chunks of 250 files.

Rates are articles per CPU-second of this process (``time.process_time``, all threads), so
load from other processes on a shared machine does not move them much; wall-clock rates are
kept next to them (``wall_value``). The whole path is single-threaded Python except
DuckDB's writes, so on an idle 2-core box wall-clock throughput is at least the CPU rate.

    .venv/bin/python -m bench.bench_ingest [--quick]   ->  bench/results/ingest.json
"""

from __future__ import annotations

import argparse
import json
import os
import random
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from bench.common import write_json

FULL, QUICK = 10_000, 1_000
# HTML files per alternation of ours and the peer (fine-grained, so load bursts hit both).
HTML_CHUNK = 250
_WORD_TEXT = (
    "harbour river barge grain turbine cargo customs ledger port canal freight minister council "
    "export import tariff vessel quay storm inspection shipment treaty factory engineer bearing "
    "valve coupling pump drone engine chip machine tool supplier buyer contract payment bank "
    "official statement spokesman ministry agency report week month year quarter volume share "
    "increase decline estimate delivery warehouse route border convoy rail depot licence fine"
)
WORDS = _WORD_TEXT.split()
OUTLETS = [f"The {w.capitalize()} Gazette" for w in WORDS[:40]]


def article(i: int, rng: random.Random) -> tuple[str, list[str]]:
    title = f"{rng.choice(WORDS).capitalize()} {rng.choice(WORDS)} report {i}"
    paras = []
    for _ in range(rng.randint(5, 9)):
        sentences = []
        for _ in range(rng.randint(2, 4)):
            words = [rng.choice(WORDS) for _ in range(rng.randint(10, 22))]
            sentences.append(" ".join(words).capitalize() + f" ({rng.randint(1, 999)}).")
        paras.append(" ".join(sentences))
    return title, paras


def html_page(i: int, title: str, paras: list[str], rng: random.Random) -> str:
    outlet = OUTLETS[i % len(OUTLETS)]
    nav = "".join(f"<li><a href='/{w}'>{w.capitalize()}</a></li>" for w in WORDS[:12])
    side = "".join(f"<li><a href='/s/{j}'>{rng.choice(WORDS)} story {j}</a></li>" for j in range(8))
    body = "".join(f"<p>{p}</p>" for p in paras)
    return (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{title}</title>"
        f"<meta property='og:site_name' content='{outlet}'>"
        f"<meta name='author' content='Reporter {i % 97}'>"
        f"<meta property='article:published_time' content='2023-0{1 + i % 9}-1{i % 10}T08:00:00Z'>"
        "<script>window.dataLayer=[];function track(){return 1;}</script>"
        "<style>body{font-family:serif}</style></head><body>"
        f"<header><nav><ul>{nav}</ul></nav></header><main><article><h1>{title}</h1>"
        f"<p class='byline'>By Reporter {i % 97}</p>{body}</article>"
        f"<aside><h2>Most read</h2><ul>{side}</ul></aside></main>"
        f"<footer><p>Copyright {outlet}. All rights reserved.</p></footer></body></html>"
    )


def make_corpus(root: Path, count: int) -> tuple[Path, Path]:
    rng = random.Random(11)
    text_dir, html_dir = root / "text", root / "html"
    text_dir.mkdir()
    html_dir.mkdir()
    for i in range(count):
        title, paras = article(i, rng)
        name = f"{i:05d}"
        (text_dir / f"{name}.txt").write_text(title + "\n\n" + "\n\n".join(paras) + "\n")
        (html_dir / f"{name}.html").write_text(html_page(i, title, paras, rng))
    return text_dir, html_dir


@dataclass
class Timing:
    """Wall-clock and CPU seconds (this process, all its threads) of some work."""

    wall: float = 0.0
    cpu: float = 0.0
    count: int = 0

    def add(self, fn: Callable[[], int]) -> Timing:
        wall, cpu = time.perf_counter(), time.process_time()
        self.count += fn()
        self.wall += time.perf_counter() - wall
        self.cpu += time.process_time() - cpu
        return self

    def rates(self) -> dict[str, float]:
        return {
            "wall_value": round(self.count / self.wall, 3),
            "cpu_s": round(self.cpu, 3),
            "wall_s": round(self.wall, 3),
        }


def timed(fn: Callable[[], int]) -> Timing:
    return Timing().add(fn)


def result(
    metric: str, value: float, unit: str, target: str, met: bool, **peer: Any
) -> dict[str, Any]:
    row: dict[str, Any] = {"metric": metric, "value": round(value, 3), "unit": unit}
    row.update(peer)
    row.update({"target": target, "met": met})
    return row


def text_path(text_dir: Path, work: Path) -> list[dict[str, Any]]:
    from wirecheck.ingest import read_inputs
    from wirecheck.model import RawDocument
    from wirecheck.runner import ingest_paths, passthrough_documents
    from wirecheck.settings import Settings
    from wirecheck.store import Workspace

    settings = Settings()

    def read_all() -> int:
        items = read_inputs([str(text_dir)], settings.ingest)
        return sum(isinstance(d, RawDocument) for d in items)

    def stored(paths: list[str], db: str, clean: bool) -> int:
        cleaner = None if clean else passthrough_documents
        with Workspace.open(work / db) as workspace:
            ingest_paths(paths, settings, workspace, cleaner=cleaner)
            return workspace.count("articles")

    files = sorted(str(p) for p in text_dir.iterdir())
    read = timed(read_all)
    store = timed(lambda: stored(files, "raw.duckdb", clean=False))
    clean = timed(lambda: stored(files, "clean.duckdb", clean=True))
    per_cpu = "articles/CPU-s"
    return [
        result("text_read_articles_per_cpu_s", read.count / read.cpu, per_cpu, "reported", True,
               peer="none (readers only: walk, sniff, decode)", **read.rates()),
        result("text_ingest_store_articles_per_cpu_s", store.count / store.cpu, per_cpu,
               ">= 500", store.count / store.cpu >= 500,
               peer="none (read + DuckDB batched commits; cleaner replaced by passthrough)",
               **store.rates()),
        result("text_ingest_clean_store_articles_per_cpu_s", clean.count / clean.cpu, per_cpu,
               ">= 500", clean.count / clean.cpu >= 500,
               peer=f"none (read + wirecheck.clean + store, all {len(files)} files; "
               "the cleaner is corpus-level and linear)", **clean.rates()),
    ]  # fmt: skip


def html_path(html_dir: Path) -> list[dict[str, Any]]:
    """Ours and the peer alternate on chunks of the same files; CPU time decides the ratio,
    so load from other processes on the shared machine does not."""
    import trafilatura

    from wirecheck.ingest import read_inputs
    from wirecheck.model import RawDocument
    from wirecheck.settings.ingest import IngestSettings

    files = sorted(str(p) for p in html_dir.iterdir())
    settings = IngestSettings()
    ours, peer = Timing(), Timing()

    def our_chunk(chunk: list[str]) -> int:
        return sum(isinstance(d, RawDocument) for d in read_inputs(chunk, settings))

    def peer_chunk(chunk: list[str]) -> int:
        done = 0
        for path in chunk:
            with open(path, "rb") as handle:
                html = handle.read()
            text = trafilatura.extract(html, favor_precision=True, include_comments=False)
            done += text is not None
        return done

    for start in range(0, len(files), HTML_CHUNK):
        chunk = files[start : start + HTML_CHUNK]
        peer.add(partial(peer_chunk, chunk))
        ours.add(partial(our_chunk, chunk))
    ratio = ours.cpu / peer.cpu
    version = getattr(trafilatura, "__version__", "?")
    return [
        result(
            "html_articles_per_cpu_s",
            ours.count / ours.cpu,
            "articles/CPU-s",
            "<= 1.2 x peer time",
            ratio <= 1.2,
            peer=f"bare trafilatura.extract {version} (text only, no metadata), same files",
            peer_value=round(peer.count / peer.cpu, 3),
            ratio=round(ratio, 3),
            **ours.rates(),
        ),
    ]


def main(quick: bool = False) -> dict[str, Any]:
    count = QUICK if quick else FULL
    with tempfile.TemporaryDirectory(prefix="wirecheck-bench-") as tmp:
        root = Path(tmp)
        text_dir, html_dir = make_corpus(root, count)
        import trafilatura  # noqa: F401 - import cost kept out of the timings

        from wirecheck.runner import ingest_paths
        from wirecheck.settings import Settings

        ingest_paths([str(text_dir / "00000.txt")], Settings())  # warm imports
        rows = text_path(text_dir, root) + html_path(html_dir)
    report = {
        "benchmark": "ingest",
        "corpus": f"{count} invented articles (~350 words), as .txt files and as full HTML "
        "pages (nav, scripts, sidebar, footer, og/author/date meta), generated in a temp dir",
        "machine": {"cpus": os.cpu_count() or 0},
        "results": rows,
    }
    write_json("ingest", report)
    return report


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help=f"{QUICK} articles instead of {FULL}")
    print(json.dumps(main(parser.parse_args().quick), indent=2))
