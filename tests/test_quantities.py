"""Quantity parser and periods: examples plus hypothesis properties (pure, no spaCy)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wirecheck.extract.periods import assign_periods, find_periods
from wirecheck.extract.quantities import (
    QUALIFIERS,
    format_quantity,
    overlaps,
    parse_quantities,
)
from wirecheck.model import Quantity
from wirecheck.settings.extract import ExtractSettings

SETTINGS = ExtractSettings()


def one(text: str) -> Quantity:
    found = parse_quantities(text, SETTINGS)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("rose 45%", 45, "%"),
        ("some 45 per cent of it", 45, "%"),
        ("a 45 percent share", 45, "%"),
        ("worth $310m last year", 310e6, "USD"),
        ("worth £12.5m", 12.5e6, "GBP"),
        ("a €4bn deal", 4e9, "EUR"),
        ("$75 billion in trade", 75e9, "USD"),
        ("$310 million of parts", 310e6, "USD"),
        ("1,200 dollars", 1200, "USD"),
        ("fourteen suppliers", 14, "count"),
    ],
)
def test_units_and_scales(text: str, value: float, unit: str) -> None:
    quantity = one(text)
    assert quantity.value == pytest.approx(value)
    assert quantity.unit == unit
    assert text[quantity.start : quantity.end] == quantity.text


@pytest.mark.parametrize(
    "text",
    [
        "over two years",
        "on April 12",
        "12 April 2024",
        "in 2023",
        "COVID-19 cases",
        "a 2-year-old war",
        "the G7 meeting",
        "rating 0 / 5.",
        "it often happens",
    ],
)
def test_not_quantities(text: str) -> None:
    assert parse_quantities(text, SETTINGS) == []


def test_qualifiers_map_to_intervals() -> None:
    nearly, more, about, bare = (
        one("nearly 60%"),
        one("more than 60%"),
        one("about 80%"),
        one("60%"),
    )
    assert nearly.low == pytest.approx(55.8)
    assert (nearly.high, nearly.high_inclusive) == (60, False)
    assert (more.low, more.low_inclusive) == (60, False)
    assert about.low == pytest.approx(75.2) and about.high == pytest.approx(84.8)
    assert not overlaps(nearly, more)
    assert overlaps(bare, nearly) and overlaps(bare, more)
    at_least, up_to, less = one("at least 40 ships"), one("up to 40 ships"), one("less than 40%")
    assert (at_least.low, at_least.high) == (40, None)
    assert (up_to.low, up_to.high, up_to.high_inclusive) == (0, 40, True)
    assert (less.high, less.high_inclusive) == (40, False)


def test_bare_numbers_round_to_their_last_digit() -> None:
    assert (one("37%").low, one("37%").high) == (36.5, 37.5)
    assert one("$1.25bn").low == pytest.approx(1.245e9)
    assert one("$1.25bn").high == pytest.approx(1.255e9)
    wide = one("$900m")  # half a hundred is 50m, within the 6% cap
    assert (wide.low, wide.high) == (850e6, 950e6)


def test_change_gives_two_quantities_with_their_periods() -> None:
    text = "chip imports jumped from $30 million in 2020 to over $45 million in 2021"
    quantities = assign_periods(
        parse_quantities(text, SETTINGS), find_periods(text, None), SETTINGS.period_max_gap
    )
    assert [(q.value, q.qualifier, q.period) for q in quantities] == [
        (30e6, None, "2020"),
        (45e6, "over", "2021"),
    ]


@pytest.mark.parametrize(
    ("text", "date", "period"),
    [
        ("in the fourth quarter of 2023", None, "2023-Q4"),
        ("during the last quarter of 2023", None, "2023-Q4"),
        ("in Q2 2022", None, "2022-Q2"),
        ("in the first half of 2021", None, "2021-H1"),
        ("in March 2020", None, "2020-03"),
        ("last year", "2024-04-12", "2023"),
        ("this year", "2024-04-12", "2024"),
        ("last quarter", "2024-02-01", "2023-Q4"),
        ("in 2019", None, "2019"),
    ],
)
def test_periods(text: str, date: str | None, period: str) -> None:
    assert [p.period for p in find_periods(text, date)] == [period]


def test_relative_period_needs_a_date() -> None:
    assert find_periods("last year", None) == []


# --------------------------------------------------------------------------- properties

values = st.integers(min_value=1, max_value=999_999).map(float) | st.sampled_from(
    [0.5, 2.25, 12.5, 99.9]
)
units = st.sampled_from(["%", "USD", "GBP", "EUR", "count"])
qualifiers = st.sampled_from([None, *sorted(QUALIFIERS)])


@given(values, units, qualifiers)
def test_parse_format_round_trip(value: float, unit: str, qualifier: str | None) -> None:
    text = format_quantity(value, unit, qualifier)
    if unit == "count" and qualifier is None:
        text += " ships"  # a bare count needs its counted noun
    parsed = parse_quantities(text, SETTINGS)
    assert len(parsed) == 1, text
    assert parsed[0].value == pytest.approx(value)
    assert parsed[0].unit == unit
    assert parsed[0].qualifier == qualifier


@given(values, units)
def test_qualifier_ordering(value: float, unit: str) -> None:
    def parse(qualifier: str | None) -> Quantity:
        text = format_quantity(value, unit, qualifier) + " ships"
        return parse_quantities(text, SETTINGS)[0]

    nearly, bare, more, about = parse("nearly"), parse(None), parse("more than"), parse("about")
    assert not overlaps(nearly, more)
    assert overlaps(bare, nearly) and overlaps(bare, more)
    assert nearly.high == value == more.low
    for q in (nearly, bare, more, about):  # every interval contains or touches v
        assert q.low is not None and q.high is not None
        assert q.low <= value <= q.high
    assert about.low is not None and about.high is not None
    assert about.low < value < about.high  # "about" reaches both sides


@given(values, values)
def test_overlap_is_symmetric(a: float, b: float) -> None:
    qa = parse_quantities(format_quantity(a, "%", "about"), SETTINGS)[0]
    qb = parse_quantities(format_quantity(b, "%", "nearly"), SETTINGS)[0]
    assert overlaps(qa, qb) == overlaps(qb, qa)


def test_model_numbers_dates_and_distances_are_not_counts() -> None:
    settings = ExtractSettings()
    text = ("The Skylark 400 and its sister jet, a Verra X 9, landed 18 kilometres away on "
            "3 avril with 120 passengers; a magnitude 6 tremor hit at 8 a.m.")
    found = [(q.text, q.unit) for q in parse_quantities(text, settings)]
    assert found == [("120", "count")]


def test_decimal_comma_is_not_a_second_number() -> None:
    found = parse_quantities("Une secousse de 7,4 a fait 9 morts.", ExtractSettings())
    assert [q.text for q in found] == ["9"]
