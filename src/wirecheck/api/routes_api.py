"""JSON API: thin routes over ``wirecheck.store.Workspace`` getters (read-only but ingest)."""

from __future__ import annotations

import json
from typing import Annotated, Any, Generic, TypeVar

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from pydantic import BaseModel, ValidationError

from wirecheck.api.ingest import IngestDocument, IngestRequest, JobStatus
from wirecheck.api.security import ID_PATTERN, page_bounds, require_token
from wirecheck.model import Article, Change, ClaimGroup, Derivation, Entity, Story
from wirecheck.store import Workspace

T = TypeVar("T")
Id = Annotated[str, Path(pattern=ID_PATTERN, description="a wirecheck id (prefix-hex)")]
Offset = Annotated[int, Query(ge=0)]
Limit = Annotated[int | None, Query(ge=1, description="capped at the server's maximum")]
Filter = Annotated[str | None, Query(pattern=ID_PATTERN)]

router = APIRouter(prefix="/api", tags=["api"])


class PageOut(BaseModel, Generic[T]):
    items: list[T]
    total: int
    offset: int
    limit: int


class ArticleOut(BaseModel):
    article: Article
    derivations: list[Derivation]


def ws(request: Request) -> Workspace:
    workspace: Workspace = request.app.state.workspace
    return workspace


def found(value: T | None, what: str) -> T:
    if value is None:
        raise HTTPException(404, f"no such {what}")
    return value


def out(page: Any) -> dict[str, Any]:
    return {"items": page.items, "total": page.total, "offset": page.offset, "limit": page.limit}


@router.get("/stories", response_model=PageOut[Story])
def stories(request: Request, offset: Offset = 0, limit: Limit = None) -> dict[str, Any]:
    return out(ws(request).stories_page(*page_bounds(request, offset, limit)))


@router.get("/stories/{story_id}", response_model=Story)
def story(request: Request, story_id: Id) -> Story:
    return found(ws(request).get_story(story_id), "story")


@router.get("/articles", response_model=PageOut[Article])
def articles(
    request: Request, offset: Offset = 0, limit: Limit = None, story: Filter = None
) -> dict[str, Any]:
    off, lim = page_bounds(request, offset, limit)
    return out(ws(request).articles_page(off, lim, story=story))


@router.get("/articles/{article_id}", response_model=ArticleOut)
def article(request: Request, article_id: Id) -> ArticleOut:
    art = found(ws(request).get_article(article_id), "article")
    return ArticleOut(article=art, derivations=ws(request).derivations_of(article_id))


@router.get("/claims", response_model=PageOut[ClaimGroup])
def claims(
    request: Request,
    offset: Offset = 0,
    limit: Limit = None,
    story: Filter = None,
    status: Annotated[str | None, Query(pattern="^(corroborated|single_source|conflict)$")] = None,
) -> dict[str, Any]:
    off, lim = page_bounds(request, offset, limit)
    return out(ws(request).claims_page(off, lim, story=story, status=status))


@router.get("/claims/{claim_id}", response_model=ClaimGroup)
def claim(request: Request, claim_id: Id) -> ClaimGroup:
    return found(ws(request).get_claim(claim_id), "claim")


@router.get("/changes", response_model=PageOut[Change])
def changes(
    request: Request, offset: Offset = 0, limit: Limit = None, article: Filter = None
) -> dict[str, Any]:
    off, lim = page_bounds(request, offset, limit)
    return out(ws(request).changes_page(off, lim, article=article))


@router.get("/entities", response_model=PageOut[Entity])
def entities(request: Request, offset: Offset = 0, limit: Limit = None) -> dict[str, Any]:
    return out(ws(request).entities_page(*page_bounds(request, offset, limit)))


@router.get("/entities/{entity_id}", response_model=Entity)
def entity(request: Request, entity_id: Id) -> Entity:
    return found(ws(request).get_entity(entity_id), "entity")


@router.get("/search", response_model=PageOut[Article])
def search(
    request: Request,
    q: Annotated[str, Query(min_length=1)],
    offset: Offset = 0,
    limit: Limit = None,
) -> dict[str, Any]:
    if len(q) > request.app.state.settings.max_query_chars:
        raise HTTPException(422, "query too long")
    off, lim = page_bounds(request, offset, limit)
    return out(ws(request).search_articles(q, off, lim))


def parse_ingest(body: bytes, content_type: str) -> IngestRequest:
    """A JSON ``{"documents": [...]}`` (or one document, or a list), or a text/plain body."""
    text = body.decode("utf-8", errors="replace")
    if not content_type.startswith("application/json"):
        return IngestRequest(documents=[IngestDocument(text=text)])
    data = json.loads(text)
    if isinstance(data, list):
        data = {"documents": data}
    elif isinstance(data, dict) and "documents" not in data:
        data = {"documents": [data]}
    return IngestRequest.model_validate(data)


INGEST_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": IngestRequest.model_json_schema()},
            "text/plain": {"schema": {"type": "string"}},
        },
    }
}


@router.post(
    "/ingest",
    status_code=202,
    response_model=JobStatus,
    dependencies=[Depends(require_token)],
    openapi_extra=INGEST_BODY,
)
async def ingest(request: Request) -> JobStatus:
    """Queue documents for the single writer; poll ``/api/ingest/{job}`` for the result."""
    try:
        parsed = parse_ingest(await request.body(), request.headers.get("content-type", ""))
    except (ValueError, ValidationError) as err:
        raise HTTPException(422, f"cannot read documents: {err}") from err
    cap = request.app.state.settings.max_ingest_documents
    if not parsed.documents or len(parsed.documents) > cap:
        raise HTTPException(422, "between 1 and max_ingest_documents documents per request")
    job: JobStatus = request.app.state.ingestor.submit(parsed)
    return job


@router.get("/ingest/{job_id}", response_model=JobStatus)
def ingest_status(request: Request, job_id: Id) -> JobStatus:
    status: JobStatus | None = request.app.state.ingestor.status(job_id)
    return found(status, "ingest job")
