"""The FastAPI app factory: JSON API under /api, web UI at /, static JS/CSS at /static.

The app owns the workspace's single DuckDB connection; a background ``IngestWorker`` is
the only writer, request threads read through per-thread cursors.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import jinja2
from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from wirecheck import __version__
from wirecheck.api import routes_api, routes_ui
from wirecheck.api.cache import ResponseCache
from wirecheck.api.ingest import IngestWorker
from wirecheck.api.security import SecurityMiddleware
from wirecheck.report.render import TEMPLATES as REPORT_TEMPLATES
from wirecheck.report.render import new_environment
from wirecheck.settings import Settings
from wirecheck.settings.api import ApiSettings

HERE = Path(__file__).parent
# Read routes whose responses depend only on the workspace (cached per write generation).
CACHED = ("/api/", "/stories/", "/articles/", "/claims/", "/entities", "/search")
# ... and these exact paths: the UI's front page (stories and the article count) is read
# most and was rendered anew for every request (21 ms on a 1,000-article workspace).
CACHED_EXACT = ("/",)


def templates() -> jinja2.Environment:
    loader = jinja2.ChoiceLoader(
        [
            jinja2.FileSystemLoader(str(HERE / "templates")),
            jinja2.FileSystemLoader(str(REPORT_TEMPLATES)),
        ]
    )
    return new_environment(loader)


def _errors(app: FastAPI) -> None:
    """Errors as JSON under /api, as a small escaped HTML page elsewhere."""

    def respond(request: Request, status: int, detail: str) -> Response:
        if request.url.path.startswith("/api"):
            return JSONResponse({"detail": detail}, status_code=status)
        html = request.app.state.templates.get_template("error.html.j2").render(
            status=status, detail=detail
        )
        return HTMLResponse(html, status_code=status)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        response = respond(request, exc.status_code, str(exc.detail))
        response.headers.update(exc.headers or {})
        return response

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        if request.url.path.startswith("/api"):
            return JSONResponse({"detail": exc.errors()}, status_code=422)
        return respond(request, 422, "invalid request")


def create_app(
    settings: ApiSettings, workspace_path: str | Path | None, full_settings: Settings | None = None
) -> FastAPI:
    """An app serving the workspace at ``workspace_path`` (None: an empty in-memory one)."""
    from wirecheck.store import Workspace

    workspace = Workspace.open(workspace_path)
    worker = IngestWorker(
        workspace, full_settings or Settings(api=settings), keep=settings.max_jobs_kept
    )

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        worker.start()
        try:
            yield
        finally:
            worker.stop()
            workspace.close()

    app = FastAPI(
        title="wirecheck",
        version=__version__,
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.settings = settings
    app.state.workspace = workspace
    app.state.ingestor = worker
    app.state.templates = templates()
    if settings.cache_entries:  # inside the security middleware: hits get its headers too
        app.add_middleware(
            ResponseCache,
            generation=lambda: worker.generation,
            entries=settings.cache_entries,
            max_bytes=settings.cache_max_bytes,
            prefixes=CACHED,
            skip=("/api/ingest",),
            exact=CACHED_EXACT,
        )
    app.add_middleware(SecurityMiddleware, max_body=settings.max_body_bytes)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.include_router(routes_api.router)
    app.include_router(routes_ui.router)
    _errors(app)
    return app
