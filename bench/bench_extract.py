"""Extraction benchmark: articles/s of the whole extract stage vs spaCy's bare ``nlp.pipe``.

A corpus of invented articles (~700 words each: supply sentences with invented companies,
real countries and taxonomy goods, qualified quantities with periods, attributions,
quotes, negations and filler) is generated in memory. In one process, on the same texts:

- peer: ``load_nlp().pipe(texts)`` consumed (spaCy's small English pipeline, nothing else);
- ours: ``extract_claims(articles, ExtractSettings())`` (the same parse plus every extractor).

The two alternate chunk by chunk (``CHUNK`` articles each) in one pass and the sums count,
so a burst of load from other processes hits both alike. Target: ours costs at most 1.5x the parse.

    .venv/bin/python -m bench.bench_extract [--quick]   ->  bench/results/extract.json
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable
from typing import Any

from bench.common import result, write_results

FULL, QUICK = 2_000, 200
# Ours and the peer alternate on chunks of this many articles (one pass over the corpus):
# load from other processes then hits both alike, and 2,000 articles are parsed only twice.
CHUNK = 100
TARGET_RATIO = 1.5

_COUNTRIES = ["Iran", "Belarus", "Serbia", "India", "Turkey", "Brazil", "Vietnam", "Kazakhstan"]
_GOODS = [
    "ball bearings",
    "machine tools",
    "microelectronics",
    "drone engines",
    "turbojet engines",
    "optical components",
    "thermal imagers",
    "nitrocellulose",
    "navigation modules",
    "chips",
]
_USES = ["tanks", "armoured vehicles", "cruise missiles", "artillery rounds", "drones"]
_SYLL = ["kor", "van", "dell", "mir", "tas", "oren", "bel", "sut", "ran", "quill", "zen", "ost"]
_HEADS = ["Technology Co. Ltd.", "Precision Group", "Optics Institute", "Industries", "Works"]
_SOURCES = ["Senior officials", "Two diplomats", "A government report", "People familiar with it"]
_QUAL = ["nearly", "more than", "about", "", "almost", "over"]
_FILLER = [
    "The talks were expected to continue next week in the capital.",
    "Analysts said the economic picture remained uncertain for the region.",
    "The ministry did not respond to a request for comment on Tuesday.",
    "Ports along the coast reported heavy traffic during the holiday period.",
    "The agreement followed months of negotiations between the two delegations.",
    "Local newspapers carried the story on their front pages the next morning.",
]


def _company(rng: random.Random) -> str:
    name = "".join(rng.choice(_SYLL) for _ in range(2)).capitalize()
    return f"{name} {rng.choice(['Global', 'North', 'United', 'Eastern'])} {rng.choice(_HEADS)}"


def _supply(rng: random.Random) -> str:
    a, b = rng.sample(_COUNTRIES, 2)
    goods, use = rng.choice(_GOODS), rng.choice(_USES)
    return rng.choice(
        [
            f"{rng.choice(_SOURCES)} said {a} had supplied {goods} to {b} for use in {use}.",
            f"{b} obtained {goods} from {_company(rng)}, officials said.",
            f"{a} was likely providing {b} with {goods}, which are used to make {use}.",
            f"Several companies, including {_company(rng)} and {_company(rng)}, shipped {goods} "
            f"to {b}.",
            f"{a} denied selling {goods} to {b}.",
        ]
    )


def _quantity(rng: random.Random) -> str:
    a, b = rng.sample(_COUNTRIES, 2)
    share, money = rng.randint(10, 95), rng.randint(2, 900)
    text = rng.choice(
        [
            f"{rng.choice(_QUAL)} {share}% of {b}'s {rng.choice(_GOODS)} imports came from {a} "
            f"in the fourth quarter of {rng.randint(2019, 2024)}.",
            f"Trade between {a} and {b} reached ${money} million in {rng.randint(2019, 2024)}.",
            f"Imports rose from ${money}m in 2021 to over ${money * 2}m last year.",
        ]
    ).strip()
    return text[:1].upper() + text[1:]


def _quote(rng: random.Random) -> str:
    return (
        f"“We are watching these shipments very closely and we will respond,” said "
        f"{rng.choice(['Maria', 'Tomas', 'Lena', 'Omar'])} {rng.choice(['Koval', 'Ruiz', 'Berg'])}."
    )


def make_corpus(n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    makers: list[Callable[[random.Random], str]] = [_supply, _quantity, _quote]
    texts = []
    for _ in range(n):
        sentences: list[str] = []
        while sum(len(s.split()) for s in sentences) < 700:
            maker = rng.choice(makers) if rng.random() < 0.45 else None
            sentences.append(maker(rng) if maker else rng.choice(_FILLER))
        paragraphs = [" ".join(sentences[i : i + 4]) for i in range(0, len(sentences), 4)]
        texts.append("\n\n".join(paragraphs))
    return texts


def _timed(func: Callable[..., object], *args: Any) -> float:
    started = time.perf_counter()
    func(*args)
    return time.perf_counter() - started


def _bare_parse(nlp: Any, texts: list[str], batch_size: int) -> None:
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass


def _measure(texts: list[str]) -> tuple[float, float, list[float], list[float]]:
    """Bare parse and whole stage, alternating chunk by chunk; (bare s, ours s, per chunk)."""
    from wirecheck.extract import extract_claims, load_nlp
    from wirecheck.model import Article
    from wirecheck.settings.extract import ExtractSettings

    settings, nlp = ExtractSettings(), load_nlp()
    list(nlp.pipe(texts[:20]))  # warm-up: model load and first-batch allocation not timed
    bare_chunks, ours_chunks = [], []
    for start in range(0, len(texts), CHUNK):
        chunk = texts[start : start + CHUNK]
        articles = [
            Article(id=f"b{start + i}", source="bench", body=t) for i, t in enumerate(chunk)
        ]
        bare_chunks.append(_timed(_bare_parse, nlp, chunk, settings.batch_size))
        ours_chunks.append(_timed(extract_claims, articles, settings))
    return sum(bare_chunks), sum(ours_chunks), bare_chunks, ours_chunks


def main(quick: bool = False) -> dict[str, Any]:
    from wirecheck.extract import extract_claims
    from wirecheck.model import Article
    from wirecheck.settings.extract import ExtractSettings

    n = QUICK if quick else FULL
    texts = make_corpus(n)
    bare, ours, bare_chunks, ours_chunks = _measure(texts)
    sample = [Article(id=f"s{i}", source="bench", body=t) for i, t in enumerate(texts[:50])]
    mentions = extract_claims(sample, ExtractSettings()).mentions
    words = sum(len(t.split()) for t in texts) / n
    met = ours <= TARGET_RATIO * bare
    rows = [
        result(
            "extract_articles_per_s",
            round(n / ours, 3),
            "articles/s",
            "spaCy 3.8 nlp.pipe (en_core_web_sm 3.8.0), bare",
            round(n / bare, 3),
            target=f"whole stage <= {TARGET_RATIO}x bare nlp.pipe (ratio >= "
            f"{round(1 / TARGET_RATIO, 3)})",
            met=met,
        ),
        result(
            "extract_overhead_over_parse",
            round(ours / bare, 3),
            "x bare parse time",
            target=f"<= {TARGET_RATIO}",
            met=met,
        ),
        result("mentions_per_article", round(len(mentions) / 50, 2), "mentions"),
    ]
    corpus = (
        f"{n} generated articles (~{round(words)} words: templated supply, quantity, "
        f"quote and filler sentences with invented companies), in memory"
    )
    extra = {
        "chunks": {"size": CHUNK, "bare_s": bare_chunks, "ours_s": ours_chunks},
        "n_process": 1,
    }
    write_results("extract", corpus, rows, extra)
    return {"benchmark": "extract", "corpus": corpus, "results": rows, **extra}


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    print(main(quick=parser.parse_args().quick))
