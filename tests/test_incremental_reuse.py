"""Each reuse of an incremental step returns what computing afresh returns, and is redone when
what it was computed from changed (a stale result would make these tests fail)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from wirecheck.clean import clean_documents
from wirecheck.incremental import reusing_cleaner
from wirecheck.incremental.clean import CLEANED
from wirecheck.incremental.memo import ResultCache
from wirecheck.model import RawDocument
from wirecheck.runner import run
from wirecheck.settings import Settings
from wirecheck.store import Workspace

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "corpus"
FOOTER = "Weather and traffic for the valley"  # chrome once several pages carry it
EVENTS = [
    ("Harbour cranes stopped at Port Ellery", "Dockworkers walked out on Monday over pay."),
    ("Mill in Tarnow closes second line", "The company said orders fell by a third."),
    ("Flood barrier tested in Vessby", "Engineers raised the gates for six hours."),
    ("Rail freight resumes near Calder", "Trains ran again after a track repair."),
    ("Bridge toll rises in Amsel County", "Drivers will pay two more crowns from May."),
    ("Orchard growers count frost losses", "Growers lost much of the early blossom."),
    ("New ferry berth opens at Skarholm", "The berth takes ships of up to 90 metres."),
]


def _doc(n: int, footer: bool) -> RawDocument:
    title, lead = EVENTS[n % len(EVENTS)]
    lines = [title, "March 3, 2025", f"{lead} Officials gave figure {n} in a statement."]
    lines.append(f"Residents said the change came after weeks of talks, report {n}.")
    if footer:
        lines.append(FOOTER)
    return RawDocument(source=f"doc-{n:02d}.txt", text="\n\n".join(lines), outlet="Gazette")


def test_cleaning_reuses_documents_and_recleans_those_whose_lines_became_chrome() -> None:
    settings = Settings().clean
    first = [_doc(n, footer=n == 0) for n in range(4)]  # the footer on one page: news text
    later = [_doc(n, footer=True) for n in range(4, 7)]  # now on four pages: chrome
    with Workspace.open(None) as workspace:
        stored = ResultCache(workspace, CLEANED)
        before = reusing_cleaner(stored)(first, settings)
        assert before == clean_documents(first, settings) and stored.reused == 0
        assert FOOTER in before[0].body
        workspace.save_results(CLEANED, sorted(stored.new.items()))

        again = ResultCache(workspace, CLEANED)
        after = reusing_cleaner(again)(first + later, settings)
    assert after == clean_documents(first + later, settings)
    assert FOOTER not in after[0].body  # not the stored (stale) cleaning of the first page
    # the three pages whose lines' standing did not change came from the workspace
    assert again.reused == 3 and len(again.new) == 1 + len(later)


def test_saving_an_analysis_writes_only_changed_rows_and_stores_exactly_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = sorted(str(p) for p in SAMPLES.rglob("*") if p.is_file() and p.name != "gold.yaml")
    analysis = run(files, tmp_path / "out", None).analysis
    assert analysis.claims and len(analysis.mentions) > 2
    with Workspace.open(tmp_path / "ws.duckdb") as workspace:
        workspace.save_analysis(analysis)
        deleted: list[int] = []
        original = Workspace._delete_keys

        def counted(conn: Any, table: Any, keys: Any) -> None:
            deleted.append(len(keys))
            original(conn, table, keys)

        monkeypatch.setattr(Workspace, "_delete_keys", staticmethod(counted))
        workspace.save_analysis(analysis)  # the same analysis again: nothing to rewrite
        assert deleted == [] and workspace.load_analysis() == analysis

        # a later analysis: one claim reworded in place, a mention gone (the later ones
        # move up), an article retitled; each must be stored, not the earlier row kept
        claim = analysis.claims[0].model_copy(update={"text": "reworded"})
        article = analysis.articles[0].model_copy(update={"title": "retitled"})
        later = analysis.model_copy(
            update={
                "claims": [claim, *analysis.claims[1:]],
                "mentions": analysis.mentions[1:],
                "articles": [article, *analysis.articles[1:]],
            }
        )
        workspace.save_analysis(later)
        assert 0 < sum(deleted) < len(analysis.mentions) + len(analysis.claims)
        assert workspace.load_analysis() == later
        assert workspace.count("claim_mentions") == len(later.mentions)


def test_event_keys_are_read_back_per_body_and_computed_for_a_changed_one() -> None:
    from wirecheck.incremental.pairs import EVENT_KEYS, event_keys_reusing
    from wirecheck.provenance.event_keys import event_keys

    first = "On March 3 Harbour Ltd said 1,200 workers in Port Ellery would stop work."
    changed = first.replace("1,200", "1,400")  # one figure differs: other keys
    with Workspace.open(None) as workspace:
        stored = ResultCache(workspace, EVENT_KEYS)
        assert event_keys_reusing(stored, [first, first]) == [event_keys(first)] * 2
        workspace.save_results(EVENT_KEYS, sorted(stored.new.items()))
        again = ResultCache(workspace, EVENT_KEYS)
        found = event_keys_reusing(again, [first, changed])
    assert found == [event_keys(first), event_keys(changed)] and found[0] != found[1]
    assert again.reused == 1 and len(again.new) == 1


def test_sentence_vectors_come_back_bit_for_bit_and_only_new_sentences_are_encoded(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import numpy as np

    from wirecheck.incremental import pairs
    from wirecheck.provenance.multilingual import sentence_vectors

    first = ["Die Fähre fährt wieder nach Skarholm.", "The ferry sails to Skarholm again."]
    later = [first[1], "Le ferry repart vers Skarholm.", first[1]]
    encoded: list[list[str]] = []

    def counting(texts: Any) -> Any:
        encoded.append(list(texts))
        return sentence_vectors(texts)

    monkeypatch.setattr(pairs, "sentence_vectors", counting)
    with Workspace.open(None) as workspace:
        stored = ResultCache(workspace, pairs.SENTENCE_VECTORS)
        np.testing.assert_array_equal(pairs.vectors_reusing(stored, first), sentence_vectors(first))
        workspace.save_results(pairs.SENTENCE_VECTORS, sorted(stored.new.items()))
        again = ResultCache(workspace, pairs.SENTENCE_VECTORS)
        rows = pairs.vectors_reusing(again, later)
    assert rows.dtype == np.float32
    assert rows.tobytes() == sentence_vectors(later).tobytes()  # the stored rows, unchanged
    assert encoded == [first, [later[1]]]  # the stored sentence is read, not encoded again
    assert again.reused == 1 and len(again.new) == 1
