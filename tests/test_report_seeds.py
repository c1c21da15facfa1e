"""Acceptance on the seed corpus: the briefing as a careful analyst would want it (gold.yaml).

Nothing here names an outlet, company or number: the expectations are read from gold.yaml.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any

import pytest

from conftest import seed_key
from test_report import NS, claim_links, ids_of, parse, text_of
from wirecheck.model import Analysis, Story
from wirecheck.report import render_html, render_markdown

pytestmark = pytest.mark.slow


def seed_story(analysis: Analysis) -> Story:
    """The story holding the most seed articles."""
    return max(analysis.stories, key=lambda s: len(s.articles))


def mark_articles(root: ET.Element) -> dict[str, str]:
    """Passage anchor id -> the article id of the appendix entry that holds it."""
    out = {}
    for art in root.iter(f"{NS}article"):
        for el in art.iter():
            if el.get("id") and el is not art:
                out[el.get("id", "")] = art.get("id", "").removeprefix("art-")
    return out


def section(root: ET.Element, story: Story) -> ET.Element:
    return ids_of(root)[f"story-{story.id}"]


def test_seed_briefing_names_the_independent_origins(
    seed_analysis: Analysis, gold: dict[str, Any]
) -> None:
    story = seed_story(seed_analysis)
    expected = gold["story"]["independent_origins"]
    root = parse(render_html(seed_analysis))
    part = section(root, story)
    assert f"{expected} independent origins" in text_of(part)
    families = [el for el in part.iter(f"{NS}li") if el.get("class") == "family"]
    assert len(families) == expected
    assert f"**{expected} independent origins**" in render_markdown(seed_analysis)


def test_seed_briefing_every_claim_links_to_a_passage(seed_analysis: Analysis) -> None:
    root = parse(render_html(seed_analysis))  # strict: raises on any parse error
    ids = ids_of(root)
    lines = claim_links(root)
    assert lines
    for el, hrefs in lines:
        assert hrefs, text_of(el)[:80]
        for href in hrefs:
            assert href.removeprefix("#") in ids, href


def test_seed_briefing_shows_the_conflict_with_both_passages(
    seed_analysis: Analysis, gold: dict[str, Any]
) -> None:
    conflict = next(q for q in gold["quantitative_claims"] if "CONFLICT" in q["finding"])
    keys = re.findall(r"\((\d{3})\)", conflict["finding"])
    wanted = {k: conflict["values"][k].lower() for k in keys}
    key_of = {a.id: seed_key(a) for a in seed_analysis.articles}
    root = parse(render_html(seed_analysis))
    where = mark_articles(root)
    blocks = [el for el in section(root, seed_story(seed_analysis)).iter(f"{NS}div")
              if "conflict" in (el.get("class") or "").split()]
    found = []
    for block in blocks:
        quoted = {}
        for quote in block.iter(f"{NS}blockquote"):
            for link in quote.iter(f"{NS}a"):
                article = where.get(link.get("href", "").removeprefix("#"))
                if article is not None:
                    quoted[key_of[article]] = text_of(quote).lower()
        found.append(quoted)
        if all(k in quoted and wanted[k] in quoted[k] for k in keys):
            return
    pytest.fail(f"no conflict block quotes {wanted}; blocks: {found}")
