"""Web UI: server-rendered pages (Jinja2, autoescape on), no inline scripts."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse

from wirecheck.api import views
from wirecheck.api.security import ID_PATTERN, page_bounds
from wirecheck.report import charts
from wirecheck.report.view import build_view
from wirecheck.store import Workspace

router = APIRouter(include_in_schema=False)
Id = Annotated[str, Path(pattern=ID_PATTERN)]


def page(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    html = request.app.state.templates.get_template(template).render(**context)
    return HTMLResponse(html, status_code=status)


def ws(request: Request) -> Workspace:
    workspace: Workspace = request.app.state.workspace
    return workspace


def get(value: Any, what: str) -> Any:
    if value is None:
        raise HTTPException(404, f"no such {what}")
    return value


@router.get("/", response_class=HTMLResponse)
def index(request: Request, offset: Annotated[int, Query(ge=0)] = 0) -> HTMLResponse:
    off, lim = page_bounds(request, offset, None)
    stories = ws(request).stories_page(off, lim)
    return page(request, "stories.html.j2", stories=stories, articles=ws(request).count("articles"))


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story(request: Request, story_id: Id) -> HTMLResponse:
    found = get(ws(request).get_story(story_id), "story")
    sub = views.story_analysis(ws(request), found)
    view = build_view(sub).stories[0]
    return page(
        request,
        "story.html.j2",
        story=view,
        matrix=charts.matrix(view, claim_href="/claims/{id}"),
        timeline=charts.timeline(view),
        lineage=charts.lineage(sub, found),
    )


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(request: Request, article_id: Id) -> HTMLResponse:
    art = get(ws(request).get_article(article_id), "article")
    claims = views.article_claims(ws(request), art)
    return page(
        request,
        "article.html.j2",
        article=art,
        claims=claims,
        segments=views.claim_segments(art, claims),
        derivations=views.related(ws(request), art),
    )


@router.get("/claims/{claim_id}", response_class=HTMLResponse)
def claim(request: Request, claim_id: Id) -> HTMLResponse:
    found = get(ws(request).get_claim(claim_id), "claim")
    return page(
        request, "claim.html.j2", claim=found, mentions=views.claim_mentions(ws(request), found)
    )


@router.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity(request: Request, entity_id: Id) -> HTMLResponse:
    found = get(ws(request).get_entity(entity_id), "entity")
    return page(
        request, "entity.html.j2", entity=found, articles=views.entity_articles(ws(request), found)
    )


@router.get("/entities", response_class=HTMLResponse)
def entity_list(request: Request, offset: Annotated[int, Query(ge=0)] = 0) -> HTMLResponse:
    off, lim = page_bounds(request, offset, None)
    return page(request, "entities.html.j2", entities=ws(request).entities_page(off, lim))


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, q: Annotated[str, Query(max_length=200)] = "") -> HTMLResponse:
    results = ws(request).search_articles(q, 0, 50) if q.strip() else None
    return page(request, "search.html.j2", q=q, results=results)
