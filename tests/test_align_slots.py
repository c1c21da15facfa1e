"""Slot-aware conflicts: other importers, other years, one text's two numbers, updates
inside one origin family (invented texts)."""

from __future__ import annotations

from test_align_factories import analysis, article, quantity_mention
from wirecheck.align import align_claims
from wirecheck.align.slots import Slots, compare_slots, parties_of
from wirecheck.model import ClaimGroup, ClaimStatus
from wirecheck.settings.align import AlignSettings


def _conflicts(claims: list[ClaimGroup]) -> list[ClaimGroup]:
    return [g for g in claims if g.status == ClaimStatus.CONFLICT]


def test_nearly_and_more_than_of_one_importer_conflict_with_slots_named() -> None:
    a = article("a", "Nearly 40% of Dovania's lathe imports in 2021 came from Ostrelia.")
    b = article("b", "Officials said more than 40% of Dovania's lathe imports in 2021 came "
                     "from Ostrelia.")
    mentions = [
        quantity_mention(a, a.body, "Nearly 40%", 40, "%", "nearly", "lathe imports", "2021"),
        quantity_mention(b, b.body, "more than 40%", 40, "%", "more than", "lathe imports",
                         "2021"),
    ]
    groups = _conflicts(align_claims(analysis([a, b], mentions), AlignSettings()).claims)
    assert len(groups) == 2
    note = groups[0].conflicts[0]
    assert "slots matched" in note.explanation and "dovania" in note.explanation
    assert note.details is not None
    assert any(f.name == "slots_matched" and f.value >= 2 for f in note.details.features)


def test_another_importer_or_another_year_is_no_conflict() -> None:
    a = article("a", "Nearly 40% of Dovania's lathe imports in 2021 came from Ostrelia.")
    b = article("b", "More than 55% of Karvia's lathe imports in 2021 came from Ostrelia.")
    c = article("c", "Ostrelia supplied more than 64% of Dovania's lathe imports in 2019.")
    mentions = [
        quantity_mention(a, a.body, "Nearly 40%", 40, "%", "nearly", "lathe imports", "2021"),
        quantity_mention(b, b.body, "More than 55%", 55, "%", "more than", "lathe imports",
                         "2021"),
        quantity_mention(c, c.body, "more than 64%", 64, "%", "more than", "lathe imports",
                         "2019"),
    ]
    claims = align_claims(analysis([a, b, c], mentions), AlignSettings()).claims
    assert not _conflicts(claims)


def test_two_numbers_of_one_text_never_conflict() -> None:
    text = "The quake struck 23 kilometres from Belmora at a depth of 41 kilometres."
    a, b = article("a", text), article("b", text)
    mentions = [quantity_mention(art, text, n, float(n), "count", None, "count of kilometre")
                for art in (a, b) for n in ("23", "41")]
    claims = align_claims(analysis([a, b], mentions), AlignSettings()).claims
    assert not _conflicts(claims)


def test_a_figure_changed_inside_one_family_is_an_update_not_a_conflict() -> None:
    first = article("a", "At least three people died in the Belmora earthquake on Tuesday.",
                    family="f-wire")
    later = article("b", "At least eleven people died in the Belmora earthquake on Tuesday.",
                    family="f-wire")
    mentions = [
        quantity_mention(first, first.body, "At least three", 3, "count", "at least",
                         "count of people"),
        quantity_mention(later, later.body, "At least eleven", 11, "count", "at least",
                         "count of people"),
    ]
    claims = align_claims(analysis([first, later], mentions), AlignSettings()).claims
    assert not _conflicts(claims)
    notes = [f.note for g in claims if g.explanation for f in g.explanation.features
             if f.name == "updated_within_family"]
    assert len(notes) == 2 and all("a-a" in n and "a-b" in n for n in notes)


def test_a_slot_stated_on_one_side_only_is_possibly_the_same() -> None:
    left = Slots(unit="%", goods="", period="2021", parties=frozenset({"dovania"}))
    right = Slots(unit="%", goods="", period="", parties=frozenset({"dovania"}))
    assert compare_slots(left, right).verdict == "possibly"
    other = Slots(unit="%", goods="", period="2021", parties=frozenset({"karvia"}))
    assert compare_slots(left, other).verdict == "different"


def test_parties_leave_out_a_qualifier_capital_but_keep_an_opening_name() -> None:
    names, opener = parties_of("Nearly 40% of Dovania's imports came from Ostrelia in May.")
    assert names == {"dovania", "ostrelia"} and opener == ""
    names, opener = parties_of("Kestrel accounted for 40% of Dovania's imports.")
    assert names == {"kestrel", "dovania"} and opener == "kestrel"


def test_counts_of_other_things_and_open_tolls_are_no_conflict() -> None:
    a = article("a", "At least three people died when the Belmora quake struck in 2031.")
    b = article("b", "More than 900 people were hurt when the Belmora quake struck in 2031.")
    c = article("c", "The Belmora quake damaged 50,000 buildings in 2031.")
    mentions = [
        quantity_mention(a, a.body, "At least three", 3, "count", "at least", "count of people",
                         "2031"),
        quantity_mention(b, b.body, "More than 900", 900, "count", "more than",
                         "count of people", "2031"),
        quantity_mention(c, c.body, "50,000", 50000, "count", None, "count of building", "2031"),
    ]
    mentions[0].quantity.low, mentions[0].quantity.high = 4.0, None  # type: ignore[union-attr]
    claims = align_claims(analysis([a, b, c], mentions), AlignSettings()).claims
    assert not _conflicts(claims)


def test_each_family_voices_its_own_value_of_one_fact() -> None:
    """A family's count of another fact of the story (another importer's share, stated in
    every copy) does not make its own value of this fact a minority copy's change."""
    wire = ("Nearly 40% of Dovania's lathe imports in 2021 came from Ostrelia. "
            "About 15% of Karvia's lathe imports in 2021 came from Ostrelia.")
    paper = ("More than 40% of Dovania's lathe imports in 2021 came from Ostrelia. "
             "About 15% of Karvia's lathe imports in 2021 came from Ostrelia.")
    arts = [article("a", wire, family="f-wire"), article("b", wire, family="f-wire"),
            article("c", paper, family="f-paper"), article("d", paper, family="f-paper"),
            article("e", paper.replace("More than 40%", "More than 47%"), family="f-paper")]
    mentions = []
    for art in arts:
        first, second = art.body.split(". ", 1)
        number = first.split(" of ")[0]
        value = float(number.split()[-1].rstrip("%"))
        qualifier = "nearly" if number.startswith("Nearly") else "more than"
        mentions.append(quantity_mention(art, first + ".", number, value, "%", qualifier,
                                         "lathe imports", "2021"))
        mentions.append(quantity_mention(art, second, "About 15%", 15, "%", "about",
                                         "lathe imports", "2021"))
    claims = align_claims(analysis(arts, mentions), AlignSettings()).claims
    values = {g.quantity.text for g in _conflicts(claims) if g.quantity}
    assert values == {"Nearly 40%", "More than 40%"}
