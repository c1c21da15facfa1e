"""Running extraction over a corpus: one parse per distinct body, worker processes.

Wire copies repeat a body word for word; the extractor parses such a body once and reads
every copy from that parse, and large corpora are read by forked workers. Neither may
change what is found: these tests compare against the plain one-article-at-a-time reading.
"""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from wirecheck.extract import extract_claims
from wirecheck.extract.claims import extract_from_doc
from wirecheck.extract.nlp import load_nlp
from wirecheck.extract.workers import same_body_groups, worker_count
from wirecheck.model import Article
from wirecheck.settings import Settings
from wirecheck.settings.extract import ExtractSettings


@pytest.fixture(scope="module")
def corpus_with_copies(samples_dir: Path) -> list[Article]:
    """The sample articles, each followed every third one by a copy under another source."""
    from wirecheck.runner import ingest_paths

    articles = ingest_paths([str(samples_dir / "corpus")], Settings()).articles
    out: list[Article] = []
    for n, article in enumerate(articles):
        out.append(article)
        if n % 3 == 0:
            source = f"mirror/{n}.txt"
            copy_id = Article.make_id(source, article.body)
            out.append(article.model_copy(update={"id": copy_id, "source": source}))
    return out


def _one_by_one(articles: list[Article], settings: ExtractSettings) -> tuple[list[str], list[str]]:
    """Mentions as JSON, each article parsed on its own (the reference reading)."""
    nlp = load_nlp()
    mentions: list[str] = []
    entities: list[str] = []
    for article in articles:
        found, spans = extract_from_doc(article, nlp(article.body), settings)
        mentions += [m.model_dump_json() for m in found]
        entities += [e.model_dump_json() for e in spans]
    return mentions, entities


def test_same_body_groups_keep_first_seen_order() -> None:
    bodies = ["b", "a", "b", "c", "a", "b"]
    articles = [Article(id=f"a{n}", source=f"s{n}", body=b) for n, b in enumerate(bodies)]
    assert same_body_groups(articles) == [[0, 2, 5], [1, 4], [3]]


def test_worker_count_is_one_below_the_threshold() -> None:
    settings = ExtractSettings(n_process=4, multiprocess_min_docs=100)
    assert worker_count(settings, 99) == 1
    assert worker_count(settings, 100) == 4
    assert worker_count(ExtractSettings(n_process=0, multiprocess_min_docs=1), 10) >= 1


@pytest.mark.slow
@pytest.mark.parametrize("workers", [1, 2])
def test_grouped_and_worker_reading_equals_one_by_one(
    corpus_with_copies: list[Article], workers: int
) -> None:
    settings = ExtractSettings(n_process=workers, multiprocess_min_docs=1)
    expected_mentions, expected_entities = _one_by_one(corpus_with_copies, settings)
    result = extract_claims(corpus_with_copies, settings)
    assert [m.model_dump_json() for m in result.mentions] == expected_mentions
    assert [e.model_dump_json() for e in result.entity_mentions] == expected_entities


@pytest.mark.slow
def test_a_copy_gets_mentions_of_its_own(corpus_with_copies: list[Article]) -> None:
    settings = ExtractSettings(n_process=1)
    result = extract_claims(corpus_with_copies, settings)
    original, copy = corpus_with_copies[0], corpus_with_copies[1]
    assert copy.body == original.body and copy.id != original.id
    of_original = [m for m in result.mentions if m.article == original.id]
    of_copy = [m for m in result.mentions if m.article == copy.id]
    assert of_original and len(of_copy) == len(of_original)
    assert {m.id for m in of_copy}.isdisjoint(m.id for m in of_original)
    assert [m.text for m in of_copy] == [m.text for m in of_original]


def test_the_pipeline_loads_without_torch_and_torch_stays_importable() -> None:
    """thinc imports torch when it is installed; the English pipeline does not need it, so
    loading spaCy leaves it out (a fresh process: this one may have imported torch already)."""
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from wirecheck.extract.nlp import load_nlp\n"
        "doc = load_nlp()('Acme Corp shipped 40 drones to Valmora on Monday.')\n"
        "print('torch' in sys.modules, [e.label_ for e in doc.ents])\n"
        "import torch\n"
        "print(torch.tensor([1, 2]).sum().item())\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          check=True, timeout=300)
    first, second = done.stdout.splitlines()
    assert first.startswith("False [") and "CARDINAL" in first
    assert second == "3"


_PARENT_ONLY: list[str] = []  # filled in the test's process: a spawned worker sees it empty


def _parent_state() -> list[str]:
    return list(_PARENT_ONLY)


@pytest.mark.slow
def test_workers_do_not_inherit_the_parents_heap(
    corpus_with_copies: list[Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A forked worker copied a growing part of the parent's heap (35 KB an article by the
    end of extraction); the workers are spawned: what the parent built is not in them, and
    the mentions are the one-process reading."""
    from wirecheck.extract import workers

    _PARENT_ONLY.append("built by the parent")
    contexts: list[Any] = []  # the start-method context of each pool extraction made
    real_pool = workers.ProcessPoolExecutor

    def recorded(*args: Any, **kwargs: Any) -> ProcessPoolExecutor:
        contexts.append(kwargs["mp_context"])
        return real_pool(*args, **kwargs)

    monkeypatch.setattr(workers, "ProcessPoolExecutor", recorded)
    monkeypatch.setattr(workers, "CHUNK_GROUPS", 2)  # several chunks: the workers read them
    settings = ExtractSettings(n_process=2, multiprocess_min_docs=1)
    found = extract_claims(corpus_with_copies, settings)
    alone = extract_claims(corpus_with_copies, ExtractSettings(n_process=1))
    assert found.mentions == alone.mentions and found.entity_mentions == alone.entity_mentions
    assert len(contexts) == 1
    with real_pool(1, mp_context=contexts[0]) as pool:
        assert pool.submit(_parent_state).result() == []
    _PARENT_ONLY.clear()


UNGUARDED_SCRIPT = """
import logging, sys
logging.basicConfig(stream=sys.stderr)
from wirecheck.extract import extract_claims, workers
from wirecheck.model import Article
from wirecheck.settings.extract import ExtractSettings
workers.CHUNK_GROUPS = 1
bodies = ["Acme Corp shipped 40 drones to Valmora.", "Brask Optics sold lenses to Harrow."]
articles = [Article(id=f"a{n}", source=f"s{n}", body=b) for n, b in enumerate(bodies)]
found = extract_claims(articles, ExtractSettings(n_process=2, multiprocess_min_docs=1))
print(sorted({e.text for e in found.entity_mentions}))
"""


@pytest.mark.slow
def test_a_script_without_a_main_guard_still_gets_its_mentions(tmp_path: Path) -> None:
    """A spawned worker imports the main script again; one that analyses on import makes the
    workers fail to start, and extraction then runs in the calling process, with a warning."""
    import subprocess
    import sys

    script = tmp_path / "unguarded.py"
    script.write_text(UNGUARDED_SCRIPT)
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                          timeout=600, check=True)
    assert "Acme Corp" in done.stdout and "Brask Optics" in done.stdout
    assert "extraction workers did not start" in done.stderr
