"""Entity resolution, sanctions-list loading and screening (see docs/screening.md)."""

from __future__ import annotations

from wirecheck.entities.resolve import resolve_entities, resolve_with_errors

__all__ = ["resolve_entities", "resolve_with_errors"]
