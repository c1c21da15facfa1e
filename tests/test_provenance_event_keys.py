"""Language-free event keys and the story link over them (invented text)."""

from __future__ import annotations

from dataclasses import dataclass

from wirecheck.provenance.event_keys import (
    EventKeys,
    event_keys,
    figures,
    latin_names,
    mentioned_dates,
    normal_figure,
)
from wirecheck.provenance.story_link import (
    STORY_LINK_FEATURES,
    StoryModel,
    StoryPair,
    explain_link,
    key_weights,
    link_probability,
    link_values,
    story_model,
)


def test_one_spelling_per_figure_in_any_script() -> None:
    assert normal_figure("6,8") == normal_figure("6.8") == "6.8"
    assert normal_figure("2,350") == normal_figure("2.350") == normal_figure("2 350") == "2350"
    assert normal_figure("\u0666\u066b\u0668") == "6.8"  # Arabic-Indic digits and separator
    assert normal_figure("\uff16\uff18\uff12") == "682"  # full-width digits
    assert figures("Le séisme de magnitude 6,8 a fait 2 350 blessés") == {"6.8", "2350"}


def test_latin_names_fold_accents_and_skip_sentence_openers() -> None:
    fr = latin_names("Un ferry de la compagnie Velmora Lines a heurté le quai de Tórvik.")
    en = latin_names("A ferry of Velmora Lines hit the pier at Torvik. The KVB said.")
    assert fr == {"velmora", "lines", "torvik"}
    assert en == {"velmora", "lines", "torvik", "kvb"}
    assert "un" not in fr and "a" not in en  # capitalised only because they open a sentence


def test_dates_in_many_languages_are_one_month_day() -> None:
    found = mentioned_dates(
        "le 14 mars; am 14. März; el 14 de marzo; on March 14; 3月14日; 2031-03-14; 14 Mart"
    )
    assert found == {(3, 14)}
    assert mentioned_dates("at 14:30 on level 3 of 12") == frozenset()


def test_lead_keys_and_lead_dates() -> None:
    body = "On 9 May the Velmora ferry sank near Torvik with 412 aboard. " + "x " * 300
    body += "Earlier, on 2 April, Korrin Port closed."
    keys = event_keys(body)
    assert keys.lead_dates == {(5, 9)}
    assert keys.dates == {(5, 9), (4, 2)}
    assert {"412", "velmora", "torvik"} <= keys.lead and "korrin" not in keys.lead


@dataclass(frozen=True)
class _Point:
    keys: EventKeys | None
    day: int | None


def _point(body: str, day: int | None = 100) -> _Point:
    return _Point(event_keys(body), day)


def test_translation_links_closer_than_another_event_of_the_same_topic() -> None:
    en = _point("The Velmora ferry sank near Torvik on 9 May; 412 were aboard and 37 are missing.")
    es = _point(
        "El ferry Velmora se hundió cerca de Tórvik el 9 de mayo; 412 a bordo, 37 desaparecidos."
    )
    other = _point("On 2 June divers at Torvik found the Velmora wreck; Korrin Salvage lifted it.")
    filler = [
        _point(f"Market report {n}: shares of Ostrava Mills rose {n}.{n} percent.")
        for n in range(8)
    ]
    weights = key_weights(p.keys for p in (en, es, other, *filler) if p.keys is not None)
    translation = link_values(StoryPair(en, es, 0.0, weights))
    occasion = link_values(StoryPair(en, other, 0.0, weights))
    assert translation["figures_shared"] > occasion["figures_shared"]
    assert translation["lead_keys_found"] > occasion["lead_keys_found"]
    assert translation["lead_dates_differ"] == 0.0 and occasion["lead_dates_differ"] == 1.0


def test_link_probability_is_the_explained_score() -> None:
    a = _point("Velmora Lines said 412 were aboard.", 100)
    b = _point("Velmora Lines: 412 a bordo.", 110)
    weights = key_weights(p.keys for p in (a, b) if p.keys is not None)
    model = StoryModel({f.name: 1.0 for f in STORY_LINK_FEATURES}, -1.0, 0.5, "test")
    pair = StoryPair(a, b, 0.3, weights)
    expl = explain_link(pair, model)
    assert expl.score == link_probability(pair, model)
    assert {f.name for f in expl.features} == {f.name for f in STORY_LINK_FEATURES}
    assert link_values(pair)["published_apart"] == 1.0  # ten days apart: full


def test_shipped_model_never_links_two_texts_that_share_nothing() -> None:
    # Invented: a Spanish ferry report and a German market report, same week, no key shared.
    es = _point("El ferry Velmora se hundió cerca de Tórvik el 9 de mayo; 412 a bordo.", 100)
    de = _point("Die Aktien von Ostrava Mills stiegen am Dienstag um 3,5 Prozent.", 101)
    weights = key_weights(p.keys for p in (es, de) if p.keys is not None)
    pair = StoryPair(es, de, 0.0, weights)
    assert link_probability(pair) < story_model().threshold


def test_shipped_month_names_are_what_babel_gives() -> None:
    # the data file is built from CLDR once (scripts/build_month_names.py) so that no run
    # keeps every locale loaded; it must stay what the installed babel gives
    from wirecheck.provenance.event_keys import cldr_month_names, month_names

    shipped = month_names()
    assert shipped == cldr_month_names()
    assert shipped["janvier"] == 1 and shipped["septiembre"] == 9 and shipped["dezember"] == 12
