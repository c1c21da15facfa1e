"""The provenance stage: candidates -> pair evidence -> derivations -> families -> stories."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from wirecheck.model import Article, Derivation, Explanation, Family, FeatureScore, Story, stable_id
from wirecheck.provenance.candidates import (
    day_numbers,
    lexical_candidates,
    marker_candidates,
    merge_pairs,
    semantic_candidates,
)
from wirecheck.provenance.edges import PairResult, evaluate
from wirecheck.provenance.families import build_families
from wirecheck.provenance.minhash import estimated_jaccard
from wirecheck.provenance.multilingual import sentence_vectors
from wirecheck.provenance.origins import resolve_origins
from wirecheck.provenance.stories import Link, cluster
from wirecheck.provenance.story_attach import Attachment, AttachRule, attach_same_day
from wirecheck.provenance.story_link import (
    StoryModel,
    StoryPair,
    link_probability,
    member_link,
    story_model,
)
from wirecheck.provenance.topics import TopicWeights, topic_weights
from wirecheck.provenance.translations import Encoder, translation_edges
from wirecheck.provenance.views import DocView, KeysFn, attach_lead_vectors, make_views
from wirecheck.settings.provenance import ProvenanceSettings


@dataclass
class ProvenanceResult:
    derivations: list[Derivation] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)  # what was compared / kept, and why


def candidate_pairs_for(
    views: Sequence[DocView], settings: ProvenanceSettings
) -> tuple[np.ndarray, np.ndarray]:
    """Union of LSH pairs (verbatim) and lead-embedding neighbours (rewrites, same event),
    with the MinHash Jaccard estimate of every pair."""
    lex, _, sigs = lexical_candidates([v.gram_set for v in views], settings)
    pairs = merge_pairs(lex, wording_free_candidates(views, settings))
    return pairs, estimated_jaccard(sigs, pairs)


def wording_free_candidates(views: Sequence[DocView], settings: ProvenanceSettings) -> np.ndarray:
    """Pairs found without shared wording: lead-embedding neighbours (rewrites, same event)
    and texts sharing rare figures and names (translations)."""
    days = day_numbers([v.own_day for v in views])
    vectors = np.stack([v.vector for v in views if v.vector is not None]).astype(np.float32)
    sem, _ = semantic_candidates(vectors, days, settings)
    markers = [
        set(v.numbers) | {t for t in v.terms if not t[:1].isdigit()} | _keys(v) for v in views
    ]
    shown = day_numbers([v.day for v in views])
    placed = day_numbers([v.placed_day for v in views])
    found = marker_candidates([sorted(m) for m in markers], days, settings, shown, placed)
    return merge_pairs(sem, found)


def _keys(view: DocView) -> set[str]:
    """Figures and Latin-script names as every language writes them (``event_keys``)."""
    return set(view.keys.figures | view.keys.names) if view.keys is not None else set()


PairEvaluator = Callable[
    [Sequence[DocView], np.ndarray, ProvenanceSettings, np.ndarray], list[PairResult]
]


def build_provenance(
    articles: Sequence[Article],
    settings: ProvenanceSettings,
    evaluator: PairEvaluator = evaluate,
    keys_of: KeysFn | None = None,
    encoder: Encoder = sentence_vectors,
) -> ProvenanceResult:
    """Stories (each with its origin families) and derivation edges of ``articles``;
    ``evaluator`` scores the candidate pairs, ``keys_of`` gives the bodies' event keys and
    ``encoder`` the multilingual sentence vectors (an incremental run reuses stored results
    for all three)."""
    if not articles:
        return ProvenanceResult()
    views = make_views(articles, settings.shingle_k, settings.lead_sentences, keys_of)
    attach_lead_vectors(views, settings.embed_dims, settings.lead_sentences)
    pairs, jaccard = candidate_pairs_for(views, settings)
    results = evaluator(views, pairs, settings, jaccard)
    del jaccard
    for view in views:
        view.keep_for_stories()
    edges = [r.derivation for r in results if r.derivation is not None]
    families = build_families(articles, edges)
    stories = assemble_stories(views, results, families, settings)
    return with_translations(articles, edges, stories, settings, len(pairs), encoder)


def with_translations(
    articles: Sequence[Article],
    edges: list[Derivation],
    stories: list[Story],
    settings: ProvenanceSettings,
    candidate_pairs: int,
    encoder: Encoder = sentence_vectors,
) -> ProvenanceResult:
    """The result, with translation edges found inside the stories written in several
    languages (``translations.py``) and those stories' families and origins regrouped (the
    local stage and the Ray runner both end with this step)."""
    by_id = {a.id: a for a in articles}
    family_of = {a: f.id for s in stories for f in s.families for a in f.articles}
    members = [[by_id[a] for a in s.articles] for s in stories]
    found = translation_edges(members, settings, family_of, encoder)
    all_edges = edges + found
    story_of = {a: k for k, s in enumerate(stories) for a in s.articles}
    touched = {story_of[e.derived] for e in found}
    inside: dict[int, list[Derivation]] = {k: [] for k in touched}
    for e in all_edges:  # an edge always joins two texts of one story (families are units)
        if story_of[e.derived] in inside:
            inside[story_of[e.derived]].append(e)
    stories = [
        _regrouped(s, by_id, inside[k]) if k in inside else s for k, s in enumerate(stories)
    ]
    counts = {
        "articles": len(articles),
        "candidate_pairs": candidate_pairs,
        "derivations": len(all_edges),
        "translations": len(found),
    }
    return ProvenanceResult(derivations=all_edges, stories=stories, counts=counts)


def _regrouped(story: Story, by_id: dict[str, Article], edges: Sequence[Derivation]) -> Story:
    """``story`` with its families rebuilt from its ``edges`` (same members, same title)."""
    families = build_families([by_id[a] for a in story.articles], edges)
    named, origins = resolve_origins(
        sorted(families, key=lambda f: f.articles[0]), {a: by_id[a] for a in story.articles}
    )
    return story.model_copy(
        update={"families": named, "independent_origins": len(origins), "origins": origins}
    )


Grouping = Callable[
    [Sequence[DocView], Iterable[Link], list[list[int]], float, TopicWeights], list[list[int]]
]


def cluster_views(
    views: Sequence[DocView],
    links: Iterable[Link],
    units: list[list[int]],
    link_min: float,
    weights: TopicWeights,
) -> list[list[int]]:
    """The cohesion clustering of ``views`` (``stories.cluster``), in this process."""
    return cluster(len(views), links, link_min, member_links(views, weights), units)


def member_links(views: Sequence[DocView], weights: TopicWeights) -> Callable[[int, int], float]:
    """The story link of two rows no candidate search proposed (``story_link.member_link``)."""

    def link(i: int, j: int) -> float:
        return member_link(views[i], views[j], weights.for_pair(i, j), weights.apart(i, j))

    return link


def pair_link(views: Sequence[DocView], r: PairResult, weights: TopicWeights) -> float:
    """Story-link probability of an evaluated pair (1 inside a family)."""
    if r.derivation is not None:
        return 1.0
    i, j = r.i, r.j
    own, apart = weights.for_pair(i, j), weights.apart(i, j)
    return link_probability(StoryPair(views[i], views[j], r.story_similarity, own, apart))


def story_links(
    results: Sequence[PairResult], probs: Sequence[float], floor: float
) -> Iterable[Link]:
    """The evaluated pairs whose link probability (``pair_link``, one per result) reaches
    ``floor``."""
    for r, p in zip(results, probs, strict=True):
        if p >= floor:
            yield (r.i, r.j, float(p))


def assemble_stories(
    views: Sequence[DocView],
    results: Sequence[PairResult],
    families: Sequence[Family],
    settings: ProvenanceSettings,
    grouping: Grouping = cluster_views,
) -> list[Story]:
    """Stories from evaluated pairs and families, with the cohesion rule (the local stage
    and the Ray runner both end with this step; the Ray runner's ``grouping`` clusters
    each connected component in its own task)."""
    content = [v.content for v in views]
    weights = topic_weights(
        [v.keys for v in views],
        np.fromiter((x for r in results for x in (r.i, r.j)), np.int64, 2 * len(results)),
        content,
        settings.topic_resolution,
    )
    model = story_model()
    # computed once, read by the clustering, the same-day join and the explanations
    probs = [pair_link(views, r, weights) for r in results]
    # a generator: cluster() keeps its own dict of these (1M pairs at 100k)
    links = story_links(results, probs, settings.story_pair_min)
    index = {v.id: k for k, v in enumerate(views)}
    # a family is one unit: its members are one story, whatever the candidates said
    units = units_by_content(families, content, index)
    groups = grouping(views, links, units, settings.story_link_min, weights)
    groups, attached = attach_same_day(
        groups,
        story_links(results, probs, settings.story_pair_min),
        member_links(views, weights),
        lambda i: views[i].own_day,
        AttachRule(
            settings.story_attach_max_texts, settings.story_attach_top, settings.story_attach_min
        ),
    )
    group_of = {i: g for g, members in enumerate(groups) for i in members}
    inside: dict[int, list[tuple[PairResult, float]]] = {}
    for r, p in zip(results, probs, strict=True):
        if group_of[r.i] == group_of[r.j]:
            inside.setdefault(group_of[r.i], []).append((r, p))
    family_of = {a: f for f in families for a in f.articles}
    return [
        _story(
            [views[i] for i in g],
            family_of,
            inside.get(k, []),
            index,
            model,
            [(views[i].id, attached[i]) for i in g if i in attached],
        )
        for k, g in enumerate(groups)
    ]


def units_by_content(
    families: Sequence[Family], content: Sequence[str], index: dict[str, int]
) -> list[list[int]]:
    """Families as clustering units, ordered by a hash of their texts' content. The
    clustering breaks ties between equal links by unit order. Ordered by family id (a hash
    of the source paths), the same files read from another folder grouped otherwise
    (realdev mixed corpus: story pair F1 0.853 from one folder, 0.881 from another); by
    input order, an incremental run would group otherwise than a full one."""
    by_content = content.__getitem__
    members = [sorted((index[a] for a in fam.articles), key=by_content) for fam in families]
    return sorted(members, key=lambda unit: content[unit[0]])


def _story(
    members: list[DocView],
    family_of: dict[str, Family],
    links: Sequence[tuple[PairResult, float]],
    index: dict[str, int],
    model: StoryModel,
    attached: Sequence[tuple[str, Attachment]] = (),
) -> Story:
    ids = sorted(v.id for v in members)
    fams: dict[str, Family] = {}
    for a in ids:
        fams.setdefault(family_of[a].id, family_of[a])
    central = _central(members, [r for r, _ in links], index)
    articles = {v.id: v.article for v in members}
    named, origins = resolve_origins(sorted(fams.values(), key=lambda f: f.articles[0]), articles)
    return Story(
        id=stable_id("s", *ids),
        title=central.article.title or _first_words(central.article.body),
        articles=ids,
        families=named,
        independent_origins=len(origins),
        origins=origins,
        explanation=_story_explanation([p for _, p in links], model, attached),
    )


def _central(members: list[DocView], links: Sequence[PairResult], index: dict[str, int]) -> DocView:
    """The member with the highest summed similarity to the others (ties: longest)."""
    total = {index[v.id]: 0.0 for v in members}
    for r in links:
        total[r.i] += r.story_similarity
        total[r.j] += r.story_similarity
    return max(members, key=lambda v: (total[index[v.id]], v.n_words, v.id))


def _story_explanation(
    probs: Sequence[float], model: StoryModel, attached: Sequence[tuple[str, Attachment]] = ()
) -> Explanation:
    """Mean and weakest story-link probability of the candidate pairs inside the story, and
    the texts that joined it as same-day reports (``story_attach``)."""
    if not probs:
        return Explanation(score=1.0, summary="single text")
    mean = sum(probs) / len(probs)
    feats = [
        FeatureScore(
            name="mean_link", value=round(mean, 4), weight=1.0, note=f"{len(probs)} pairs"
        ),
        FeatureScore(
            name="min_link", value=round(min(probs), 4), weight=0.0, note="weakest member pair"
        ),
    ]
    summary = f"average-link cohesion (story link {model.source}, threshold {model.threshold})"
    if attached:
        feats.append(_attached_feature(attached))
        summary += f"; {len(attached)} same-day text(s) joined by their strongest links"
    return Explanation(score=round(mean, 4), features=feats, summary=summary)


def _attached_feature(attached: Sequence[tuple[str, Attachment]]) -> FeatureScore:
    notes = "; ".join(
        f"{article}: mean of its {a.links} strongest links {a.top_mean:.2f}, "
        f"published {date.fromordinal(a.day).isoformat()} as most of the story"
        for article, a in attached
    )
    return FeatureScore(name="same_day_joined", value=len(attached), weight=0.0, note=notes)


def _first_words(body: str, n: int = 12) -> str:
    return " ".join(body.split()[:n])
