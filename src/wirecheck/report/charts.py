"""Geometry of the inline SVG charts (claims x families matrix, origin timeline, lineage).

Pure functions returning coordinates and labels; templates draw them, so all text that
reaches the SVG goes through Jinja's autoescape like the rest of the page.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from wirecheck.model import Analysis, Article, Family, Story
from wirecheck.report.view import StoryView, article_label, family_label, short

CELL = 22  # px per matrix cell: fits two digits and stays legible when printed
LABEL_W = 360  # px for claim labels (about 55 characters at 11px)
HEAD_H = 110  # px for rotated family labels
STATUS_COLOUR = {"corroborated": "#2e7d32", "conflict": "#c62828", "single_source": "#9e9e9e"}
TIMELINE_W = 760  # px: a 460 px date axis plus room for a 40-character label at its end
AXIS_LEFT, AXIS_RIGHT = 40, 460
LANE_H = 26


@dataclass(frozen=True)
class Cell:
    x: int
    y: int
    colour: str
    title: str


@dataclass(frozen=True)
class Label:
    x: int
    y: int
    text: str
    full: str
    href: str = ""


@dataclass(frozen=True)
class Matrix:
    width: int
    height: int
    rows: list[Label]
    cols: list[Label]
    cells: list[Cell]


def matrix(story: StoryView, claim_href: str = "") -> Matrix:
    """Rows are claims, columns origin families; a cell is filled where a family states it."""
    cols = [
        Label(
            LABEL_W + i * CELL + CELL // 2,
            HEAD_H - 6,
            short(f.label, 18),
            f.label,
        )
        for i, f in enumerate(story.families)
    ]
    col_of = {f.id: i for i, f in enumerate(story.families)}
    rows: list[Label] = []
    cells: list[Cell] = []
    for r, claim in enumerate(story.claims):
        y = HEAD_H + r * CELL
        href = claim_href.format(id=claim.id) if claim_href else ""
        rows.append(Label(LABEL_W - 6, y + CELL // 2 + 4, short(claim.text, 55), claim.text, href))
        for fam in claim.families:
            if fam in col_of:
                colour = STATUS_COLOUR.get(claim.status, "#9e9e9e")
                cells.append(
                    Cell(
                        LABEL_W + col_of[fam] * CELL,
                        y,
                        colour,
                        f"{claim.status}: {story.families[col_of[fam]].label}",
                    )
                )
    width = LABEL_W + max(1, len(cols)) * CELL + HEAD_H  # room for the slanted labels
    return Matrix(width, HEAD_H + max(1, len(rows)) * CELL + 10, rows, cols, cells)


@dataclass(frozen=True)
class Point:
    x: int
    y: int
    label: str
    date: str


@dataclass(frozen=True)
class Timeline:
    width: int
    height: int
    points: list[Point]
    ticks: list[Label]


def _parse(date: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(date[:10])
    except ValueError:
        return None


def timeline(story: StoryView) -> Timeline:
    """Each family at the date of its earliest text; undated families are left out."""
    dated = [(d, f) for f in story.families if (d := _parse(f.first_date)) is not None]
    if not dated:
        return Timeline(TIMELINE_W, 40, [], [])
    first = min(d for d, _ in dated)
    span = max(1, (max(d for d, _ in dated) - first).days)
    left, right = AXIS_LEFT, AXIS_RIGHT
    points = [
        Point(
            left + (d - first).days * (right - left) // span,
            30 + i * LANE_H,
            short(f.label, 40),
            d.isoformat(),
        )
        for i, (d, f) in enumerate(sorted(dated, key=lambda p: p[0]))
    ]
    height = 50 + len(points) * LANE_H
    ticks = [Label(left, height - 6, first.isoformat(), first.isoformat())]
    if span > 1 or max(d for d, _ in dated) != first:
        last = max(d for d, _ in dated).isoformat()
        ticks.append(Label(right, height - 6, last, last))
    return Timeline(TIMELINE_W, height, points, ticks)


@dataclass(frozen=True)
class Node:
    id: str
    x: int
    y: int
    label: str
    family: str


@dataclass(frozen=True)
class Edge:
    """A quadratic curve from (x1, y1) to (x2, y2) bent through (cx, cy); label at (lx, ly)."""

    x1: int
    y1: int
    x2: int
    y2: int
    cx: int
    cy: int
    kind: str
    labelled: bool = True  # False when the label would overprint another (tooltip only)

    @property
    def lx(self) -> int:
        return (self.x1 + 2 * self.cx + self.x2) // 4 + 3

    @property
    def ly(self) -> int:
        return (self.y1 + 2 * self.cy + self.y2) // 4


@dataclass(frozen=True)
class Lineage:
    width: int
    height: int
    nodes: list[Node]
    edges: list[Edge]
    groups: list[Label]


NODE_W, NODE_H = 140, 30
COL_W, ROW_H = 200, 46  # column gap leaves room for the curves bulging out of a column
BULGE = 14  # px the curve of a same-column edge bulges per row it spans


def _edge(derived: Node, source: Node, kind: str) -> Edge:
    """Within a family column the arrow curves out to the right, so it never crosses the
    boxes in between; across columns it runs between the facing box borders."""
    y1, y2 = derived.y + NODE_H // 2, source.y + NODE_H // 2
    if derived.x == source.x:
        x = derived.x + NODE_W
        rows = abs(derived.y - source.y) // ROW_H
        return Edge(x, y1, x, y2, x + 10 + BULGE * rows, (y1 + y2) // 2, kind)
    right = derived.x < source.x
    x1, x2 = derived.x + (NODE_W if right else 0), source.x + (0 if right else NODE_W)
    return Edge(x1, y1, x2, y2, (x1 + x2) // 2, (y1 + y2) // 2 - 12, kind)


LABEL_GAP = 13  # px: one line of 11px text; closer labels would overprint


def _declutter(edges: list[Edge]) -> list[Edge]:
    """Keep an edge's text label only where no earlier label sits within LABEL_GAP."""
    placed: list[tuple[int, int]] = []
    out = []
    for edge in edges:
        clear = all(abs(edge.lx - x) > 40 or abs(edge.ly - y) >= LABEL_GAP for x, y in placed)
        if clear:
            placed.append((edge.lx, edge.ly))
        out.append(replace(edge, labelled=clear))
    return out


def _members(family: Family, by_id: dict[str, Article]) -> list[str]:
    """A family's articles, origin first, then by date."""

    def key(article_id: str) -> tuple[bool, str]:
        art = by_id.get(article_id)
        return article_id != family.origin_article, (art.date or "") if art else ""

    return sorted(family.articles, key=key)


def lineage(analysis: Analysis, story: Story) -> Lineage:
    """Articles in one column per family; arrows run from a derived text to its source."""
    by_id = {a.id: a for a in analysis.articles}
    titles = {a.id: article_label(a) for a in analysis.articles}
    nodes: dict[str, Node] = {}
    groups: list[Label] = []
    col_w, row_h = COL_W, ROW_H
    for c, fam in enumerate(story.families):
        label = family_label(fam, by_id)
        groups.append(Label(20 + c * col_w, 18, short(label, 22), label))
        ordered = _members(fam, by_id)
        for r, art in enumerate(ordered):
            nodes[art] = Node(
                art, 20 + c * col_w, 36 + r * row_h, short(titles.get(art, art), 20), fam.id
            )
    edges = _declutter(
        [
            _edge(nodes[d.derived], nodes[d.source], str(d.kind))
            for d in analysis.derivations
            if d.derived in nodes and d.source in nodes
        ]
    )
    rows = max((len(f.articles) for f in story.families), default=1)
    return Lineage(
        max(200, 40 + len(story.families) * col_w),
        60 + rows * row_h,
        list(nodes.values()),
        edges,
        groups,
    )
