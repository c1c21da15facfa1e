"""Outputs people use: the cited briefing (Markdown, HTML) and exports (see ``export``)."""

from __future__ import annotations

from wirecheck.report.render import render_html, render_markdown, write_briefings

__all__ = ["render_html", "render_markdown", "write_briefings"]
