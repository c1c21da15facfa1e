"""Render the briefing as Markdown and as one self-contained HTML file (Jinja2, autoescape on)."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote, urlsplit

import jinja2

from wirecheck.model import Analysis
from wirecheck.report import charts
from wirecheck.report.citations import article_anchor, marked_segments
from wirecheck.report.view import BriefingView, build_view, short

TEMPLATES = Path(__file__).parent / "templates"
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|!])")


def safe_url(url: str | None) -> str:
    """``url`` when it is http(s) or a relative path; "" otherwise (no javascript:, data:...)."""
    if not url:
        return ""
    text = url.strip()
    parts = urlsplit(text)
    if parts.scheme in ("http", "https") and parts.netloc:
        return text
    if not parts.scheme and not parts.netloc and not text.startswith("//"):
        return text
    return ""


def counted(number: int, noun: str) -> str:
    """``1 conflict``, ``2 conflicts`` (English plural by -s; nouns here are regular)."""
    return f"{number} {noun}{'' if number == 1 else 's'}"


def md_escape(value: object) -> str:
    """Text safe inside Markdown: no markup, no raw HTML, one line."""
    text = " ".join(str(value or "").split())
    text = text.replace("&", "&amp;")
    return _MD_SPECIAL.sub(r"\\\1", text)


def configure(env: jinja2.Environment) -> jinja2.Environment:
    """Filters and globals shared by the briefing and the web UI templates."""
    env.filters["safe_url"] = safe_url
    env.filters["md"] = md_escape
    env.filters["md_url"] = md_url
    env.filters["short"] = short
    env.filters["counted"] = counted
    env.globals["article_anchor"] = article_anchor
    env.globals["status_colour"] = charts.STATUS_COLOUR
    return env


def new_environment(
    loader: jinja2.BaseLoader, autoescape: bool = True, keep_trailing_newline: bool = False
) -> jinja2.Environment:
    """A Jinja environment with the project's template policy (block whitespace trimmed,
    undefined names are errors) and ``configure``'s filters; the briefing and the web UI."""
    env = jinja2.Environment(
        loader=loader,
        autoescape=autoescape,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=keep_trailing_newline,
        undefined=jinja2.StrictUndefined,
    )
    return configure(env)


@lru_cache(maxsize=2)
def environment(markdown: bool = False) -> jinja2.Environment:
    # Markdown is not HTML: its own ``md`` filter escapes it. HTML autoescapes everything.
    loader = jinja2.FileSystemLoader(str(TEMPLATES))
    return new_environment(loader, autoescape=not markdown, keep_trailing_newline=True)


def md_url(url: str) -> str:
    """A safe URL percent-encoded so it cannot end a Markdown link early."""
    return quote(safe_url(url), safe=":/?#@!$&'*+,;=%~")


def render_markdown(analysis: Analysis, view: BriefingView | None = None) -> str:
    """The Markdown briefing (``view``: the analysis' view when already built)."""
    return "".join(_markdown_chunks(view if view is not None else build_view(analysis)))


def render_html(analysis: Analysis, view: BriefingView | None = None) -> str:
    """The HTML briefing (``view``: the analysis' view when already built)."""
    return "".join(_html_chunks(view if view is not None else build_view(analysis)))


def _markdown_chunks(view: BriefingView) -> Iterator[str]:
    template = environment(True).get_template("briefing.md.j2")
    return template.generate(view=view, stories=view.stories)


def _html_chunks(view: BriefingView) -> Iterator[str]:
    spans = view.index.spans_by_article()
    # one cited article's marked body at a time: the template reads the appendix once
    appendix = (
        (art, marked_segments(art.body, spans.get(art.id, [])))
        for art in view.index.cited_articles()
    )
    template = environment(False).get_template("briefing.html.j2")
    return template.generate(
        view=view,
        stories=view.stories,
        appendix=appendix,
        charts=charts,
        css=(TEMPLATES / "briefing.css").read_text(encoding="utf-8"),
    )


def write_briefings(analysis: Analysis, out_dir: Path) -> list[Path]:
    """Write ``briefing.md`` and ``briefing.html`` into ``out_dir``; return their paths.
    Each is streamed to a temporary file and renamed into place: the briefings of 100,000
    articles run to about a gigabyte, which a rendered string held in memory twice over
    (the template's pieces, then the text)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    md_path, html_path = out_dir / "briefing.md", out_dir / "briefing.html"
    view = build_view(analysis)  # once for both: rendering reads it and changes nothing
    _write_streamed(md_path, _markdown_chunks(view))
    _write_streamed(html_path, _html_chunks(view))
    return [md_path, html_path]


def _write_streamed(path: Path, chunks: Iterable[str]) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", encoding="utf-8") as handle:
        handle.writelines(chunks)
    os.replace(tmp, path)
