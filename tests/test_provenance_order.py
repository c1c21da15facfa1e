"""Language-free order evidence (invented text)."""

from __future__ import annotations

from wirecheck.provenance.order import english_share, in_order, name_sequence, number_sequence


def test_numbers_keep_order_across_decimal_separators() -> None:
    en = number_sequence("The quake of magnitude 7.4 hit at 07:58; 1,011 people were hurt.")
    de = number_sequence("Das Beben der Stärke 7,4 traf um 07:58 Uhr; 1.011 Menschen verletzt.")
    assert en == de == ("74", "07", "58", "1011")
    assert in_order(en, de) == 1.0


def test_order_counts_only_what_follows_the_source_order() -> None:
    assert in_order(["12", "34", "56", "78"], ["78", "56", "34", "12"]) == 0.25
    assert in_order(["12"], ["12"]) == 0.0  # one shared figure says nothing about order


def test_names_first_mentions_in_text_order() -> None:
    text = "Zorvak Airways said Quillon Aircraft would inspect. Zorvak Airways grounded jets."
    assert name_sequence(text) == ("Zorvak", "Airways", "Quillon", "Aircraft")


def test_english_share_tells_languages_apart() -> None:
    assert english_share("The ship hit the bridge at night and it fell into the river.") > 0.3
    assert english_share("El barco chocó contra el puente y cayó al río durante la noche.") < 0.1
