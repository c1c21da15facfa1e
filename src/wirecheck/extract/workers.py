"""Running the extractor over a corpus: one parse per distinct body, optionally in workers.

Wire copies share their body word for word, so articles are grouped by body and each
group's body is parsed once; every article of the group is then read from that one Doc
(``extract_from_doc`` still runs per article: ids, and anything else tied to the article,
stay its own). Large corpora are split into chunks of groups that worker processes parse
and read whole, so only claim and entity mentions are pickled back, never spaCy Docs (the
cost that makes ``nlp.pipe(n_process=...)`` gain little). Results come back in the input
order whatever the number of workers.

Written with the standard library's ``ProcessPoolExecutor``. Workers are spawned, not
forked: a forked worker shares the parent's pages until one of them is written, and pymalloc
puts the worker's new objects in the free slots of the pages it inherited, so forked workers
copied a growing part of the parent's heap even with it frozen (two workers: 866 MB at 10,000
articles, 1,214 MB at 20,000, ~4 GB at 100,000; forked before the analysis grew, the parent's
own writes copied the pages they shared instead). A spawned worker starts
from a fresh interpreter and loads the pipeline itself (~3 s, once per run): its memory does
not grow with the corpus. As with any spawned process, the main module is imported again in
each worker, so a script that analyses on import needs an ``if __name__ == "__main__":``
guard; without one the workers fail to start and extraction runs in this process.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from wirecheck.model import Article, ClaimMention, EntityMention
from wirecheck.settings.extract import ExtractSettings

Found = tuple[list[ClaimMention], list[EntityMention]]
_log = logging.getLogger(__name__)
# Groups of same-body articles per worker task: ~32 parses (~1 s of work) keeps the task
# overhead (pickling ~32 bodies out and their mentions back) near 1%.
CHUNK_GROUPS = 32
# Tasks queued per worker beyond the one it runs: enough to keep it busy, few enough that
# the pickled bodies waiting in the queue stay a small part of memory.
QUEUED_PER_WORKER = 2


def same_body_groups(articles: Sequence[Article]) -> list[list[int]]:
    """Positions of ``articles`` grouped by identical body, groups in first-seen order."""
    groups: dict[str, list[int]] = {}
    for position, article in enumerate(articles):
        groups.setdefault(article.body, []).append(position)
    return list(groups.values())


def worker_count(settings: ExtractSettings, articles: int) -> int:
    """Processes to use: ``n_process`` (0 = one per usable CPU), 1 for small corpora."""
    if articles < settings.multiprocess_min_docs:
        return 1
    return max(1, settings.n_process or usable_cpus())


def usable_cpus() -> int:
    """CPUs this process may run on (its affinity where the platform says, as in a
    container limited to 2 cores; else the machine's count)."""
    affinity = getattr(os, "sched_getaffinity", None)  # Linux only
    return len(affinity(0)) if affinity is not None else (os.cpu_count() or 1)


def read_groups(groups: list[list[Article]], settings: ExtractSettings) -> list[list[Found]]:
    """Parse each group's body once and read every article of the group from it."""
    from wirecheck.extract.claims import extract_from_doc
    from wirecheck.extract.nlp import parse_texts

    docs = parse_texts([group[0].body for group in groups], settings)
    return [
        [extract_from_doc(article, doc, settings) for article in group]
        for group, doc in zip(groups, docs, strict=True)
    ]


def extract_all(articles: Sequence[Article], settings: ExtractSettings) -> list[Found]:
    """Mentions of every article, in input order (one parse per distinct body)."""
    groups = same_body_groups(articles)
    chunks = [groups[i : i + CHUNK_GROUPS] for i in range(0, len(groups), CHUNK_GROUPS)]
    payloads = [[[articles[p] for p in group] for group in chunk] for chunk in chunks]
    workers = min(worker_count(settings, len(articles)), len(chunks))
    results = (
        _in_workers(payloads, settings, workers)
        if workers > 1
        else (read_groups(payload, settings) for payload in payloads)
    )
    found: list[Found] = [([], []) for _ in articles]
    for chunk, chunk_found in zip(chunks, results, strict=True):
        for group, group_found in zip(chunk, chunk_found, strict=True):
            for position, item in zip(group, group_found, strict=True):
                found[position] = item
    return found


def _in_workers(
    chunks: list[list[list[Article]]], settings: ExtractSettings, workers: int
) -> Iterator[list[list[Found]]]:
    """``read_groups`` of each chunk in spawned worker processes, yielded in chunk order,
    with at most ``QUEUED_PER_WORKER`` tasks waiting per worker; in this process when the
    workers cannot start."""
    pool = ProcessPoolExecutor(
        workers, mp_context=multiprocessing.get_context("spawn"), initializer=_warm_up
    )
    with pool:
        try:
            pool.submit(_warm_up).result()
        except BrokenProcessPool as error:  # e.g. a script that starts work on import
            _log.warning("extraction workers did not start (%s): reading in this process", error)
            yield from (read_groups(chunk, settings) for chunk in chunks)
            return
        pending: deque[Future[list[list[Found]]]] = deque()
        for chunk in chunks:
            pending.append(pool.submit(read_groups, chunk, settings))
            if len(pending) > workers * (1 + QUEUED_PER_WORKER):
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def _warm_up() -> None:
    """Load the spaCy pipeline when the worker starts (once: later calls find it loaded)."""
    from wirecheck.extract.nlp import load_nlp

    load_nlp()
