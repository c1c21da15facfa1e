"""Origins named by credits, and families of one agency counted once (invented names)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from test_provenance_factories import EVENT_A, EVENT_B, article, event_sentences
from wirecheck.model import Family, stable_id
from wirecheck.provenance import agencies, credits
from wirecheck.provenance.agencies import Agency
from wirecheck.provenance.origins import CONFIDENT, article_origin, resolve_origins

INVENTED = (
    Agency("KNW", ("Kestrel News Wire", "KNW"), ("signature",)),
    Agency("Dovapress", ("Dovapress", "Agence Dovanienne de Presse")),
)


def _clear() -> None:
    for f in (agencies._by_alias, agencies.resolve, credits._agency_alt, credits._unspaced_alt):
        f.cache_clear()
    credits._agency_patterns.cache_clear()
    credits._credits.cache_clear()


@pytest.fixture
def invented_agencies(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The world list replaced by invented agencies (tests never name real ones)."""
    monkeypatch.setattr(agencies, "agencies", lambda: INVENTED)
    monkeypatch.setattr(credits, "agencies", lambda: INVENTED)
    _clear()
    yield
    monkeypatch.undo()
    _clear()


def _kinds(text: str) -> list[tuple[str, str, bool]]:
    return [(c.name, c.kind, c.origin) for c in credits.credits(text)]


def test_structural_credits_name_any_outlet() -> None:
    assert ("Valmora Ledger", "dateline", True) in _kinds("CARROW (Valmora Ledger) - Talks ended.")
    assert ("Brennia Post", "copyright", True) in _kinds("Copyright 2025 Brennia Post. All rights.")
    told = _kinds("The minister told the Valmora Ledger that talks ended.")
    assert told and all(not origin for _, _, origin in told)  # a speaker's outlet is no origin


def test_agency_named_in_other_languages_and_sign_offs(invented_agencies: None) -> None:
    # (kind, origin): a sign-off or credit line marks the agency's own copy; a mention in
    # running text names a source of a fact, in any language
    cases = {
        "Les pourparlers ont échoué, selon l'Agence Dovanienne de Presse.": (
            "agency_mention",
            False,
        ),
        "Die Gespräche scheiterten, laut Dovapress.": ("agency_mention", False),
        "Las conversaciones fracasaron, según la agencia KNW.": ("agency_mention", False),
        "Perundingan gagal, kata pejabat itu seperti dikutip dari KNW.": ("agency_mention", False),
        "Dikutip Dovapress, perundingan gagal pada Selasa.": ("agency_mention", False),
        "The talks ended on Tuesday. - KNW": ("signoff", True),
        "Talks end at Carrow\nKNW || Valmora Daily\nThe talks ended.": ("signoff", True),
        "Reporting by Ann Holm; Editing by Bo Lind": ("signature", True),
    }
    for text, (kind, origin) in cases.items():
        found = [c for c in credits.credits(text) if c.agency]
        assert found and (found[0].kind, found[0].origin) == (kind, origin), text
    # the agency's copyright notice is its own mark; a site's footer is weak
    strong = credits.credits("Copyright 2025 Kestrel News Wire")[0]
    weak = credits.credits("Copyright 2025 Valmora Ledger")[0]
    assert strong.name == "KNW" and strong.weight >= CONFIDENT > weak.weight


def test_byline_names_the_outlet_after_the_writers() -> None:
    a = article("by", event_sentences(EVENT_A, [0, 1])).model_copy(
        update={"byline": "Ann Holm, Bo Lind, KWTV"}
    )
    found = article_origin(a)
    assert found is not None and (found.name, found.kind) == ("KWTV", "byline")
    person = a.model_copy(update={"byline": "Ann Holm, Bo Lind"})
    assert article_origin(person) is None
    in_body = article(
        "in-body", ["By Ann Holm, Valmora Daily News", *event_sentences(EVENT_A, [2])]
    )
    found = article_origin(in_body)
    assert found is not None and found.name == "Valmora Daily News"


def _family(*arts: object) -> Family:
    ids = sorted(a.id for a in arts)  # type: ignore[attr-defined]
    return Family(id=stable_id("f", *ids), articles=ids, origin_article=ids[0])


def test_two_texts_of_one_agency_count_as_one_origin() -> None:
    first = article(
        "first", ["CARROW (Valmora Ledger) - " + " ".join(event_sentences(EVENT_A, [0, 1]))]
    )
    later = article(
        "later", ["VALMORA (Valmora Ledger) - " + " ".join(event_sentences(EVENT_A, [6, 7]))]
    )
    other = article(
        "other", ["CARROW (Brennia Post) - " + " ".join(event_sentences(EVENT_A, [2, 3]))]
    )
    weak = article("weak", [*event_sentences(EVENT_B, [0]), "Copyright 2025 Valmora Ledger"])
    bare = article("bare", event_sentences(EVENT_B, [4, 5]))
    fams = [_family(x) for x in (first, later, other, weak, bare)]
    named, groups = resolve_origins(fams, {a.id: a for a in (first, later, other, weak, bare)})
    assert [f.origin for f in named] == [
        "Valmora Ledger",
        "Valmora Ledger",
        "Brennia Post",
        "Valmora Ledger",
        None,
    ]
    sizes = sorted(len(g.families) for g in groups)
    assert sizes == [1, 1, 1, 2]  # the weak footer credit never merges; unknown stands alone
    merged = next(g for g in groups if len(g.families) == 2)
    assert merged.name == "Valmora Ledger" and "one origin" in merged.reason
    assert "unknown" in next(f.reason for f in named if f.origin is None)


def test_a_mention_is_shown_as_cited_never_as_the_origin(invented_agencies: None) -> None:
    """An own report that cites an agency is not that agency's text: its family stays of
    unknown origin, with the agency shown as cited; a credited text is the agency's."""
    cites = article(
        "cites", [*event_sentences(EVENT_A, [0, 1]), "Talks ended, according to Dovapress."]
    )
    credited = article(
        "credited", ["CARROW (Dovapress) - " + " ".join(event_sentences(EVENT_A, [2, 3]))]
    )
    assert article_origin(cites) is None
    named, groups = resolve_origins(
        [_family(cites), _family(credited)], {a.id: a for a in (cites, credited)}
    )
    by_id = {f.articles[0]: f for f in named}
    assert by_id[cites.id].origin is None and "cites 'Dovapress'" in by_id[cites.id].reason
    assert by_id[credited.id].origin == "Dovapress"
    assert len(groups) == 2  # the citing text is not merged into the agency's origin
