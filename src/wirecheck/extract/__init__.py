"""Claim extraction: supply relations, quantities, attribution, hedges, quotes, entities.

``extract_claims(articles, settings)`` is the stage function the pipeline calls; it
parses every article once with spaCy (``load_nlp``) and derives everything from that Doc.
Heavy imports (spaCy) happen only when the stage runs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from wirecheck.extract.claims import ExtractionResult, extract_claims
    from wirecheck.extract.nlp import load_nlp

__all__ = ["ExtractionResult", "extract_claims", "load_nlp"]


def __getattr__(name: str) -> Any:
    if name in ("ExtractionResult", "extract_claims"):
        from wirecheck.extract import claims

        return getattr(claims, name)
    if name == "load_nlp":
        from wirecheck.extract import nlp

        return nlp.load_nlp
    raise AttributeError(name)
