"""Records share one fields-set object per class (memory: pydantic kept a set per instance)."""

from __future__ import annotations

import copy
import gc
import pickle

import pytest
from pydantic import ValidationError

from wirecheck.model import (
    Analysis,
    EntityMention,
    Explanation,
    FeatureScore,
    MentionRef,
    Record,
)


def _fields_set(record: Record) -> object:
    return record.__pydantic_fields_set__


def test_every_way_a_record_is_made_shares_the_class_fields_set() -> None:
    made = FeatureScore(name="lead", value=0.5, weight=2.0)
    shared = _fields_set(made)
    explained = Explanation.model_validate(
        {"score": 1.0, "features": [{"name": "a", "value": 1, "weight": 1}]}
    )
    others = [
        FeatureScore(name="other", value=1.0, weight=1.0, note="given"),
        FeatureScore.model_construct(name="x", value=0.0, weight=0.0),
        made.model_copy(update={"value": 0.7}),
        copy.copy(made),
        copy.deepcopy(made),
        pickle.loads(pickle.dumps(made)),
        explained.features[0],
        Explanation.model_validate_json(explained.model_dump_json()).features[0],
    ]
    assert all(_fields_set(other) is shared for other in others)
    assert _fields_set(explained) is not shared  # one per class
    assert set(made.model_fields_set) == {"name", "value", "weight", "note"}


def test_copies_and_assignments_keep_their_values_and_leave_the_original() -> None:
    made = Explanation(score=0.5, summary="first")
    updated = made.model_copy(update={"score": 0.7})
    updated.summary = "why"
    assert (made.score, made.summary) == (0.5, "first")
    assert (updated.score, updated.summary) == (0.7, "why")
    assert pickle.loads(pickle.dumps(updated)) == updated
    assert copy.deepcopy(updated).model_dump() == updated.model_dump()
    assert sorted(made.model_fields_set) == sorted(Explanation.model_fields)


def test_a_real_analysis_holds_one_fields_set_per_record_class(seed_analysis: Analysis) -> None:
    records = [o for o in gc.get_objects() if issubclass(type(o), Record)]
    assert len(records) > 500  # the seed analysis and its fixtures are alive
    kinds = {type(r) for r in records}
    assert len({id(_fields_set(r)) for r in records}) == len(kinds)
    reloaded = Analysis.model_validate_json(seed_analysis.model_dump_json())
    assert reloaded == seed_analysis
    assert reloaded.to_json_dict() == seed_analysis.to_json_dict()


def test_equal_features_are_one_object_and_stay_immutable() -> None:
    first = Explanation(score=1.0, features=[FeatureScore(name="rule", value=1.0, weight=0.5)])
    second = Explanation.model_validate(
        {"score": 0.2, "features": [{"name": "rule", "value": 1.0, "weight": 0.5}]}
    )
    assert first.features[0] is second.features[0]
    unpickled = pickle.loads(pickle.dumps(second))
    assert unpickled.features[0] is first.features[0]
    signed = Explanation(score=0.0, features=[FeatureScore(name="rule", value=-0.0, weight=0.5),
                                              FeatureScore(name="rule", value=0.0, weight=0.5)])
    assert signed.features[0] is not signed.features[1]  # "-0.0" and "0.0" print apart
    assert [f.model_dump()["value"] for f in signed.features] == [-0.0, 0.0]
    assert str(signed.features[0].value) == "-0.0"
    with pytest.raises(ValidationError):
        first.features[0].value = 0.3  # type: ignore[misc]
    changed = first.features[0].model_copy(update={"value": 0.3})
    assert (changed.value, first.features[0].value) == (0.3, 1.0)


def test_repeated_strings_of_records_are_one_object() -> None:
    text = "".join(["The same ", "sentence."])  # built at run time: not a literal constant
    again = "".join(["The same ", "sentence."])
    assert text is not again
    refs = [MentionRef(article="a-1", start=0, end=18, text=t) for t in (text, again)]
    assert refs[0].text is refs[1].text
    entity = EntityMention(article="a-1", start=0, end=3, text=again, label="ORG")
    assert entity.text is refs[0].text
