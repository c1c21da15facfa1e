"""The analysis.json writer gives the text of ``json.dumps(indent=2, ensure_ascii=False)``."""

from __future__ import annotations

import json
from enum import IntEnum, StrEnum
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wirecheck.store import dumps_json
from wirecheck.store.pretty import dumps_pretty

SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=12)
)
KEYS = st.one_of(st.text(max_size=8), st.integers(), st.floats(), st.booleans(), st.none())
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=5),
        st.tuples(inner, inner),
        st.dictionaries(KEYS, inner, max_size=5),
    ),
    max_leaves=40,
)


def _library(value: Any) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False)


@settings(max_examples=400, deadline=None)
@given(VALUES)
def test_any_json_value_is_written_as_the_library_writes_it(value: Any) -> None:
    assert dumps_pretty(value) == _library(value)


class Kind(StrEnum):
    CLAIM = "claim"


class Level(IntEnum):
    HIGH = 3


def test_subclasses_edge_values_and_unknown_types_follow_the_library() -> None:
    value = {
        "kind": Kind.CLAIM,
        "level": Level.HIGH,
        "odd": [float("nan"), float("inf"), -0.0, 1e-05, 1e16, 10**40],
        "text": 'quote " backslash \\ line\u2028 tab\t é \x00',
        Kind.CLAIM: {},
        "empty": [[], {}, ()],
    }
    assert dumps_pretty(value) == _library(value)
    assert dumps_json(value) == _library(value) + "\n"
    with pytest.raises(TypeError):
        dumps_pretty({"a": [object()]})  # as json.dumps: not serialisable
    looped: list[Any] = []
    looped.append(looped)
    with pytest.raises(ValueError, match="Circular"):
        dumps_pretty(looped)
