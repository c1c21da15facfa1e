"""Claim wording: a quantity group names its measure and value; a sentence is one line.

All texts are invented (fictional places, companies and people).
"""

from __future__ import annotations

import re

from test_align_factories import (
    STORY,
    analysis,
    article,
    quantity_mention,
    statement_mention,
)
from wirecheck.align import align_claims
from wirecheck.align.groups import quantity_line
from wirecheck.model import Analysis, Article, ClaimKind, ClaimMention, Quantity
from wirecheck.report import render_markdown
from wirecheck.report.view import build_view
from wirecheck.settings.align import AlignSettings

TWO_SHARES = ("Nearly 45% of the river barges Dravonia bought in 2022 came from Ostrel Yards, "
              "and about 70% of the bilge pumps on them were built by Kalmar Werke.")
DOCKS = "Harbour chief Lena Voss said the port of Brisk would close two of its docks in March."
LATER = "Repairs to the breakwater at Brisk are expected to take most of the coming summer."


def _two_share_mentions(art: Article) -> list[ClaimMention]:
    """The two shares of ``TWO_SHARES`` (one sentence, two measures) as quantity mentions."""
    return [
        quantity_mention(art, TWO_SHARES, "Nearly 45%", 45, "%", "nearly",
                         measure="share of river barges", period="2022"),
        quantity_mention(art, TWO_SHARES, "about 70%", 70, "%", "about",
                         measure="share of bilge pumps", period="2022"),
    ]


def test_quantity_line_names_measure_value_and_period() -> None:
    ferries = Quantity(text="$3 million", unit="USD", value=3e6, period="2021")
    assert quantity_line("value of ferries", ferries, "s") == "value of ferries: $3 million (2021)"
    # no measure: a generic label from the unit; a sentence-initial capital is lowered
    bare = Quantity(text="At  least 12", unit="count", value=12)
    assert quantity_line(None, bare, "s") == "count: at least 12"
    assert quantity_line("share of grain", None, "The sentence.") == "The sentence."


def test_two_quantities_of_one_sentence_are_two_distinct_lines() -> None:
    art = article("a", TWO_SHARES)
    mentions = [
        *_two_share_mentions(art),
    ]
    result = align_claims(analysis([art], mentions), AlignSettings())
    groups = [g for g in result.claims if g.kind == ClaimKind.QUANTITY]
    assert sorted(g.text for g in groups) == [
        "share of bilge pumps: about 70% (2022)",
        "share of river barges: nearly 45% (2022)",
    ]
    for group in groups:  # the sentence stays available as the first mention
        assert group.mentions[0].text == TWO_SHARES


def test_central_sentence_is_the_first_mention() -> None:
    """The rephrased version comes first in reading order; the shared wording leads."""
    reworded = "Officials in Brisk say roughly 30% of the port's grain went to Ostrel last year."
    shared = "About 30% of the grain shipped from the port of Brisk went to Ostrel last year."
    arts = [article("a", reworded), article("b", shared), article("c", shared)]
    mentions = [quantity_mention(arts[0], reworded, "roughly 30%", 30, "%", "about",
                                 measure="share of grain"),
                *(quantity_mention(a, shared, "About 30%", 30, "%", "about",
                                   measure="share of grain") for a in arts[1:])]
    result = align_claims(analysis(arts, mentions), AlignSettings())
    group = next(g for g in result.claims if g.kind == ClaimKind.QUANTITY)
    assert {m.article for m in group.mentions} == {a.id for a in arts}
    assert group.mentions[0].text == shared
    assert group.text == "share of grain: about 30%"


def test_sentence_backing_a_quantity_is_not_also_a_statement_group() -> None:
    """Extraction gives the sentence a statement and a quantity mention: one group remains."""
    art = article("a", f"{DOCKS} {LATER}")
    mentions = [
        quantity_mention(art, DOCKS, "two", 2, "count", measure="count of dock"),
        statement_mention(art, DOCKS),
        statement_mention(art, LATER),
    ]
    result = align_claims(analysis([art], mentions), AlignSettings())
    by_sentence: dict[str, list[str]] = {}
    for group in result.claims:
        for m in group.mentions:
            by_sentence.setdefault(m.text, []).append(group.kind.value)
    assert by_sentence == {DOCKS: ["quantity"], LATER: ["statement"]}
    quantity = next(g for g in result.claims if g.kind == ClaimKind.QUANTITY)
    assert quantity.text == "count of dock: two"
    assert quantity.explanation is not None
    assert "restated_as_statement" in [f.name for f in quantity.explanation.features]


def test_statement_with_more_sources_than_the_quantity_is_kept() -> None:
    """The statement also rests on a second family's sentence: it carries corroboration."""
    a = article("a", DOCKS)
    b = article("b", DOCKS.replace("in March.", "in March, officials said."))
    mentions = [
        quantity_mention(a, DOCKS, "two", 2, "count", measure="count of dock"),
        statement_mention(a, DOCKS),
        statement_mention(b, b.body),
    ]
    result = align_claims(analysis([a, b], mentions), AlignSettings())
    statements = [g for g in result.claims if g.kind == ClaimKind.STATEMENT]
    assert len(statements) == 1
    assert {m.article for m in statements[0].mentions} == {a.id, b.id}
    assert statements[0].independent_origins == 2


def test_briefing_has_no_repeated_claim_lines() -> None:
    """Two quantities of one sentence, a restated sentence and two groups whose generated
    wording coincides (other sentences): every claim line of the briefing reads differently."""
    fines = "The ministry fined two trawler owners for fishing inside the Brisk reserve."
    appeal = "Lawyers for two trawler owners lodged an appeal in the Orvik court on Friday."
    a = article("a", f"{TWO_SHARES} {DOCKS}")
    b = article("b", fines)
    c = article("c", appeal)
    mentions = [
        *_two_share_mentions(a),
        quantity_mention(a, DOCKS, "two", 2, "count", measure="count of dock"),
        statement_mention(a, DOCKS),
        quantity_mention(b, fines, "two", 2, "count", measure="count of trawler owner"),
        quantity_mention(c, appeal, "two", 2, "count", measure="count of trawler owner"),
    ]
    data = analysis([a, b, c], mentions)
    result = align_claims(data, AlignSettings())
    assert len(result.claims) == 5  # 2 shares, docks (no statement), 2 trawler-owner counts
    data = data.model_copy(update={"claims": result.claims})
    wording = [re.sub(r" \((single source|\*\*).*$", "", ln[2:]) for ln in _claim_lines(data)]
    assert len(wording) == len(set(wording)) == len(result.claims)
    owners = [w for w in wording if w.startswith("count of trawler owner: two, in “")]
    assert len(owners) == 2  # same generated wording: each names its own passage
    assert any("The ministry fined" in w for w in owners)
    assert any("Lawyers for two" in w for w in owners)
    assert build_view(data).stories[0].id == STORY


def _claim_lines(data: Analysis) -> list[str]:
    """The bullet lines of the corroborated and single-source sections of the briefing."""
    lines, section = [], ""
    for line in render_markdown(data).splitlines():
        if line.startswith("### "):
            section = line
        elif line.startswith("- ") and section in ("### Corroborated claims",
                                                   "### Single-source claims"):
            lines.append(line)
    return lines
