"""Quantity intervals: qualifiers, overlap, compatibility (properties with hypothesis)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from wirecheck.align.intervals import Interval, compatible, to_interval
from wirecheck.model import Quantity
from wirecheck.settings.align import QuantitySettings

SETTINGS = QuantitySettings()
QUALIFIERS = [None, "nearly", "more than", "about", "almost", "over", "at least", "up to"]
values = st.integers(min_value=1, max_value=10_000).map(float)


def q(value: float, qualifier: str | None = None, unit: str = "%") -> Quantity:
    return Quantity(value=value, unit=unit, qualifier=qualifier, text=f"{qualifier} {value}")


def test_spec_examples() -> None:
    nearly = to_interval(q(70, "nearly"), SETTINGS)
    more = to_interval(q(70, "more than"), SETTINGS)
    bare = to_interval(q(70), SETTINGS)
    about = to_interval(q(90, "about"), SETTINGS)
    assert nearly is not None and more is not None and bare is not None and about is not None
    assert nearly.high == 70 and not nearly.high_inclusive and nearly.low < 70
    assert more.low == 70 and not more.low_inclusive and more.high > 70
    assert (bare.low, bare.high) == (69.5, 70.5)
    assert about.low < 90 < about.high
    assert compatible(q(70, "nearly"), q(70, "more than"), SETTINGS) is False
    assert compatible(q(70), q(70, "nearly"), SETTINGS) is True
    assert compatible(q(70), q(70, "more than"), SETTINGS) is True
    assert compatible(q(90, "about"), q(90), SETTINGS) is True


def test_units_must_match() -> None:
    assert compatible(q(900, unit="USD"), q(900, unit="GBP"), SETTINGS) is None


def test_large_numbers_round_at_their_written_unit() -> None:
    bare = to_interval(q(900e6, unit="USD"), SETTINGS)
    assert bare is not None and (bare.low, bare.high) == (899.5e6, 900.5e6)


@given(values, st.sampled_from(QUALIFIERS), values, st.sampled_from(QUALIFIERS))
def test_compatibility_is_symmetric(v1: float, q1: str | None, v2: float, q2: str | None) -> None:
    assert compatible(q(v1, q1), q(v2, q2), SETTINGS) == compatible(q(v2, q2), q(v1, q1), SETTINGS)


@given(values, st.sampled_from(QUALIFIERS))
def test_every_quantity_is_compatible_with_itself(v: float, qual: str | None) -> None:
    assert compatible(q(v, qual), q(v, qual), SETTINGS) is True


@given(values)
def test_below_and_above_the_same_value_never_overlap(v: float) -> None:
    assert compatible(q(v, "nearly"), q(v, "more than"), SETTINGS) is False
    assert compatible(q(v), q(v, "nearly"), SETTINGS) is True
    assert compatible(q(v), q(v, "more than"), SETTINGS) is True


@given(st.floats(-1e6, 1e6), st.floats(0, 1e3), st.floats(-1e6, 1e6), st.floats(0, 1e3),
       st.booleans(), st.booleans())
def test_overlap_matches_a_shared_point(lo1: float, w1: float, lo2: float, w2: float,
                                        inc1: bool, inc2: bool) -> None:
    a = Interval(lo1, lo1 + w1, True, inc1)
    b = Interval(lo2, lo2 + w2, inc2, True)
    assert a.overlaps(b) == b.overlaps(a)
    if a.overlaps(b):
        point = max(a.low, b.low)
        assert a.low <= point <= a.high and b.low <= point <= b.high
