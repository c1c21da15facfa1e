"""Sanctions lists kept in the workspace: same matches as the in-memory index, loaded once,
reused by later runs, replaced by a newer file, never left half-loaded."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from bench.bench_screen import _party
from bench.screen_data import Query, generate, write_simple_csv

from wirecheck.entities.lists import stored as stored_mod
from wirecheck.entities.lists.stored import ensure_list, lists_in, stored_index
from wirecheck.entities.screening.screen import load_lists, screen_party
from wirecheck.model import ListEntry
from wirecheck.settings.screen import ScreenSettings
from wirecheck.store import Workspace

LOW = ScreenSettings().model_copy(update={"match_threshold": 0.5})


def _lists(tmp_path: Path) -> tuple[list[Path], list[Query]]:
    entries, queries = generate(1500, 8, seed=3)
    first, second = tmp_path / "first.csv", tmp_path / "second.csv"
    write_simple_csv(entries[:900], first)
    write_simple_csv(entries[900:], second)
    with second.open("a", encoding="utf-8") as handle:
        handle.write("broken,row\n")  # one bad row: reported the same way by both loaders
    return [first, second], queries


def _found(index: object, queries: list[Query]) -> list[list[tuple[str, str, float, str]]]:
    return [
        [(m.list, m.entry, m.score, m.explanation) for m in screen_party(index, _party(q), LOW)]  # type: ignore[arg-type]
        for q in queries
    ]


def test_stored_lists_screen_exactly_like_the_in_memory_index(tmp_path: Path) -> None:
    paths, queries = _lists(tmp_path)
    names = [str(p) for p in paths]
    memory, memory_errors = load_lists(names, None)
    with Workspace.open(tmp_path / "ws.duckdb") as workspace, lists_in(workspace):
        stored, stored_errors = load_lists(names, None)
        assert stored_errors == memory_errors and len(stored_errors) == 1
        expected = _found(memory, queries)
        assert _found(stored, queries) == expected
        assert sum(map(len, expected)) > len(queries) // 4  # the comparison covers matches
    with Workspace.open(tmp_path / "ws.duckdb") as workspace, lists_in(workspace):
        again, errors = load_lists(names, None)  # a later process: read back, not rebuilt
        assert _found(again, queries) == expected and errors == memory_errors
    # the later process read the columns written at load as memory-mapped Arrow files
    mapped = sorted((tmp_path / "ws.duckdb.lists").iterdir())
    assert len(mapped) == 2 and all((m / "complete").is_file() for m in mapped)
    for folder in mapped:  # without them (say, deleted) they are read again and rewritten
        for file in folder.iterdir():
            file.unlink()
    with Workspace.open(tmp_path / "ws.duckdb") as workspace, lists_in(workspace):
        rebuilt, _ = load_lists(names, None)
        assert _found(rebuilt, queries) == expected
    assert all((m / "postings.arrow").is_file() for m in mapped)


def test_a_list_is_loaded_once_and_a_newer_file_replaces_it(tmp_path: Path) -> None:
    paths, _ = _lists(tmp_path)
    path = paths[0]
    with Workspace.open(tmp_path / "ws.duckdb") as workspace:
        first, _ = ensure_list(workspace, path, None)
        assert first is not None and first.entries == 900
        same, _ = ensure_list(workspace, path, None)
        assert same == first
        stat = path.stat()
        os.utime(path, (stat.st_atime, stat.st_mtime + 60))  # touched, same bytes: kept
        touched, _ = ensure_list(workspace, path, None)
        assert touched is not None and touched.file_id == first.file_id
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        path.write_text("".join(lines[:-100]), encoding="utf-8")  # a newer, shorter list
        newer, _ = ensure_list(workspace, path, None)
        assert newer is not None and newer.file_id != first.file_id and newer.entries == 800
        assert [f.file_id for f in workspace.stored_list_files()] == [newer.file_id]
        assert stored_index(workspace, [newer]).size() == 800


def test_a_load_that_fails_half_way_leaves_the_previous_list(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths, _ = _lists(tmp_path)
    path = paths[0]
    with Workspace.open(tmp_path / "ws.duckdb") as workspace:
        before, _ = ensure_list(workspace, path, None)
        assert before is not None
        path.write_text(path.read_text(encoding="utf-8") + "x1,Person,Added Name,,,,d\n")
        real = stored_mod.iter_list

        def failing(*args: object) -> Iterator[ListEntry]:
            for number, entry in enumerate(real(*args)):  # type: ignore[arg-type]
                if number == 150:
                    raise KeyboardInterrupt  # the user stops the load after some batches
                yield entry

        monkeypatch.setattr(stored_mod, "iter_list", failing)
        monkeypatch.setattr(stored_mod, "BATCH", 50)
        with pytest.raises(KeyboardInterrupt):
            ensure_list(workspace, path, None)
        assert workspace.stored_list_files() == [before]
        assert stored_index(workspace, [before]).size() == before.entries
        monkeypatch.setattr(stored_mod, "iter_list", real)
        after, _ = ensure_list(workspace, path, None)
        assert after is not None and after.entries == before.entries + 1
        assert stored_index(workspace, workspace.stored_list_files()).size() == after.entries


def test_runs_keep_their_lists_in_the_workspace(tmp_path: Path) -> None:
    from wirecheck.pipeline import ENTITIES
    from wirecheck.runner import run

    paths, _ = _lists(tmp_path)
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Zentrovar Freight said it shipped valves to a port.\n")
    db = tmp_path / "ws.duckdb"
    run([str(corpus)], tmp_path / "out", db, lists=[str(paths[0])], stages=(ENTITIES,))
    with Workspace.open(db) as workspace:
        loaded = workspace.stored_list_files()
    run([str(corpus)], tmp_path / "out", db, lists=[str(paths[0])], stages=(ENTITIES,))
    with Workspace.open(db) as workspace:
        assert workspace.stored_list_files() == loaded and len(loaded) == 1


def test_name_forms_round_trip_through_their_stored_text() -> None:
    from wirecheck.entities.lists.stored import dump_forms, load_forms
    from wirecheck.entities.screening.index import entry_forms

    names = ["[Bracketed] Holding Ltd", "Odd\x1fSeparator Trading", "Ivanov Petr Sergeevich"]
    for name in names:
        entry = ListEntry(list="t", id="x", name=name, aliases=["Zq"], schema="Person")
        forms = tuple(entry_forms(entry))
        assert forms and load_forms(dump_forms(forms)) == forms
    from wirecheck.entities.lists.stored import load_match_keys

    for name in names:  # the pre-score reads two fields without building the forms
        entry = ListEntry(list="t", id="x", name=name, aliases=["Zq"], schema="Person")
        forms = tuple(entry_forms(entry))
        assert load_match_keys(dump_forms(forms)) == tuple((f.key, f.compact) for f in forms)


def test_stored_text_columns_read_every_chunk_slice_and_width() -> None:
    import pyarrow as pa

    from wirecheck.store.lists import Texts

    words = ["Ωmega Holding", "", "株式会社", "plain", "last one"]
    for kind in (pa.string(), pa.large_string()):
        whole = pa.array(["drop me", *words], type=kind)
        column = pa.chunked_array([whole.slice(1, 2), whole.slice(3)], type=kind)
        texts = Texts(column)
        assert len(texts) == len(words) and [texts[i] for i in range(len(texts))] == words
        with pytest.raises(IndexError):
            texts[len(words)]
    with pytest.raises(ValueError, match="nulls"):
        Texts(pa.chunked_array([pa.array(["a", None])]))


def test_stored_postings_read_together_equal_those_read_one_by_one(tmp_path: Path) -> None:
    from wirecheck.entities.screening.index import ScreenIndex
    from wirecheck.entities.screening.keys import blocking_keys, name_form

    paths, _ = _lists(tmp_path)
    entries = generate(1500, 8, seed=3)[0]
    memory = ScreenIndex.build(entries)
    with Workspace.open(tmp_path / "ws.duckdb") as workspace:
        files = [ensure_list(workspace, path, None)[0] for path in paths]
        keys = [*sorted(blocking_keys(name_form(entries[5].name, False).tokens)), "t:zzzqqq"]
        together = stored_index(workspace, [f for f in files if f]).postings_of(keys)
        alone = stored_index(workspace, [f for f in files if f])
        for key, posting in zip(keys, together, strict=True):
            single = alone.posting(key)
            assert (posting is None) == (single is None) == (memory.posting(key) is None)
            if posting is not None and single is not None:
                assert posting.tolist() == single.tolist() == memory.postings[key]
