"""Who changed a statement: versions of one family first; other families only for quotations.

All texts are invented (fictional places, companies and people).
"""

from __future__ import annotations

from test_align_factories import analysis, article
from wirecheck.align import align_claims
from wirecheck.model import Article, Change, DerivationKind
from wirecheck.settings.align import AlignSettings


def _found(*texts: Article) -> list[Change]:
    return align_claims(analysis(list(texts)), AlignSettings()).changes


HARBOUR = ("The harbour master of Valmora said on Tuesday that {n} containers of grain were held "
           "at the north pier after the storm. Shipping resumed later in the day.")


def test_figure_another_family_gives_otherwise_is_no_change() -> None:
    """Two independent reports with different figures contradict each other (a conflict for
    claims); neither changed the other's text."""
    a = article("a", HARBOUR.format(n=412))
    b = article("b", HARBOUR.format(n=412).replace("on Tuesday", "this week"))
    c = article("c", HARBOUR.format(n=214))
    assert _found(a, b, c) == []


def test_odd_version_of_a_family_is_blamed_whatever_the_edge_direction() -> None:
    """Three versions of one origin agree, the fourth differs: the fourth changed it, even
    where a provenance edge (guessed direction) makes the origin derive from it."""
    texts = [article(k, HARBOUR.format(n=412), family="f1") for k in ("o", "c1", "c2")]
    changed = article("r", HARBOUR.format(n=214), family="f1")
    edges = [(texts[0].id, changed.id, DerivationKind.COPY),
             (texts[1].id, texts[0].id, DerivationKind.COPY),
             (texts[2].id, texts[0].id, DerivationKind.COPY)]
    changes = align_claims(analysis([*texts, changed], derivations=edges),
                           AlignSettings()).changes
    assert [(c.article, c.kind) for c in changes] == [(changed.id, "number")]
    assert "family: 3 other versions of its own origin family" in changes[0].explanation


FERRY = "the governor of Carrow told reporters on the quay after the vote on Monday evening."


def test_two_different_quotes_of_one_speaker_are_no_change() -> None:
    """Independent reports quoting one speaker's different sentences share the attribution,
    not the quotation: no run of the quoted words is shared, so nothing was changed."""
    a = article("a", "“We will open the ferry line in spring,” " + FERRY)
    b = article("b", "“The islands deserve a better harbour,” " + FERRY)
    c = article("c", "“The islands deserve a better harbour,” " + FERRY.replace("Monday", "Sunday"))
    assert _found(a, b, c) == []


QUOTE = ("“It was very sudden. We had just left the harbour, and the side door flew open and "
         "nobody saw it until the alarm lights came on,” one passenger told the Carrow Herald.")
REWORDED = ("“It came as a shock. As soon as the ferry sailed, the side door was torn away, and "
            "nobody saw it until the alarm lights came on,” one passenger told the Carrow Herald.")


def test_quote_reworded_away_from_the_shared_run_is_a_change() -> None:
    """A version shares the end of a quotation word for word and rewords the rest: the
    reworded words are a changed quotation, reported with both passages."""
    a, b = article("a", QUOTE), article("b", QUOTE.replace("Herald", "Herald on Sunday"))
    c = article("c", REWORDED)
    changes = _found(a, b, c)
    assert [(ch.article, ch.kind) for ch in changes] == [(c.id, "quote")]
    assert "'was torn away' where the other version says 'flew open'" in changes[0].explanation
    assert "As soon as the ferry sailed" in changes[0].text
    assert "We had just left the harbour" in changes[0].origin_text


YEARS = ("Ostrel Works made about 54% of the lathes Dovania bought abroad in 2024, the report "
         "found. A year earlier, in 2023, about 31% of the lathes Dovania bought abroad were "
         "made by Ostrel Works.")


def test_sentence_matched_to_another_fact_of_the_same_text_is_no_change() -> None:
    """A version that holds both figures of two similar sentences changed neither."""
    origin = article("o", YEARS, family="f1")
    short = article("r", "A year earlier, in 2023, about 31% of the lathes Dovania bought "
                         "abroad were made by Ostrel Works, inspectors said.", family="f1")
    data = analysis([origin, short], derivations=[(short.id, origin.id, DerivationKind.REWRITE)])
    assert align_claims(data, AlignSettings()).changes == []


def _versions(origin_text: str, rewrite_text: str) -> list[tuple[str, str, str]]:
    origin = article("o", origin_text, family="f1")
    rewrite = article("r", rewrite_text, family="f1")
    data = analysis([origin, rewrite],
                    derivations=[(rewrite.id, origin.id, DerivationKind.REWRITE)])
    return [(c.article, c.kind, c.explanation)
            for c in align_claims(data, AlignSettings()).changes]


SUPPLY = ("Inspectors said firms in Ostrelia were likely supplying Dovania with solvent for its "
          "plants, and that the parts were bought by Dovania through Carrow.")


def test_hedge_swapped_in_reworded_sentence_is_a_change() -> None:
    changes = _versions(SUPPLY, "Inspectors said companies in Ostrelia were possibly providing "
                                "Dovania with solvent for its plants, and that the parts were "
                                "bought by Dovania through Carrow.")
    assert [(a, k) for a, k, _ in changes] == [("a-r", "hedge")]
    assert "'possibly providing' where the other version says 'likely supplying'" in changes[0][2]


def test_direction_swapped_in_reworded_sentence_is_a_change() -> None:
    changes = _versions(SUPPLY, "The parts, inspectors said, were bought from Dovania "
                                "through Carrow by firms in Ostrelia likely supplying solvent.")
    assert ("a-r", "direction") in [(a, k) for a, k, _ in changes]


def test_name_swapped_in_reworded_sentence_is_a_change() -> None:
    origin = "A shipyard in Carrow sold the ferries to North Valmora last year, officials said."
    changes = _versions(origin, "A yard in Carrow sold the old ferries to South Valmora last "
                                "year, officials told reporters.")
    assert [(a, k) for a, k, _ in changes] == [("a-r", "name")]
    assert "'South' where the other version says 'North'" in changes[0][2]


def test_synonyms_in_reworded_sentence_are_no_change() -> None:
    assert _versions(SUPPLY, "Inspectors said companies in Ostrelia were likely providing "
                             "Dovania with solvent for its factories, and that the parts were "
                             "purchased by Dovania via Carrow.") == []


def test_reworded_sentence_in_another_family_is_no_change() -> None:
    a = article("a", SUPPLY)
    b = article("b", SUPPLY.replace("likely", "possibly"))
    c = article("c", SUPPLY.replace("bought by", "bought from"))
    assert [ch.kind for ch in _found(a, b, c)
            if ch.kind in ("direction", "name")] == []


def test_figure_dropped_between_shared_words_is_a_change() -> None:
    origin = ("The storm reached the coast of Carrow at about 6 p.m. (2200 GMT) as ferries were "
              "leaving the harbour, officials said.")
    changes = _versions(origin, "The storm hit the coast of Carrow around 6 p.m. (GMT) as the "
                                "ferries left the harbour, officials said.")
    assert [(a, k) for a, k, _ in changes] == [("a-r", "number")]
    assert "dropped figure: '(nothing)' where the other version says '2200'" in changes[0][2]


def test_figure_of_another_year_is_no_change() -> None:
    """A version's sentence about another year holds another figure, not a changed one."""
    this_year = "Ostrel Works made about 54% of the lathes Dovania bought abroad in 2024."
    last_year = ("A year earlier, in 2023, about 31% of the lathes Dovania bought abroad were "
                 "made by Ostrel Works.")
    assert _versions(this_year, last_year) == []


def test_figure_beside_another_name_is_no_change() -> None:
    """Two stock sentences of one family about two institutes give two figures (and a whole
    name put for another is not read as a changed name)."""
    a = ("Freight traffic has grown steadily over the past 6 years, analysts at the Carrow "
         "Forum said.")
    b = ("Freight traffic has grown steadily over the past 9 years, analysts at the Dovan "
         "Institute said.")
    assert _versions(a, b) == []


def test_minutes_written_out_are_no_change() -> None:
    """"6:00 p.m." and "6 p.m." are one time written two ways: no dropped figure."""
    origin = ("The storm reached the coast of Carrow at about 6:00 p.m. as ferries were leaving "
              "the harbour, officials said.")
    assert _versions(origin, "The storm hit the coast of Carrow around 6 p.m. as the ferries "
                             "left the harbour, officials said.") == []


def test_identifier_dropped_is_no_change() -> None:
    """A figure before an ordinary word names something ("ferry 214 left"): without it the
    sentence says less, not something else."""
    origin = ("Valmora Lines ferry 214 left Carrow for the islands at dawn but returned to the "
              "harbour before noon, officials said.")
    assert _versions(origin, "The ferry left Carrow for the islands at dawn but returned to "
                             "the harbour before noon, officials said.") == []


STORM = ("Local stations showed footage of boats at odd angles in Carrow harbour, where the "
         "storm struck the coast around 6 p.m. (2200 GMT) as {who} were heading home.")


def test_figure_dropped_against_two_unjoined_families_is_a_change() -> None:
    """Versions of one sentence in texts provenance left in three families: two give the time
    with its GMT figure, the third drops the figure so "GMT" reads on the local time. No
    source gives that reading as its own, so the odd one changed it (majority rule)."""
    a = article("a", STORM.format(who="workers"), family="f1")
    b = article("b", STORM.format(who="commuters").replace("struck", "hit"), family="f2")
    c = article("c", "Local television showed footage of boats at strange angles in Carrow "
                     "harbour, where the storm hit the coast about 6 p.m. (GMT) as workers "
                     "were heading home.", family="f3")
    changes = _found(a, b, c)
    assert [(ch.article, ch.kind) for ch in changes] == [(c.id, "number")]
    assert "where the other version says '2200'" in changes[0].explanation
    assert "majority: no other text agrees with it, 2 other families" in changes[0].explanation
    features = {f.name for f in changes[0].details.features} if changes[0].details else set()
    assert "unjoined_versions" in features


def test_figure_dropped_against_one_unjoined_family_is_no_change() -> None:
    """With one other family only, nothing says which of two independent texts changed it."""
    a = article("a", STORM.format(who="workers"), family="f1")
    c = article("c", "Local television showed footage of boats at strange angles in Carrow "
                     "harbour, where the storm hit the coast about 6 p.m. (GMT) as workers "
                     "were heading home.", family="f3")
    assert _found(a, c) == []


def test_unjoined_version_with_its_own_figures_neither_agrees_nor_differs() -> None:
    """A third family that rewords the time ("6 p.m. (11 a.m. local)") is no vote for the text
    that dropped the figure: the two that give "2200 GMT" still outvote it."""
    a = article("a", STORM.format(who="workers"), family="f1")
    b = article("b", STORM.format(who="commuters").replace("struck", "hit"), family="f2")
    d = article("d", STORM.format(who="workers").replace("(2200 GMT)", "(11 a.m. in Dovania)"),
                family="f4")
    c = article("c", "Local television showed footage of boats at strange angles in Carrow "
                     "harbour, where the storm hit the coast about 6 p.m. (GMT) as workers "
                     "were heading home.", family="f3")
    assert [(ch.article, ch.kind) for ch in _found(a, b, c, d)] == [(c.id, "number")]


CLOCK = ("The ferry service to the islands resumed shortly before {time}, the harbour office "
         "of Valmora said in a statement on its website.")


def test_time_told_in_another_zone_is_no_change() -> None:
    """"22:00 GMT" and "23 h 00, local time" can be one moment: a time whose clock is named
    otherwise is not a changed figure."""
    assert _versions(CLOCK.format(time="22:00 GMT"),
                     CLOCK.format(time="23 h 00, local time")) == []


def test_time_changed_on_the_same_clock_is_a_change() -> None:
    changes = _versions(CLOCK.format(time="22:00 GMT"), CLOCK.format(time="23:00 GMT"))
    assert [(a, k) for a, k, _ in changes] == [("a-r", "number")]
