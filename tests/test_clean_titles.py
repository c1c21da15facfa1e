"""Titles on scraped pages: a chrome line (masthead, menu, widget, byline, date label) is
never the title; the first headline-shaped line, else the lead sentence, is (invented text)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from test_clean_rules import BODY
from wirecheck.clean import clean_document, clean_documents
from wirecheck.clean.metadata import not_a_title
from wirecheck.ingest import read_inputs
from wirecheck.model import Article, RawDocument
from wirecheck.settings.clean import CleanSettings
from wirecheck.settings.ingest import IngestSettings

SETTINGS = CleanSettings()
HEADLINE = "Veloria grain exports double after the new terminal opens"


def _clean(*lines: str, **doc: Any) -> Article:
    text = "\n\n".join(lines)
    return clean_document(RawDocument(source="mem://t.txt", text=text, **doc), SETTINGS)


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Harbour Bulletin", "too-short"),
        ("ka en fr", "language-menu"),
        ("Listen Live Harbour Radio", "name-only"),
        ("By Ada Morrow and Ben Lisk, HBTV", "byline"),
        ("date 2025-03 Veloria grain exports double", "date-line"),
        ("Section: Ports | Readers: 3 | Font: S M L", "label-bar"),
        ("Hi, what are you searching for?", "addresses-reader"),
        ("Add more words here...", "placeholder"),
        ("Advertisement", "cue:advert"),
    ],
)
def test_chrome_shapes_are_not_titles(line: str, reason: str) -> None:
    assert not_a_title(line) == reason
    assert not_a_title(HEADLINE) is None


def test_headline_below_page_chrome_is_the_title() -> None:
    article = _clean("Harbour Bulletin", "ka en fr", "Listen Live Harbour Radio", HEADLINE, *BODY)
    assert article.title == HEADLINE
    assert article.title_reason and "headline" in article.title_reason
    rules = {r.text: r.rule for r in article.removed}
    assert rules["Harbour Bulletin"] == "above-title:too-short"
    assert article.body.startswith(BODY[0][:30])


def test_masthead_named_like_the_site_is_passed_over() -> None:
    article = _clean(
        "Harbour Bulletin Daily News", HEADLINE, *BODY, outlet="Harbour Bulletin Daily News"
    )
    assert article.title == HEADLINE


def test_without_a_headline_the_lead_sentence_stands_in_without_its_dateline() -> None:
    lead = "VELORIA, Dovania (Harbour Wire) - " + BODY[0]
    article = _clean("Harbour Bulletin", "date 2025-03 " + lead, *BODY[1:])
    assert article.title is not None and article.title.startswith("The port authority of Veloria")
    assert article.title_reason == "lead sentence of the body"
    assert "date 2025-03" not in (article.title or "")


def test_long_lead_is_cut_at_a_word_boundary() -> None:
    article = _clean("Harbour Bulletin", " ".join(BODY).replace(".", ","))
    assert article.title is not None and article.title.endswith("…")
    head = article.title[:-1]
    assert " ".join(BODY).replace(".", ",").startswith(head) and head[-1] != " "
    assert " ".join(BODY).replace(".", ",")[len(head)] in " ,"


REALDEV = Path(__file__).resolve().parents[2] / "shared" / "realdev"


@pytest.mark.skipif(not REALDEV.is_dir(), reason="needs ../shared/realdev")
def test_realdev_titles_are_never_short_chrome_lines() -> None:
    """On real scraped pages no title is a chrome shape (masthead, menu, byline...)."""
    for topic in sorted(p for p in REALDEV.iterdir() if p.is_dir()):
        items = read_inputs([str(topic)], IngestSettings())
        articles = clean_documents([d for d in items if isinstance(d, RawDocument)], SETTINGS)
        bad = [(a.source, a.title) for a in articles if a.title and not_a_title(a.title)]
        assert not bad
        assert articles and all(a.title for a in articles if a.body)


def test_a_teaser_of_another_article_above_the_headline_is_not_the_title() -> None:
    teaser = "Riverside market hall reopens with forty stalls and a rooftop garden"
    article = _clean(teaser, HEADLINE, *BODY)
    assert article.title == HEADLINE
    assert article.title_reason == "headline-shaped line below another article's headline"
    removed = {r.text: r for r in article.removed}
    assert removed[teaser].rule == "above-title:other-headline"
    assert removed[teaser].explanation is not None
    assert teaser not in article.body


def test_a_headline_that_shares_words_with_the_text_stays_the_title() -> None:
    deck = "Brask Shipping charters four more vessels as grain exports climb"
    article = _clean(HEADLINE, deck, *BODY)
    assert article.title == HEADLINE
    assert article.title_reason == "first headline-shaped line of the page top"
