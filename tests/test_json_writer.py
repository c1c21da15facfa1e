"""analysis.json's writer: two-space JSON that reads back as what was written, streamed."""

from __future__ import annotations

import io
import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from wirecheck.model import Analysis, Article
from wirecheck.store import dumps_json
from wirecheck.store.jsonfile import write_model_json

SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=12),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=5),
                            st.dictionaries(st.text(max_size=8), inner, max_size=5)),
    max_leaves=40,
)


@settings(max_examples=300, deadline=None)
@given(VALUES)
def test_any_json_value_reads_back_unchanged(value: Any) -> None:
    text = dumps_json(value)
    assert text.endswith("\n") and json.loads(text) == value


def test_layout_is_the_standard_librarys_and_odd_values_fall_back() -> None:
    value = {"kind": "claim", "items": [1, 2.5, None, "é \u2028 \" \\"], "empty": [[], {}]}
    assert dumps_json(value) == json.dumps(value, indent=2, ensure_ascii=False) + "\n"
    odd = {1: "non-string key", "big": 10**40}
    assert json.loads(dumps_json(odd)) == {"1": "non-string key", "big": 10**40}


def _streamed(model: BaseModel) -> str:
    out = io.StringIO()
    write_model_json(model, out)
    return out.getvalue()


def test_the_streamed_file_is_the_whole_dump_byte_for_byte(sample_analysis: Analysis) -> None:
    """analysis.json is written one list item at a time (a 100k-article analysis would be
    held three more times over as dicts, a string and bytes); the text must not change."""
    whole = dumps_json(sample_analysis.to_json_dict())
    assert sample_analysis.articles and sample_analysis.claims
    assert _streamed(sample_analysis) == whole
    odd = Article(id="a-1", source="x", body="line\nnext \u2028 \"q\" é", title=None)
    for analysis in (Analysis(), Analysis(articles=[odd]), Analysis(articles=[odd, odd])):
        assert _streamed(analysis) == dumps_json(analysis.to_json_dict())
