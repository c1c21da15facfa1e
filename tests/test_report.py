"""The cited briefing: every statement links to a passage; output is inert and valid HTML."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import html5lib
import pytest
from hypothesis import given
from hypothesis import strategies as st

from test_report_factory import PAYLOAD, SHARE_A, SHARE_B, hostile_analysis, make_analysis
from wirecheck.model import Analysis, ClaimKind
from wirecheck.report import render_html, render_markdown, write_briefings
from wirecheck.report.citations import marked_segments
from wirecheck.report.render import md_escape, safe_url
from wirecheck.report.view import build_view

NS = "{http://www.w3.org/1999/xhtml}"


def parse(html: str) -> ET.Element:
    """html5lib in strict mode raises on any parse error."""
    tree: ET.Element = html5lib.HTMLParser(strict=True, namespaceHTMLElements=True).parse(html)
    return tree


def ids_of(root: ET.Element) -> dict[str, ET.Element]:
    return {el.get("id", ""): el for el in root.iter() if el.get("id")}


def text_of(el: ET.Element) -> str:
    return "".join(el.itertext())


def claim_links(root: ET.Element) -> list[tuple[ET.Element, list[str]]]:
    out = []
    for el in root.iter():
        if "claim" in (el.get("class") or "").split():
            hrefs = [a.get("href", "") for a in el.iter(f"{NS}a")
                     if a.get("class") == "cite"]
            out.append((el, hrefs))
    return out


def test_html_is_strict_valid_and_every_claim_links_to_a_marked_passage() -> None:
    analysis = make_analysis()
    root = parse(render_html(analysis))
    ids = ids_of(root)
    lines = claim_links(root)
    assert len(lines) >= 4
    for el, hrefs in lines:
        assert hrefs, f"claim without citation: {text_of(el)[:60]}"
        for href in hrefs:
            target = ids[href.removeprefix("#")]
            assert target.tag == f"{NS}mark", href
    # each claim mention's sentence is what its anchor highlights
    for claim in analysis.claims:
        for m in claim.mentions:
            mark = ids[f"p-{m.article}-{m.start}-{m.end}"]
            assert text_of(mark) == m.text


def test_html_names_origins_conflict_changes_and_screening() -> None:
    root = parse(render_html(make_analysis()))
    page = text_of(root)
    assert "3 independent origins" in page
    conflicts = [el for el in root.iter() if "conflict" in (el.get("class") or "").split()
                 and el.tag == f"{NS}div"]
    assert len(conflicts) == 1
    quoted = text_of(conflicts[0])
    assert SHARE_A in quoted and SHARE_B in quoted
    assert "president" in page and "minister" in page  # the change, both passages
    assert "SS-0042" in page and "name_tokens" in page  # screening hit with its features
    svgs = [el for el in root.iter() if el.tag.endswith("svg")]
    assert len(svgs) >= 3  # matrix + timeline per story with dated families
    colours = {el.get("fill") for el in root.iter() if el.get("class") == "cell"}
    assert {"#2e7d32", "#c62828", "#9e9e9e"} <= colours


def test_markdown_footnotes_cite_title_outlet_and_source() -> None:
    md = render_markdown(make_analysis())
    used = set(re.findall(r"\[\^(\d+)\](?!:)", md))
    defined = dict(re.findall(r"^\[\^(\d+)\]: (.*)$", md, flags=re.M))
    assert used and used <= set(defined)
    claim_lines = [ln for ln in md.splitlines()
                   if "single source)" in ln or "independent origins**)" in ln]
    assert claim_lines and all("[^" in ln for ln in claim_lines)
    first = defined[min(used, key=int)]
    assert "Harbour Wire" in first and "https://news.example/a-harbour" in first
    assert "Nearly 40%" in md and "More than 40%" in md


def test_hostile_fields_render_inert() -> None:
    analysis = hostile_analysis()
    html = render_html(analysis)
    root = parse(html)
    assert not [el for el in root.iter() if el.tag.endswith("script")]
    for el in root.iter():
        for name, value in el.attrib.items():
            assert not name.lower().startswith("on"), (el.tag, name)
            assert not value.strip().lower().startswith("javascript:"), (el.tag, name, value)
    assert "window.__pwned=1" in text_of(root)  # shown as text, not dropped
    md = render_markdown(analysis)
    assert "<script>" not in md and "](javascript:" not in md
    assert PAYLOAD not in md


def test_empty_analysis_renders(tmp_path: Path) -> None:
    paths = write_briefings(Analysis(), tmp_path)
    assert [p.name for p in paths] == ["briefing.md", "briefing.html"]
    root = parse(paths[1].read_text())
    assert "0 articles" in text_of(root)
    assert "0 articles" in paths[0].read_text()


def test_written_briefings_are_the_rendered_ones(tmp_path: Path) -> None:
    """The files are streamed to disk piece by piece: the same text as rendering in one
    string, replacing the previous files whole, and no temporary file left behind."""
    analysis = make_analysis()
    (tmp_path / "briefing.html").write_text("an older, longer briefing " * 1000)
    paths = write_briefings(analysis, tmp_path)
    assert paths[0].read_text(encoding="utf-8") == render_markdown(analysis)
    assert paths[1].read_text(encoding="utf-8") == render_html(analysis)
    assert "appendix" in paths[1].read_text(encoding="utf-8").lower()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["briefing.html", "briefing.md"]


def test_unassigned_claims_still_cited() -> None:
    analysis = make_analysis()
    loose = analysis.model_copy(update={"stories": []})
    root = parse(render_html(loose))
    lines = claim_links(root)
    assert len(lines) == len({c.id for c in analysis.claims if c.status != "conflict"}) + 1
    assert all(hrefs for _, hrefs in lines)


@pytest.mark.parametrize(
    ("url", "expected"),
    [("https://a.example/x", "https://a.example/x"), ("javascript:alert(1)", ""),
     (" JavaScript:alert(1)", ""), ("data:text/html,x", ""), ("//evil.example", ""),
     ("relative/path.html", "relative/path.html"), (None, "")],
)
def test_safe_url(url: str | None, expected: str) -> None:
    assert safe_url(url) == expected


def test_md_escape_neutralises_markup() -> None:
    assert md_escape("<b>[x](javascript:y)</b>") == r"\<b\>\[x\](javascript:y)\</b\>"


@given(st.text(max_size=60), st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)),
                                      max_size=6))
def test_marked_segments_cover_body_once(body: str, raw: list[tuple[int, int]]) -> None:
    spans = [(min(a, b), max(a, b), f"id{i}") for i, (a, b) in enumerate(raw)
             if min(a, b) < max(a, b) <= len(body)]
    segments = marked_segments(body, spans)
    assert "".join(s.text for s in segments) == body
    anchors = [a for s in segments for a in s.anchors]
    assert sorted(anchors) == sorted(i for _, _, i in spans)


def test_a_supply_line_names_its_party_once_with_the_variants_its_passages_use() -> None:
    base = make_analysis()
    short_sentence = "Officials said Aldermoor also shipped spare parts."
    claims = []
    for claim in base.claims:
        if claim.kind == ClaimKind.SUPPLY:
            extra = claim.mentions[0].model_copy(update={"text": short_sentence})
            claim = claim.model_copy(update={
                "text": "Aldermoor Shipping -> Kestrel Republic: gas turbines",
                "mentions": [*claim.mentions, extra]})
        claims.append(claim)
    entities = [e.model_copy(update={"aliases": [*e.aliases, "Aldermoor"]})
                if e.id == "e-aldermoor" else e for e in base.entities]
    view = build_view(base.model_copy(update={"claims": claims, "entities": entities}))
    lines = [c.text for s in view.stories for c in s.claims if "->" in c.text]
    # the bare "Aldermoor" is in these passages, "Aldermoor Shipping Ltd" is not
    assert lines == ["Aldermoor Shipping (also Aldermoor) -> Kestrel Republic: gas turbines"]
