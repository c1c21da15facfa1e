"""HTTP API and web UI over a workspace: ``create_app(settings, workspace_path)``."""

from __future__ import annotations

from wirecheck.api.app import create_app

__all__ = ["create_app"]
