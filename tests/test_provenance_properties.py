"""Property test: chains of partial overlaps spanning two events never merge them.

A~B (same event), B~C (different events sharing a background paragraph, a stock quote
and site chrome), C~D (same event): every neighbouring pair overlaps by roughly a
third, yet the stories must come out as {A, B} and {C, D}.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from test_provenance_factories import (
    BACKGROUND,
    CHROME,
    STOCK_QUOTE,
    Event,
    article,
    event_sentences,
)
from wirecheck.provenance import build_provenance
from wirecheck.provenance.text import words
from wirecheck.settings.provenance import ProvenanceSettings

_FIRST = ["Kestrel", "Ostrel", "Marlow", "Vintra", "Halden", "Quarry", "Sorel", "Brisk"]
_SECOND = ["Dynamics", "Holdings", "Optics", "Motors", "Systems", "Metals"]
_CITIES = ["Valmora", "Carrow", "Tessin", "Orvald", "Pelham", "Ruskin", "Azmar", "Lund"]
_COUNTRIES = ["Dovania", "Brennia", "Kelvara", "Ostia", "Marrak", "Teluria"]
_PEOPLE = ["Ilse Markovic", "Tomas Vidal", "Rhea Solberg", "Anton Keel", "Mira Dossou", "Jan Ferro"]
_GOODS = ["gyroscopes", "fibre lasers", "drone engines", "thermal cameras", "ball bearings"]


@st.composite
def two_events(draw: st.DrawFn) -> tuple[Event, Event]:
    def one(exclude: Event | None) -> Event:
        def pick(pool: list[str], used: str | None) -> str:
            return draw(st.sampled_from([x for x in pool if x != used]))

        first = pick(_FIRST, exclude.company.split()[0] if exclude else None)
        return Event(
            company=f"{first} {draw(st.sampled_from(_SECOND))}",
            city=pick(_CITIES, exclude.city if exclude else None),
            country=pick(_COUNTRIES, exclude.country if exclude else None),
            person=pick(_PEOPLE, exclude.person if exclude else None),
            goods=pick(_GOODS, exclude.goods if exclude else None),
            amount=draw(st.integers(10, 900)),
            share=draw(st.integers(11, 95)),
        )

    first = one(None)
    second = one(first)
    return first, second


def _overlap(x: str, y: str) -> float:
    wx, wy = words(x), words(y)
    gx = {tuple(wx[i : i + 3]) for i in range(len(wx) - 2)}
    gy = {tuple(wy[i : i + 3]) for i in range(len(wy) - 2)}
    return 2 * len(gx & gy) / (len(gx) + len(gy))  # Dice on word trigrams


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    events=two_events(),
    s1=st.permutations(list(range(10))),
    s2=st.permutations(list(range(10))),
    reverse=st.booleans(),
)
def test_chains_across_two_events_stay_two_stories(
    events: tuple[Event, Event], s1: list[int], s2: list[int], reverse: bool
) -> None:
    e1, e2 = events
    a = article("A", event_sentences(e1, s1[:5]))
    b = article("B", [CHROME, *event_sentences(e1, s1[:3] + s1[5:8]), STOCK_QUOTE, BACKGROUND])
    c = article("C", [CHROME, *event_sentences(e2, s2[:6], rewrite=True), STOCK_QUOTE, BACKGROUND])
    d = article("D", event_sentences(e2, s2[:3] + s2[6:8], rewrite=True))
    for x, y in ((a, b), (b, c), (c, d)):
        assert 0.25 <= _overlap(x.body, y.body) <= 0.55  # the chain really overlaps
    arts = [a, b, c, d][::-1] if reverse else [a, b, c, d]
    result = build_provenance(arts, ProvenanceSettings())
    stories = sorted(sorted(s.articles) for s in result.stories)
    assert stories == sorted([sorted([a.id, b.id]), sorted([c.id, d.id])])
