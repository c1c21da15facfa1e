"""The eval scorers on small hand-built analyses (invented records) with a known score."""

from __future__ import annotations

from typing import Any

import pytest

from wirecheck.evaluate import evaluate
from wirecheck.evaluate.claims import parse_gold_values
from wirecheck.evaluate.clusters import adjusted_rand
from wirecheck.model import (
    Analysis,
    Article,
    Change,
    ClaimGroup,
    ClaimKind,
    ClaimMention,
    ClaimStance,
    ClaimStatus,
    ConflictNote,
    Entity,
    EntityType,
    Family,
    MentionRef,
    Quantity,
    RemovalReason,
    RemovedLine,
    Story,
)

# ----------------------------------------------------------------------------- factories


def art(key: str, body: str = "Body text of the article.", **kw: Any) -> Article:
    return Article(id=f"a-{key}", source=f"/corpus/{key}_story.txt", body=body, **kw)


def removed(text: str, reason: RemovalReason = RemovalReason.BOILERPLATE, rule: str = "x") -> (
    RemovedLine
):
    return RemovedLine(text=text, reason=reason, rule=rule)


def ref(key: str, text: str = "") -> MentionRef:
    return MentionRef(article=f"a-{key}", start=0, end=1, text=text)


def group(gid: str, keys: list[str], **kw: Any) -> ClaimGroup:
    kind = kw.pop("kind", ClaimKind.SUPPLY)
    text = kw.pop("text", "")
    return ClaimGroup(id=gid, kind=kind, text=text, mentions=[ref(k, text) for k in keys], **kw)


GOLD: dict[str, Any] = {
    "articles": {"k1": {}, "k2": {}, "k3": {}, "k4": {}},
    "story": {
        "clusters": [["k1", "k2", "k3"], ["k4"]],
        "independent_origins": [2, 1],
        "same_origin_pairs": [["k1", "k2"]],
    },
    "boilerplate": {
        "k1": ["Subscribe to the Harbour Bulletin", "Next story"],
        "captions": {"k2": 1},
        "derived_summary": {"k3": ["Key points", "- Grain exports doubled."]},
    },
    "dates": {"event": "2025-03-07", "k2": "2025-03-08", "k4": None},
    "supply_relations": [
        {"supplier": "Brask Shipping Co.", "recipient": "Veloria", "goods": "grain",
         "end_use": ["bread", "animal feed"], "in": ["k1", "k2"], "hedge": "likely"},
        {"supplier": "Tallow Mills", "recipient": "Veloria", "goods": "flour", "in": ["k3"]},
    ],
    "quantitative_claims": [
        {"id": "share", "values": {"k1": "nearly 70%", "k3": "more than 70%"},
         "finding": "CONFLICT between 'nearly 70%' (k1) and 'more than 70%' (k3)"},
        {"id": "cost", "values": {"k2": "$300 million"}},
    ],
    "introduced_errors": [{"article": "k2", "text": "the prime minister"}],
    "single_source_facts": [{"article": "k3", "fact": "Ada Morrow statement"}],
    "entities": {
        "Brask Shipping": ["Brask Shipping Co.", "Brask Shipping"],
        "Tallow Mills": ["Tallow Mills Ltd"],
        "people": ["Ada Morrow"],
    },
}


def perfect() -> Analysis:
    """An analysis that finds every gold item of GOLD."""
    quantity = Quantity(
        low=65, high=70, high_inclusive=False, qualifier="nearly", value=70, unit="%"
    )
    above = Quantity(
        low=70, high=75, low_inclusive=False, qualifier="more than", value=70, unit="%"
    )
    articles = [
        art("k1", "Lead paragraph.\n\nSecond paragraph.", date="2025-03-07",
            removed=[removed("Subscribe to the Harbour Bulletin"), removed("Next story"),
                     removed("Grain port title", RemovalReason.METADATA, "title")],
            title="Grain port title"),
        art("k2", date="2025-03-08",
            removed=[removed("Dock workers, left. (Harbor Photo/I. Vale)", RemovalReason.CAPTION)]),
        art("k3", date="2025-03-07",
            removed=[removed("Key points", RemovalReason.SUMMARY),
                     removed("- Grain exports doubled.", RemovalReason.SUMMARY)]),
        art("k4", date=None),
    ]
    families = [Family(id="f1", articles=["a-k1", "a-k2"]), Family(id="f2", articles=["a-k3"])]
    stories = [
        Story(id="s1", articles=["a-k1", "a-k2", "a-k3"], families=families, independent_origins=2),
        Story(id="s2", articles=["a-k4"], families=[Family(id="f3", articles=["a-k4"])],
              independent_origins=1),
    ]
    claims = [
        group("g1", ["k1", "k2"], supplier="e-brask", recipient="Veloria", goods="grain",
              end_use=["bread", "animal feed"], hedge="likely"),
        group("g2", ["k3"], supplier="Tallow Mills Ltd", recipient="Veloria", goods="wheat flour"),
        group("q1", ["k1"], kind=ClaimKind.QUANTITY, quantity=quantity,
              conflicts=[ConflictNote.model_validate({"with": "q2", "explanation": "disjoint"})]),
        group("q2", ["k3"], kind=ClaimKind.QUANTITY, quantity=above),
        group("s1", ["k3"], kind=ClaimKind.STATEMENT, text="Ada Morrow said the port would grow.",
              status=ClaimStatus.SINGLE_SOURCE, independent_origins=1),
    ]
    mentions = [
        ClaimMention(id="m1", article="a-k1", kind=ClaimKind.QUANTITY, start=0, end=1, text="",
                     quantity=quantity),
        ClaimMention(id="m2", article="a-k3", kind=ClaimKind.QUANTITY, start=0, end=1, text="",
                     quantity=above),
        ClaimMention(id="m3", article="a-k2", kind=ClaimKind.QUANTITY, start=0, end=1, text="",
                     quantity=Quantity(low=3e8, high=3e8, value=3e8, unit="USD")),
    ]
    entities = [
        Entity(id="e-brask", name="Brask Shipping", type=EntityType.ORGANIZATION,
               aliases=["Brask Shipping Co."]),
        Entity(id="e-tallow", name="Tallow Mills", type=EntityType.ORGANIZATION),
        Entity(id="e-ada", name="Ada Morrow", type=EntityType.PERSON),
    ]
    changes = [Change(id="c1", article="a-k2", text="warning the prime minister of Veloria",
                      origin_text="warning the president", explanation="title changed")]
    return Analysis(articles=articles, stories=stories, claims=claims, mentions=mentions,
                    entities=entities, changes=changes)


def _scores(analysis: Analysis) -> dict[str, tuple[float, float]]:
    report = evaluate(analysis, GOLD)
    return {r.finding: (r.precision, r.recall) for r in report.scores}


def test_perfect_analysis_scores_one_everywhere() -> None:
    scores = _scores(perfect())
    assert set(scores) >= {
        "boilerplate_removed", "body_lines_kept", "captions", "site_summaries", "dates",
        "stories", "families", "independent_origins", "supply_relations", "supply_end_use",
        "supply_articles", "quantities", "conflicts", "single_source_facts",
        "introduced_changes", "entity_groups",
    }
    assert {name: s for name, s in scores.items() if s != (1.0, 1.0)} == {}


def test_empty_analysis_has_zero_recall_and_notes_not_errors() -> None:
    empty = Analysis(articles=[art(k) for k in ("k1", "k2", "k3", "k4")])
    report = evaluate(empty, GOLD)
    for name in ("supply_relations", "quantities", "conflicts", "introduced_changes",
                 "entity_groups", "single_source_facts", "captions", "site_summaries"):
        assert report.score(name).recall == 0.0, name
    assert "no supply claims" in report.score("supply_relations").note
    assert report.score("stories").recall == 0.0  # every article a singleton


def test_body_text_removed_is_a_false_find_and_chrome_kept_is_a_miss() -> None:
    analysis = perfect()
    k1 = analysis.articles[0]
    analysis.articles[0] = k1.model_copy(update={
        "body": k1.body + "\n\nNext story",
        "removed": [removed("Subscribe to the Harbour Bulletin"), removed("Second paragraph.")],
    })
    report = evaluate(analysis, GOLD)
    chrome = report.score("boilerplate_removed")
    assert (chrome.tp, chrome.fp, chrome.fn) == (1, 1, 1)
    body = report.score("body_lines_kept")
    assert body.fn == 1 and body.fp == 1


def test_wrong_and_missing_dates() -> None:
    analysis = perfect()
    analysis.articles[1] = analysis.articles[1].model_copy(update={"date": "2025-03-01"})
    analysis.articles[3] = analysis.articles[3].model_copy(update={"date": "2025-03-07"})
    row = evaluate(analysis, GOLD).score("dates")
    assert (row.tp, row.fp, row.fn, row.support) == (2, 1, 1, 3)
    assert row.extra["dated_where_gold_null"] == 1


def test_merged_entity_groups_are_false_finds() -> None:
    analysis = perfect()
    analysis.entities = [
        Entity(id="e-x", name="Brask Shipping", type=EntityType.ORGANIZATION,
               aliases=["Tallow Mills Ltd"]),
        Entity(id="e-ada", name="Ada Morrow", type=EntityType.PERSON),
    ]
    row = evaluate(analysis, GOLD).score("entity_groups")
    assert (row.tp, row.fp, row.fn) == (1, 1, 2)


def test_a_missed_conflict_and_a_false_one() -> None:
    analysis = perfect()
    analysis.claims[2] = analysis.claims[2].model_copy(update={"conflicts": []})
    analysis.claims[3] = analysis.claims[3].model_copy(update={"conflicts": [
        ConflictNote.model_validate({"with": "g1", "explanation": "x"})
    ]})
    row = evaluate(analysis, GOLD).score("conflicts")
    assert (row.tp, row.fp, row.fn) == (0, 1, 1)


def test_a_denied_or_considered_supply_is_no_relation() -> None:
    analysis = perfect()
    analysis.claims[0] = analysis.claims[0].model_copy(update={"stance": ClaimStance.DENIED})
    analysis.claims.append(group("g3", ["k2"], supplier="Tallow Mills", recipient="Brask",
                                 goods="rye", stance=ClaimStance.INTENDED))
    row = evaluate(analysis, GOLD).score("supply_relations")
    assert (row.tp, row.fp, row.fn) == (1, 0, 1)  # the denial does not find g1's relation


def test_qualifier_mismatch_counts_as_false_find() -> None:
    analysis = perfect()
    bare = Quantity(low=69.5, high=70.5, value=70, unit="%")
    analysis.mentions[0] = analysis.mentions[0].model_copy(update={"quantity": bare})
    row = evaluate(analysis, GOLD).score("quantities")
    assert (row.tp, row.fp, row.fn) == (2, 1, 1)


def test_corroborated_single_source_fact_and_unmatched_change() -> None:
    analysis = perfect()
    analysis.claims[4] = analysis.claims[4].model_copy(
        update={"status": ClaimStatus.CORROBORATED, "independent_origins": 2}
    )
    analysis.changes = [analysis.changes[0].model_copy(update={"text": "an unrelated wording"})]
    report = evaluate(analysis, GOLD)
    assert report.score("single_source_facts").fp == 1
    changes = report.score("introduced_changes")
    assert (changes.tp, changes.fp, changes.fn) == (0, 1, 1)


def test_split_story_lowers_pairwise_recall_and_ari() -> None:
    analysis = perfect()
    first = analysis.stories[0]
    analysis.stories = [
        first.model_copy(update={"articles": ["a-k1", "a-k2"]}),
        Story(id="s3", articles=["a-k3"]),
        analysis.stories[1],
    ]
    row = evaluate(analysis, GOLD).score("stories")
    assert row.precision == 1.0 and row.recall == pytest.approx(1 / 3)
    assert row.extra["ari"] < 1.0


def test_adjusted_rand_known_values() -> None:
    same = [["a", "b"], ["c", "d"]]
    assert adjusted_rand(same, same) == 1.0
    assert adjusted_rand(same, [["a", "c"], ["b", "d"]]) == pytest.approx(-0.5)


def test_gold_values_parse() -> None:
    parsed = [(v.value, v.qualifier) for v in parse_gold_values("$900m (£723m)")]
    assert parsed == [(9e8, "exact"), (7.23e8, "exact")]
    assert [(v.value, v.qualifier) for v in parse_gold_values("Nearly 70%")] == [(70, "below")]
    assert parse_gold_values("about 90 percent")[0].qualifier == "approx"
    assert [v.value for v in parse_gold_values("$200 million -> over $500 million")] == [2e8, 5e8]
