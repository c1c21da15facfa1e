"""Records share one fields-set object per class (memory: pydantic kept a set per instance)."""

from __future__ import annotations

import copy
import gc
import pickle
import sys

import pytest
from pydantic import ValidationError

from wirecheck.model import (
    Analysis,
    ClaimMention,
    EntityMention,
    Explanation,
    FeatureScore,
    MentionRef,
    Quantity,
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


def _claim(text: str) -> ClaimMention:
    return ClaimMention(
        id="m-1", article="a-1", kind="supply", start=0, end=len(text), text=text,
        supplier="Acme", recipient="Ruritania", goods="drones", end_use=["artillery"],
        quantity=Quantity(low=70, high=70, unit="%", qualifier="nearly", text="nearly 70%"),
    )  # fmt: skip


def test_every_way_a_record_is_made_shares_its_keys_with_its_class() -> None:
    made = _claim("Acme supplied drones.")
    others = [
        ClaimMention.model_validate_json(made.model_dump_json()),
        ClaimMention.model_construct(**dict(made)),
        made.model_copy(update={"supplier": "Other"}),
        copy.copy(made),
        copy.deepcopy(made),
        pickle.loads(pickle.dumps(made)),
    ]
    for record in [made, *others]:
        # a combined table (keys and values, what pydantic makes) is larger than the dict
        # of values over the class's shared keys
        assert sys.getsizeof(record.__dict__) < sys.getsizeof(dict(record.__dict__))
        assert record.quantity is not None
        assert sys.getsizeof(record.quantity.__dict__) < sys.getsizeof(
            dict(record.quantity.__dict__)
        )
    assert others[2].supplier == "Other" and made.supplier == "Acme"
    assert [o.model_dump() for o in others if o is not others[2]] == [made.model_dump()] * 5


def test_a_record_that_gains_a_value_keeps_every_value() -> None:
    made = Explanation(score=0.5)
    made.summary = "set after"  # assignment into the shared-keys dict
    made.__dict__["extra"] = 1  # a key the class does not share: a combined table again
    assert (made.score, made.summary, made.__dict__["extra"]) == (0.5, "set after", 1)


def test_records_from_another_process_share_their_strings() -> None:
    """Records unpickled from the extraction workers or Ray tasks skip validation: their
    ``SharedStr`` fields are interned when they are unpickled."""
    texts = ["".join(["Acme supplied ", "drones."]) for _ in range(2)]
    assert texts[0] is not texts[1]
    loaded = [pickle.loads(pickle.dumps(_claim(t))) for t in texts]
    assert loaded[0].text is loaded[1].text
    assert loaded[0].end_use[0] is loaded[1].end_use[0]
    assert loaded[0].quantity is not None and loaded[1].quantity is not None
    assert loaded[0].quantity.text is loaded[1].quantity.text
    assert loaded[0].id == loaded[1].id  # ids are not shared strings, but still equal


def test_equal_offsets_of_records_are_one_object() -> None:
    """A sentence's start and end recur in every mention and reference citing it."""
    start, end = int("1234"), int("5678")  # built at run time: not constants of this code
    refs = [MentionRef(article="a-1", start=start, end=end, text="x") for _ in range(2)]
    again = pickle.loads(pickle.dumps(refs[0]))
    assert refs[0].start is refs[1].start is again.start
    assert refs[0].end is refs[1].end is again.end
    assert (again.start, again.end) == (1234, 5678)
    assert MentionRef(article="a", start=int("1") + 10**9, end=0, text="").start == 10**9 + 1
