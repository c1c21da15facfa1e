"""Claim alignment: independent corroboration, conflicts, single-source claims, changes.

``align_claims(analysis, settings)`` is the stage function ``pipeline._align`` calls.
"""

from __future__ import annotations

from wirecheck.align.core import AlignmentResult, align_claims

__all__ = ["AlignmentResult", "align_claims"]
