"""Claim groups: independent corroboration, single sources, conflicts (invented texts)."""

from __future__ import annotations

from test_align_factories import (
    analysis,
    article,
    quantity_mention,
    statement_mention,
    supply_mention,
)
from wirecheck.align import align_claims
from wirecheck.model import Article, ClaimKind, ClaimMention, ClaimStance, ClaimStatus
from wirecheck.settings.align import AlignSettings

COPY = ("Port officials in Valmora said 64 per cent of the harbour's grain exports went to "
        "Ostrelia last season. They said Brennik Cargo Co. Ltd. shipped turbine parts to the "
        "Red Hand militia.")
OTHER = ("According to customs records, about 64% of Valmora's grain exports were sold to "
         "Ostrelia last season. BRENNIK CARGO shipped turbine parts to the Red Hand militia, "
         "the records show.")


def _family_case() -> tuple[list[Article], list[ClaimMention]]:
    """Five copies of one report (one family) and one independent report."""
    copies = [article(f"c{i}", COPY, family="f-wire") for i in range(5)]
    other = article("x", OTHER)
    mentions = []
    for art in copies:
        first = art.body.split(". ")[0] + "."
        mentions.append(quantity_mention(art, first, "64 per cent", 64, "%",
                                         measure="grain exports"))
        second = art.body[len(first) + 1:]
        mentions.append(supply_mention(art, second, "Brennik Cargo Co. Ltd.", "Red Hand militia",
                                       "turbine parts", "engines"))
    first = other.body.split(". ")[0] + "."
    mentions.append(quantity_mention(other, first, "about 64%", 64, "%", "about",
                                     measure="grain exports"))
    second = other.body[len(first) + 1:]
    mentions.append(supply_mention(other, second, "BRENNIK CARGO", "Red Hand militia",
                                   "turbine parts", "engines"))
    return [*copies, other], mentions


def test_copy_family_counts_once() -> None:
    articles, mentions = _family_case()
    result = align_claims(analysis(articles, mentions), AlignSettings())
    quantity = [g for g in result.claims if g.kind == ClaimKind.QUANTITY]
    assert len(quantity) == 1
    group = quantity[0]
    assert len(group.mentions) == 6
    assert group.independent_origins == 2
    assert group.status == ClaimStatus.CORROBORATED
    assert group.explanation is not None
    features = {f.name: f.value for f in group.explanation.features}
    assert features["independent_families"] == 2
    assert features["same_family_copies"] == 4


def test_supplier_legal_form_and_case_ignored() -> None:
    articles, mentions = _family_case()
    result = align_claims(analysis(articles, mentions), AlignSettings())
    supply = [g for g in result.claims if g.kind == ClaimKind.SUPPLY]
    # "Brennik Cargo Co. Ltd." and "BRENNIK CARGO" are one supplier.
    assert len(supply) == 1
    assert supply[0].independent_origins == 2
    assert supply[0].text == "Brennik Cargo Co. Ltd. -> Red Hand militia: engines"


def test_single_source_statement() -> None:
    one = article("a", "The mayor of Carrow said the bridge will reopen in May. Rain fell.")
    two = article("b", "Heavy rain fell on Carrow. Traffic was slow on the ring road.")
    mentions = [statement_mention(one, "The mayor of Carrow said the bridge will reopen in May."),
                statement_mention(two, "Traffic was slow on the ring road.")]
    result = align_claims(analysis([one, two], mentions), AlignSettings())
    assert len(result.claims) == 2
    assert all(g.status == ClaimStatus.SINGLE_SOURCE for g in result.claims)
    assert all(g.independent_origins == 1 for g in result.claims)


def test_statement_versions_corroborate() -> None:
    one = article("a", "“We will not raise the toll on the Carrow bridge this year,” she said.")
    two = article("b", "The mayor said: “We will not raise the toll on the Carrow bridge this "
                       "year.”")
    mentions = [statement_mention(one, one.body, ClaimKind.QUOTE),
                statement_mention(two, two.body, ClaimKind.QUOTE)]
    result = align_claims(analysis([one, two], mentions), AlignSettings())
    assert len(result.claims) == 1
    assert result.claims[0].status == ClaimStatus.CORROBORATED


def _machine_case() -> tuple[list[Article], list[ClaimMention]]:
    a = article("a", "Nearly 70% of Dovania's lathe imports came from Ostrelia in 2023.")
    b = article("b", "Officials said more than 70% of Dovania's lathe imports came from Ostrelia "
                     "in 2023.")
    c = article("c", "Ostrelia supplied 70 percent of the lathe imports of Dovania in 2023.")
    mentions = [
        quantity_mention(a, a.body, "Nearly 70%", 70, "%", "nearly", "lathe imports", "2023"),
        quantity_mention(b, b.body, "more than 70%", 70, "%", "more than", "lathe imports",
                         "2023"),
        quantity_mention(c, c.body, "70 percent", 70, "%", None, "lathe imports", "2023"),
    ]
    return [a, b, c], mentions


def test_nearly_vs_more_than_is_a_conflict_bare_value_compatible() -> None:
    articles, mentions = _machine_case()
    result = align_claims(analysis(articles, mentions), AlignSettings())
    by_text = {g.quantity.text: g for g in result.claims if g.quantity}
    nearly, more, bare = by_text["Nearly 70%"], by_text["more than 70%"], by_text["70 percent"]
    assert nearly.status == more.status == ClaimStatus.CONFLICT
    assert [n.with_ for n in nearly.conflicts] == [more.id]
    assert [n.with_ for n in more.conflicts] == [nearly.id]
    assert len(nearly.conflicts[0].passages) == 2
    assert "do not overlap" in nearly.conflicts[0].explanation
    assert bare.status != ClaimStatus.CONFLICT and not bare.conflicts
    assert bare.explanation is not None and "compatible" in bare.explanation.summary


def test_about_and_bare_value_are_compatible() -> None:
    a = article("a", "About 90% of Carrow's chips came from Valmora last year.")
    b = article("b", "Valmora supplied 90% of the chips Carrow imported last year.")
    mentions = [quantity_mention(a, a.body, "About 90%", 90, "%", "about", "chips", "2023"),
                quantity_mention(b, b.body, "90%", 90, "%", None, "chips imported", "2023")]
    result = align_claims(analysis([a, b], mentions), AlignSettings())
    assert len(result.claims) == 1
    group = result.claims[0]
    assert group.status == ClaimStatus.CORROBORATED and not group.conflicts
    assert group.independent_origins == 2


def test_two_measures_in_one_sentence_stay_apart() -> None:
    text = ("About 90 percent of Carrow's chips came from Valmora, as did 60 percent of its "
            "lathes bought during the winter.")
    a = article("a", text)
    mentions = [quantity_mention(a, text, "90 percent", 90, "%", "about"),
                quantity_mention(a, text, "60 percent", 60, "%")]
    result = align_claims(analysis([a], mentions), AlignSettings())
    assert len(result.claims) == 2
    assert not any(g.conflicts for g in result.claims)


def test_denied_supply_conflicts_with_stated() -> None:
    a = article("a", "Brennik Cargo shipped drones to the militia.")
    b = article("b", "Brennik Cargo did not ship drones to the militia, its lawyer said.")
    mentions = [supply_mention(a, a.body, "Brennik Cargo", "militia", "drones", "uav"),
                supply_mention(b, b.body, "Brennik Cargo", "militia", "drones", "uav",
                               negated=True)]
    result = align_claims(analysis([a, b], mentions), AlignSettings())
    assert len(result.claims) == 2
    assert all(g.status == ClaimStatus.CONFLICT for g in result.claims)


def test_considered_supply_is_its_own_claim_and_no_conflict() -> None:
    a = article("a", "Brennik Cargo shipped drones to the militia.")
    b = article("b", "Brennik Cargo was considering shipping drones to the militia.")
    c = article("c", "Brennik Cargo did not ship drones to the militia, its lawyer said.")
    considered = supply_mention(b, b.body, "Brennik Cargo", "militia", "drones", "uav")
    mentions = [supply_mention(a, a.body, "Brennik Cargo", "militia", "drones", "uav"),
                considered.model_copy(update={"intent": "considering"}),
                supply_mention(c, c.body, "Brennik Cargo", "militia", "drones", "uav",
                               negated=True)]
    result = align_claims(analysis([a, b, c], mentions), AlignSettings())
    stances = {g.stance: g for g in result.claims if g.kind == ClaimKind.SUPPLY}
    assert set(stances) == {ClaimStance.ASSERTED, ClaimStance.INTENDED, ClaimStance.DENIED}
    assert stances[ClaimStance.INTENDED].text.endswith("[planned or considered]")
    assert stances[ClaimStance.INTENDED].status == ClaimStatus.SINGLE_SOURCE  # no conflict
    assert stances[ClaimStance.DENIED].status == ClaimStatus.CONFLICT


def test_word_order_variants_of_a_supplier_are_one_party() -> None:
    a = article("a", "Tarn Institute of Marine Optics supplied lenses to the militia.")
    b = article("b", "Tarn Marine Optics Institute supplied lenses to the militia.")
    mentions = [supply_mention(a, a.body, "Tarn Institute of Marine Optics", "militia",
                               "lenses", "optics"),
                supply_mention(b, b.body, "Tarn Marine Optics Institute", "militia",
                               "lenses", "optics")]
    result = align_claims(analysis([a, b], mentions), AlignSettings())
    (supply,) = [g for g in result.claims if g.kind == ClaimKind.SUPPLY]
    assert supply.independent_origins == 2


def test_sentences_without_mentions_become_statements() -> None:
    one = article("a", "Flooding closed the coastal road near Carrow for three days last week. "
                       "Short heading here")
    two = article("b", "The coastal road near Carrow was closed by flooding for three days.")
    result = align_claims(analysis([one, two]), AlignSettings())
    statements = [g for g in result.claims if g.kind == ClaimKind.STATEMENT]
    assert len(statements) == 1
    assert statements[0].status == ClaimStatus.CORROBORATED
    assert all(m.mention.startswith("ms-") for m in statements[0].mentions)
    off = align_claims(analysis([one, two]), AlignSettings(derive_statements=False))
    assert off.claims == []


def test_version_that_negates_does_not_corroborate() -> None:
    base = ("Officials said the three firms had been warned twice in 2024 that their parts "
            "were reaching the militia.")
    negated = ("Officials said the three firms had never been warned that their parts were "
               "reaching the militia.")
    a, b = article("a", base), article("b", base.replace("militia.", "militia, a report shows."))
    c = article("c", negated)
    result = align_claims(analysis([a, b, c]), AlignSettings())
    assert [(ch.article, ch.kind) for ch in result.changes] == [(c.id, "negation")]
    group = next(g for g in result.claims if any(m.article == c.id for m in g.mentions))
    assert {m.article for m in group.mentions} == {a.id, b.id, c.id}
    assert group.independent_origins == 2
    assert group.explanation is not None
    assert any(f.name == "changed_versions" for f in group.explanation.features)


def test_mention_span_cut_to_its_paragraph() -> None:
    body = "Port news\nAbout 40% of Valmora's grain went to Ostrelia in 2023."
    art = article("a", body)
    sloppy = quantity_mention(art, body, "About 40%", 40, "%", "about", "grain exports")
    result = align_claims(analysis([art], [sloppy]), AlignSettings())
    group = next(g for g in result.claims if g.kind == ClaimKind.QUANTITY)
    assert group.mentions[0].text == body.split("\n")[1]


def test_quote_credited_to_different_people_is_a_conflict() -> None:
    words = "“The harbour will stay open all winter,”"
    a = article("a", f"{words} said Ana Ruiz, the port director, on Monday.")
    b = article("b", f"{words} Tomas Berg told reporters in Carrow.")
    c = article("c", f"{words} said Ana Ruiz at a press conference.")
    mentions = [statement_mention(a, a.body, ClaimKind.QUOTE, speaker="Ana Ruiz"),
                statement_mention(b, b.body, ClaimKind.QUOTE, speaker="Tomas Berg"),
                statement_mention(c, c.body, ClaimKind.QUOTE, speaker="Ruiz")]
    result = align_claims(analysis([a, b, c], mentions), AlignSettings())
    quotes = sorted((g for g in result.claims if g.kind == ClaimKind.QUOTE),
                    key=lambda g: len(g.mentions))
    assert [len(g.mentions) for g in quotes] == [1, 2]
    berg, ruiz = quotes
    assert berg.attribution == "Tomas Berg" and ruiz.independent_origins == 2
    assert berg.status == ruiz.status == ClaimStatus.CONFLICT
    assert [n.with_ for n in berg.conflicts] == [ruiz.id]
    assert "credited to" in berg.conflicts[0].explanation


def test_quote_credited_to_a_role_and_a_name_is_no_conflict() -> None:
    words = "“The harbour will stay open all winter,”"
    a = article("a", f"{words} said Ana Ruiz, the port director, on Monday.")
    b = article("b", f"{words} a senior port official told reporters.")
    mentions = [statement_mention(a, a.body, ClaimKind.QUOTE, speaker="Ana Ruiz"),
                statement_mention(b, b.body, ClaimKind.QUOTE, speaker="a senior port official")]
    result = align_claims(analysis([a, b], mentions), AlignSettings())
    assert len(result.claims) == 1
    assert result.claims[0].status == ClaimStatus.CORROBORATED
