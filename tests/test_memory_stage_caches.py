"""Caches of one stage are emptied between stages (they would hold memory to the end)."""

from __future__ import annotations

from wirecheck.entities.names import has_org_marker
from wirecheck.memory import release_free_memory
from wirecheck.provenance.text import nested_overlap


def test_stage_caches_are_emptied_between_stages() -> None:
    from wirecheck.provenance.text import _word_runs

    assert nested_overlap({"kel vor"}, {"kel vor ast", "odo"}) == 1.0
    assert has_org_marker("Kelvor Holdings Ltd")
    assert _word_runs.cache_info().currsize > 0 and has_org_marker.cache_info().currsize > 0
    release_free_memory()
    assert _word_runs.cache_info().currsize == 0 and has_org_marker.cache_info().currsize == 0
