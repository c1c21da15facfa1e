"""Introduced changes: numbers, negations, quotes, titles; paraphrase and spelling are not."""

from __future__ import annotations

from test_align_factories import analysis, article
from wirecheck.align import align_claims
from wirecheck.model import Change, DerivationKind
from wirecheck.settings.align import AlignSettings

ORIGIN = ("The harbour master of Valmora said on Tuesday that 412 containers of grain were held "
          "at the north pier after the storm. Shipping resumed later in the day.")
COPY = ("The harbour master of Valmora said on Tuesday that 214 containers of grain were held "
        "at the north pier after the storm. Shipping resumed later in the day.")


def test_number_changed_in_copy_is_reported_against_origin() -> None:
    origin, copy = article("o", ORIGIN, family="f1"), article("c", COPY, family="f1")
    data = analysis([origin, copy], derivations=[(copy.id, origin.id, DerivationKind.COPY)])
    changes = align_claims(data, AlignSettings()).changes
    assert len(changes) == 1
    change = changes[0]
    assert (change.article, change.origin, change.kind) == (copy.id, origin.id, "number")
    assert "214" in change.text and "412" in change.origin_text
    assert "'214'" in change.explanation and "origin" in change.explanation
    assert change.details is not None and change.details.features[0].name == "number_change"


def test_identical_copy_has_no_change() -> None:
    origin, copy = article("o", ORIGIN, family="f1"), article("c", ORIGIN, family="f1")
    data = analysis([origin, copy], derivations=[(copy.id, origin.id, DerivationKind.COPY)])
    assert align_claims(data, AlignSettings()).changes == []


SOURCE = ("Inspectors from the agency confirmed that the Brennik plant had resumed production of "
          "the solvent last month, according to the report.")
REWRITE = ("Inspectors from the agency confirmed that the Brennik plant had not resumed production "
           "of the solvent last month, according to the report.")
THIRD = ("A second team said inspectors from the agency confirmed that the Brennik plant had "
         "resumed production of the solvent last month.")


def test_negation_introduced_in_rewrite_is_reported() -> None:
    src, rew, third = article("s", SOURCE), article("r", REWRITE), article("t", THIRD)
    changes = align_claims(analysis([src, rew, third]), AlignSettings()).changes
    assert [(c.article, c.kind) for c in changes] == [(rew.id, "negation")]
    assert "introduced negation" in changes[0].explanation
    assert "majority" in changes[0].explanation


QUOTE_A = ("“The new ferry line is one of the most important steps we can take for the islands "
           "this decade,” the governor of Carrow told reporters.")
QUOTE_B = ("The governor said: “The new ferry line is one of the most important steps we can take "
           "for the islands this decade.”")
QUOTE_C = ("“The new ferry line is one of the most dramatic gestures we can take for the islands "
           "this decade,” the governor of Carrow said.")


def test_quote_changed_against_every_other_version() -> None:
    a, b, c = article("a", QUOTE_A), article("b", QUOTE_B), article("c", QUOTE_C)
    changes = align_claims(analysis([a, b, c]), AlignSettings()).changes
    assert [(ch.article, ch.kind) for ch in changes] == [(c.id, "quote")]
    assert "'dramatic gestures' where the other version says 'important steps'" in (
        changes[0].explanation)


def test_spelling_and_hyphens_are_not_changes() -> None:
    a = article("a", "“It is a game-changing programme for the defence of the armoured "
                     "brigades in the north,” the minister said.")
    b = article("b", "“It is a gamechanging program for the defense of the armored "
                     "brigades in the north,” the minister said.")
    c = article("c", "“It is a game changing programme for the defence of the armoured "
                     "brigades in the north,” said the minister.")
    assert align_claims(analysis([a, b, c]), AlignSettings()).changes == []


def test_paraphrase_outside_quotes_is_not_a_change() -> None:
    a = article("a", "Officials said the Brennik plant stopped exports of the solvent to "
                     "Ostrelia in March after the inspection.")
    b = article("b", "Officials said the Brennik plant halted exports of the solvent to "
                     "Ostrelia in March after the inspection.")
    c = article("c", "Officials said the Brennik plant ended exports of the solvent to "
                     "Ostrelia in March after the inspection.")
    assert align_claims(analysis([a, b, c]), AlignSettings()).changes == []


TITLE_A = "President Ana Ruiz of Dovania met the Valmora delegation on Monday."
TITLE_B = "Talks were held in the capital with the Dovanian president, Ana Ruiz, on Monday."
TITLE_C = ("Tomas Berg, the Valmoran envoy, met Ana Ruiz on Monday, telling the prime minister "
           "that the port deal was ready.")


def test_title_changed_for_a_person_is_reported() -> None:
    a, b, c = article("a", TITLE_A), article("b", TITLE_B), article("c", TITLE_C)
    changes = align_claims(analysis([a, b, c]), AlignSettings()).changes
    assert [(ch.article, ch.kind) for ch in changes] == [(c.id, "title")]
    assert "'prime minister' for Ana Ruiz" in changes[0].explanation
    assert "2 other families" in changes[0].explanation


def test_consistent_titles_are_not_changes() -> None:
    a, b = article("a", TITLE_A), article("b", TITLE_B)
    c = article("c", "Ana Ruiz, the president of Dovania, met the envoy on Monday.")
    assert align_claims(analysis([a, b, c]), AlignSettings()).changes == []


ENGINE_ORIGIN = ("The company shipped engines worth an estimated $340 million between 2022 and "
                 "2024, the report said.")
ENGINE_REWRITE = ("The report put the value of the engines shipped between 2022 and 2024 at "
                  "$430 million.")


def test_number_changed_in_reworded_sentence_against_origin() -> None:
    origin = article("o", "Ministers met in Carrow. " + ENGINE_ORIGIN, family="f1")
    rewrite = article("r", "Ministers met in Carrow on Monday. " + ENGINE_REWRITE, family="f1")
    data = analysis([origin, rewrite],
                    derivations=[(rewrite.id, origin.id, DerivationKind.REWRITE)])
    changes = align_claims(data, AlignSettings()).changes
    assert [(c.article, c.origin, c.kind) for c in changes] == [(rewrite.id, origin.id, "number")]
    assert "'$430 million' where the other version says '$340 million'" in changes[0].explanation
    assert changes[0].text == ENGINE_REWRITE and changes[0].origin_text == ENGINE_ORIGIN


def test_same_figure_in_reworded_sentence_is_no_change() -> None:
    origin = article("o", ENGINE_ORIGIN, family="f1")
    same = article("r", ENGINE_REWRITE.replace("$430", "$340"), family="f1")
    data = analysis([origin, same], derivations=[(same.id, origin.id, DerivationKind.REWRITE)])
    assert align_claims(data, AlignSettings()).changes == []


def test_portfolio_titles_differ_from_prime_minister() -> None:
    a = article("a", "Trade Minister Ana Ruiz presented the report to parliament on Monday.")
    b = article("b", "The report was tabled by the trade minister, Ana Ruiz, in parliament.")
    c = article("c", "Prime Minister Ana Ruiz presented the findings in a report to parliament.")
    changes = align_claims(analysis([a, b, c]), AlignSettings()).changes
    assert [(ch.article, ch.kind) for ch in changes] == [(c.id, "title")]
    assert "call Ana Ruiz trade minister" in changes[0].explanation


def test_reversed_relation_is_reported() -> None:
    text = ("Officials said Valmora sold 30 patrol boats to Ostrelia last spring, the ministry "
            "of defence said on Monday.")
    a, b = article("a", text), article("b", text.replace("on Monday", "this week"))
    swapped = text.replace("Valmora sold", "Ostrelia sold").replace("to Ostrelia", "to Valmora")
    c = article("c", swapped)
    changes = align_claims(analysis([a, b, c]), AlignSettings()).changes
    assert [(ch.article, ch.kind) for ch in changes] == [(c.id, "direction")]
    assert "'Ostrelia sold 30 patrol boats to Valmora' where the other version says" in (
        changes[0].explanation)


def _reworded(origin_text: str, rewrite_text: str) -> list[Change]:
    origin = article("o", origin_text, family="f1")
    rewrite = article("r", rewrite_text, family="f1")
    data = analysis([origin, rewrite],
                    derivations=[(rewrite.id, origin.id, DerivationKind.REWRITE)])
    return align_claims(data, AlignSettings()).changes


def test_qualifier_changed_in_reworded_sentence_against_origin() -> None:
    origin = ("Nearly 64% of the lathes Dovania bought last year were made by Ostrel Works, "
              "the inspectors said.")
    changes = _reworded(origin, "Ostrel Works built approximately 64% of the lathes that "
                                "Dovania bought last year, inspectors reported.")
    assert [(c.article, c.origin, c.kind) for c in changes] == [("a-r", "a-o", "qualifier")]
    assert "'approximately 64' where the other version says 'nearly 64'" in changes[0].explanation
    assert changes[0].origin_text == origin


def test_same_qualifier_class_in_reworded_sentence_is_no_change() -> None:
    assert _reworded("About 20 people were rescued from the river near Carrow by volunteers, "
                     "police said.",
                     "Volunteers rescued around 20 people from the river near Carrow, police "
                     "said.") == []


def test_qualifier_added_to_a_bare_figure_is_no_change() -> None:
    assert _reworded("Inspectors said 83% of the lathes Dovania bought last year came from "
                     "Ostrel Works.",
                     "About 83% of the lathes that Dovania bought last year came from Ostrel "
                     "Works, inspectors said.") == []
