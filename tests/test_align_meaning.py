"""Statements grouped by meaning: paraphrases by one speaker are one statement; another
speaker or another statement stays apart (invented texts)."""

from __future__ import annotations

from test_align_factories import analysis, article, statement_mention
from wirecheck.align import align_claims
from wirecheck.align.meaning import resolve_speaker
from wirecheck.model import ClaimGroup, ClaimKind
from wirecheck.settings.align import AlignSettings


def _statements(claims: list[ClaimGroup]) -> list[ClaimGroup]:
    return [g for g in claims if g.kind in (ClaimKind.STATEMENT, ClaimKind.QUOTE)]


BRANNOCK = ("Brannock Optics said in a statement that it follows every export rule and had "
            "never knowingly sold to buyers in Dovania.")
SPOKESPERSON = ("A spokesperson for Brannock denied any wrongdoing and said the company had no "
                "customers in Dovania.")


def _paraphrase_groups(settings: AlignSettings) -> list[ClaimGroup]:
    a, b = article("a", BRANNOCK), article("b", SPOKESPERSON)
    mentions = [statement_mention(a, BRANNOCK, speaker="Brannock Optics"),
                statement_mention(b, SPOKESPERSON, speaker="Brannock")]
    return _statements(align_claims(analysis([a, b], mentions), settings).claims)


def test_a_paraphrase_by_one_speaker_is_one_statement() -> None:
    groups = _paraphrase_groups(AlignSettings())
    assert len(groups) == 1 and groups[0].independent_origins == 2


def test_the_channel_off_leaves_paraphrases_apart() -> None:
    settings = AlignSettings()
    settings.group.statement_meaning = 1.0
    assert len(_paraphrase_groups(settings)) == 2


def test_the_same_words_from_another_speaker_are_another_statement() -> None:
    first = BRANNOCK
    second = ("Veldamar Tools said it complies with each export rule and has no customers in "
              "Dovania.")
    a, b = article("a", first), article("b", second)
    mentions = [statement_mention(a, first, speaker="Brannock Optics"),
                statement_mention(b, second, speaker="Veldamar Tools")]
    settings = AlignSettings()
    settings.group.statement_overlap = 1.0  # words alone would join them; meaning must not
    groups = _statements(align_claims(analysis([a, b], mentions), settings).claims)
    assert len(groups) == 2


def test_a_role_is_no_speaker() -> None:
    first = "Freight rates have risen sharply this year, analysts at the Korvel Bureau said."
    second = "Port fees have fallen steadily since 2020, analysts at the Marrow Bureau said."
    a, b = article("a", first), article("b", second)
    mentions = [statement_mention(a, first, speaker="analysts at the Korvel Bureau"),
                statement_mention(b, second, speaker="analysts at the Marrow Bureau")]
    groups = _statements(align_claims(analysis([a, b], mentions), AlignSettings()).claims)
    assert len(groups) == 2


def test_a_bare_surname_is_its_articles_one_person_of_that_name() -> None:
    assert resolve_speaker("Silva", ["Luca Silva", "Dovania"]) == {"luca", "silva"}
    # two people share it: who spoke is unknown, so neither full name matches it
    shared = resolve_speaker("Silva", ["Luca Silva", "Samir Silva"])
    assert shared != {"luca", "silva"} and shared != {"samir", "silva"} and "silva" in shared
