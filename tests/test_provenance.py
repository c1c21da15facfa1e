"""Provenance acceptance: the seed corpus against gold.yaml, and own invented texts."""

from __future__ import annotations

from typing import Any

import pytest

from conftest import seed_key
from test_provenance_factories import (
    BACKGROUND,
    CHROME,
    EVENT_A,
    EVENT_B,
    STOCK_QUOTE,
    article,
    event_sentences,
    light_rewrite,
)
from wirecheck.model import Article, DerivationKind
from wirecheck.provenance import ProvenanceResult, build_provenance
from wirecheck.settings.provenance import ProvenanceSettings

SETTINGS = ProvenanceSettings()


@pytest.fixture(scope="module")
def seed_result(seed_articles: list[Article]) -> ProvenanceResult:
    return build_provenance(seed_articles, SETTINGS)


def _keys(ids: list[str], seed_articles: list[Article]) -> set[str]:
    by_id = {a.id: seed_key(a) for a in seed_articles}
    return {by_id[i] for i in ids}


def test_seeds_form_the_gold_story(
    seed_result: ProvenanceResult, seed_articles: list[Article], gold: dict[str, Any]
) -> None:
    stories = [_keys(s.articles, seed_articles) for s in seed_result.stories]
    expected = [set(c) for c in gold["story"]["clusters"]]
    assert sorted(map(sorted, stories)) == sorted(map(sorted, expected))


def test_seed_families_and_independent_origins(
    seed_result: ProvenanceResult, seed_articles: list[Article], gold: dict[str, Any]
) -> None:
    (story,) = seed_result.stories
    assert story.independent_origins == gold["story"]["independent_origins"]
    assert story.independent_origins == len(story.families)
    families = [_keys(f.articles, seed_articles) for f in story.families]
    for pair in gold["story"]["same_origin_pairs"]:
        assert any(set(pair) <= fam for fam in families), (pair, families)
    # every article in exactly one family
    members = [a for f in story.families for a in f.articles]
    assert sorted(members) == sorted(a.id for a in seed_articles)


def test_seed_versions_linked_with_real_passages(
    seed_result: ProvenanceResult, seed_articles: list[Article], gold: dict[str, Any]
) -> None:
    bodies = {a.id: a.body for a in seed_articles}
    pair = set(gold["story"]["same_origin_pairs"][0])
    edges = [
        d for d in seed_result.derivations if _keys([d.derived, d.source], seed_articles) == pair
    ]
    assert len(edges) == 1
    edge = edges[0]
    assert edge.explanation is not None and edge.explanation.features
    assert edge.direction
    assert len(edge.passages) >= 5 and edge.evidence
    for p in edge.passages:
        for side in (p.derived, p.source):
            assert bodies[side.article][side.start : side.end] == side.text
    assert any(p.channel == "lexical" and len(p.derived.text) > 100 for p in edge.passages)


def test_seed_site_summary_never_counts(
    seed_result: ProvenanceResult, seed_articles: list[Article]
) -> None:
    summarised = [a for a in seed_articles if any(r.reason == "summary" for r in a.removed)]
    assert summarised, "the cleaner is expected to separate a generated summary"
    for art in summarised:
        lines = {r.text for r in art.removed if r.reason == "summary"}
        family = next(f for s in seed_result.stories for f in s.families if art.id in f.articles)
        assert family.articles == [art.id]  # its own family, counted once
        for d in seed_result.derivations:
            assert not any(p.derived.text in lines or p.source.text in lines for p in d.passages)


def _two_events_sharing_material() -> list[Article]:
    own_a = event_sentences(EVENT_A, [0, 1, 2, 3, 4, 5])
    own_b = event_sentences(EVENT_B, [0, 2, 3, 5, 6, 7])
    return [
        article("evA", [CHROME, *own_a[:3], STOCK_QUOTE, *own_a[3:], BACKGROUND]),
        article("evB", [CHROME, *own_b[:3], STOCK_QUOTE, *own_b[3:], BACKGROUND]),
    ]


def test_events_sharing_chrome_quote_and_background_never_merge() -> None:
    arts = _two_events_sharing_material()
    result = build_provenance(arts, SETTINGS)
    assert len(result.stories) == 2
    assert result.derivations == []
    assert all(s.independent_origins == 1 for s in result.stories)


def test_batch_encoded_story_score_equals_the_explained_one() -> None:
    from wirecheck.provenance.evidence import ordered
    from wirecheck.provenance.story_features import (
        encode_own_leads,
        event_score,
        event_similarity,
        own_leads,
    )
    from wirecheck.provenance.views import attach_lead_vectors, make_views

    views = make_views(_two_events_sharing_material(), SETTINGS.shingle_k)
    attach_lead_vectors(views, SETTINGS.embed_dims, SETTINGS.lead_sentences)
    ev = ordered(views[0], views[1], SETTINGS)
    assert ev.lead_shared  # the chrome line: the own-lead path is the one under test
    encoded = encode_own_leads(own_leads(ev), SETTINGS.embed_dims)
    assert len(encoded) == 2
    explained, expl = event_similarity(ev, None)
    assert event_score(ev, None, encoded) == explained == expl.score
    assert explained < SETTINGS.story_link_min


def test_rewrite_with_reordered_paragraphs_joins_its_family() -> None:
    order = [6, 2, 9, 0, 4, 1, 8, 3, 7, 5]
    source = article("orig", event_sentences(EVENT_A, list(range(10))), date="2025-03-04")
    rewrite = article("rw", light_rewrite(EVENT_A, order), date="2025-03-05")
    other = article("evB", event_sentences(EVENT_B, list(range(10))), date="2025-03-04")
    result = build_provenance([source, rewrite, other], SETTINGS)
    fams = [set(f.articles) for s in result.stories for f in s.families]
    assert {source.id, rewrite.id} in fams
    (edge,) = result.derivations
    assert (edge.derived, edge.source) == (rewrite.id, source.id)
    assert edge.kind == DerivationKind.REWRITE
    assert "date" in edge.direction
    assert any(p.channel == "semantic" for p in edge.passages)
    assert any(p.channel == "lexical" for p in edge.passages)


def test_paraphrase_of_every_sentence_alone_is_not_a_family() -> None:
    """Same facts, every sentence reworded, no shared wording: what two independent reports
    of one briefing look like. Same story, separate families."""
    source = article("orig", event_sentences(EVENT_A, list(range(10))))
    para = article("para", event_sentences(EVENT_A, list(range(10)), rewrite=True))
    result = build_provenance([source, para], SETTINGS)
    assert result.derivations == []
    (story,) = result.stories
    assert story.independent_origins == 2


def test_verbatim_excerpt_points_at_the_longer_text() -> None:
    full = article("full", event_sentences(EVENT_A, list(range(10))))
    part = article("part", event_sentences(EVENT_A, [0, 1, 2, 3]))
    result = build_provenance([full, part], SETTINGS)
    (edge,) = result.derivations
    assert edge.kind == DerivationKind.EXCERPT
    assert (edge.derived, edge.source) == (part.id, full.id)
    assert "containment" in edge.direction
    assert edge.dropped and not edge.added
    (story,) = result.stories
    assert story.independent_origins == 1


def test_credit_line_names_the_origin() -> None:
    wire = article("wire", event_sentences(EVENT_A, list(range(8))), outlet="Harbour Wire")
    reprint_body = [
        "VALMORA (Harbour Wire) - " + event_sentences(EVENT_A, [0])[0],
        *event_sentences(EVENT_A, list(range(1, 8))),
    ]
    reprint = article("re", reprint_body, outlet="Daily Lantern")
    result = build_provenance([reprint, wire], SETTINGS)
    (edge,) = result.derivations
    assert (edge.derived, edge.source) == (reprint.id, wire.id)
    assert "credit" in edge.direction
    (story,) = result.stories
    assert story.families[0].origin == "Harbour Wire"


def test_every_article_in_one_story_and_family() -> None:
    arts = [
        *_two_events_sharing_material(),
        article("x1", event_sentences(EVENT_A, [0, 1, 2, 3, 4, 5, 6])),
        article("empty", [""]),
    ]
    result = build_provenance(arts, SETTINGS)
    in_story = sorted(a for s in result.stories for a in s.articles)
    in_family = sorted(a for s in result.stories for f in s.families for a in f.articles)
    assert in_story == in_family == sorted(a.id for a in arts)
    assert all(s.independent_origins == len(s.families) for s in result.stories)
    assert all(s.title for s in result.stories)


def test_seed_edge_decided_by_the_fitted_model(
    seed_result: ProvenanceResult, seed_articles: list[Article], gold: dict[str, Any]
) -> None:
    """The shipped weights cover every declared feature, and the seed versions' edge is
    explained by them (score at or above the fitted threshold, each weight as fitted)."""
    from wirecheck.provenance.features import DERIVATION_FEATURES, fitted_model

    model = fitted_model()
    assert model is not None
    assert {f.name for f in DERIVATION_FEATURES} == set(model.weights)
    assert 0.0 < model.threshold < 1.0
    pair = set(gold["story"]["same_origin_pairs"][0])
    (edge,) = [
        d for d in seed_result.derivations if _keys([d.derived, d.source], seed_articles) == pair
    ]
    assert edge.explanation is not None
    assert edge.explanation.score >= model.threshold
    weights = {f.name: f.weight for f in edge.explanation.features}
    assert weights == pytest.approx(dict(model.weights))


def _plant_report(firm: str, chief: str, cost: int, staff: int, quote: str) -> list[str]:
    """One kind of event written up alike: the firm, its chief, its figures and what the
    chief said change; the place, the year and the wording stay."""
    return [
        f"{firm} opened a new assembly plant in Chile on Monday, saying it would double its "
        "output of pump housings for customers abroad by 2026.",
        f'"{quote}," chief executive {chief} said.',
        f"The plant cost ${cost} million and will employ {staff} people.",
    ]


PLANT_A = ("Brisvale Components", "Maren Tollis", 312, 640, "We waited years for this site")
PLANT_B = ("Tarnwick Engineering", "Odile Franck", 198, 410, "Our buyers asked us to be closer")


def test_two_events_written_alike_that_share_only_places_and_years_stay_apart() -> None:
    from wirecheck.provenance.evidence import ordered
    from wirecheck.provenance.story_features import event_similarity
    from wirecheck.provenance.views import attach_lead_vectors, make_views

    arts = [
        article("plantA", _plant_report(*PLANT_A)),
        article("plantB", _plant_report(*PLANT_B)),
    ]
    views = make_views(arts, SETTINGS.shingle_k)
    attach_lead_vectors(views, SETTINGS.embed_dims, SETTINGS.lead_sentences)
    score, expl = event_similarity(ordered(views[0], views[1], SETTINGS), None)
    values = {f.name: f.value for f in expl.features}
    assert values["shared_markers"] >= 0.25  # places and the year: the old link said "same"
    assert values["no_specific_markers"] == 1.0  # no firm, person or figure in common
    assert score < SETTINGS.story_link_min
    result = build_provenance(arts, SETTINGS)
    assert len(result.stories) == 2


def test_a_rewrite_of_one_event_keeps_its_specific_markers_and_its_story() -> None:
    original = _plant_report(*PLANT_A)
    rewrite = [
        "Brisvale Components has started work at a new assembly site in Chile, where it "
        "plans to make twice as many pump housings for buyers abroad by 2026.",
        'Chief executive Maren Tollis said: "We waited years for this site."',
        "The site cost $312 million and will give work to 640 people.",
    ]
    result = build_provenance([article("orig", original), article("rw", rewrite)], SETTINGS)
    assert len(result.stories) == 1


def test_years_and_places_are_the_generic_markers() -> None:
    from wirecheck.provenance.generic import specific_markers

    terms = {"2024", "iran's", "netherlands", "chile", "am", "brisvale components", "312"}
    assert specific_markers(terms) == {"am", "brisvale components", "312"}


def test_a_short_form_inside_a_long_one_is_a_shared_specific_marker() -> None:
    from wirecheck.provenance.text import marker_overlap, nested_overlap

    summary = {"brisvale components llc of chile", "industry minister maren tollis"}
    report = {"brisvale components llc", "maren tollis", "tarnwick", "odile franck", "312"}
    assert marker_overlap(summary, report) == 0.0
    assert nested_overlap(summary, report) == 1.0
    assert nested_overlap({"maren tollis"}, {"maren tollison"}) == 0.0  # whole words only


def test_nested_overlap_is_the_whole_word_substring_test() -> None:
    """Run lookups give what testing every pair of markers as padded substrings gives, on
    random markers over a tiny vocabulary (nesting everywhere), odd spacing included."""
    import random

    from wirecheck.provenance.text import nested_overlap

    def by_substrings(x: set[str], y: set[str]) -> float:
        small, large = (x, y) if len(x) <= len(y) else (y, x)
        nested = [m in large or any(f" {m} " in f" {n} " or f" {n} " in f" {m} " for n in large)
                  for m in small]  # fmt: skip
        return sum(nested) / len(small) if small else 0.0

    rng = random.Random(11)
    words = ["kel", "vor", "kelvor", "a", "12", ""]

    def markers() -> set[str]:
        count = rng.randint(0, 6)
        return {" ".join(rng.choices(words, k=rng.randint(1, 4))) for _ in range(count)}

    for _ in range(400):
        x, y = markers(), markers()
        assert nested_overlap(x, y) == by_substrings(x, y), (x, y)


PLANT_FULL = [
    "Draston Machinery opened a new assembly plant in Chile on Monday, saying it would double "
    "its output of pump housings for customers abroad.",
    "The plant cost $312 million and will employ 640 people, chief executive Maren Tollis said.",
    "Local officials welcomed the investment, which follows two years of talks with the "
    "regional government.",
    "The company expects the first housings to leave the site before the end of the year.",
]


def test_an_excerpt_of_another_event_written_alike_is_no_copy() -> None:
    """Two sentences of one template with the firm swapped score as a copy on their shared
    wording; the firm, the one thing that says which event, is not kept: no edge. The
    excerpt that keeps its firm is one."""
    swapped = [PLANT_FULL[0].replace("Draston Machinery", "Veyex Engineering"), PLANT_FULL[2]]
    arts = [
        article("full", PLANT_FULL, date="2025-03-03"),
        article("swapped", swapped, date="2025-03-03"),
        article("kept", PLANT_FULL[:1], date="2025-03-03"),
    ]
    edges = lambda s: {(d.derived, d.source) for d in build_provenance(arts, s).derivations}  # noqa: E731
    full, swapped_id, kept = (a.id for a in arts)
    assert edges(SETTINGS) == {(kept, full)}
    # the veto is what keeps it out: the fitted score alone would join it
    assert (swapped_id, full) in edges(SETTINGS.model_copy(update={"derived_specific_min": 0.0}))
