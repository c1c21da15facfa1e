"""HTML pages: trafilatura extracts the main text and the page metadata.

Trafilatura is tuned for precision (``favor_precision``) and drops comment sections: a
reader's comment quoting the article must not count as another source.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from wirecheck.ingest.htmlmeta import fast_metadata
from wirecheck.model import IngestError, RawDocument
from wirecheck.settings.ingest import IngestSettings

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_TAG = re.compile(r"<(/?)([a-zA-Z][\w:-]*)[^>]*?(/?)>")
_VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)


def nesting_depth(html: str, limit: int) -> int:
    """Element nesting depth of ``html`` (stops counting once past ``limit``).

    Only run when extraction failed, to say why; a tag scan rather than a parse because
    parsers (lxml, html5lib) are exactly what gives up on such pages.
    """
    depth = deepest = 0
    for match in _TAG.finditer(html):
        closing, name, selfclosing = match.groups()
        if name.lower() in _VOID or selfclosing:
            continue
        depth = max(0, depth - 1) if closing else depth + 1
        deepest = max(deepest, depth)
        if deepest > limit:
            break
    return deepest


def _iso_date(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    match = _ISO_DATE.match(value.strip())
    return match.group(0) if match else None


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def page_metadata(tree: Any, url: str | None) -> dict[str, str | None]:
    """Metadata from the page's tags, completed by trafilatura's search when title or date
    is missing (trafilatura ``with_metadata``, run only where it is needed)."""
    meta = fast_metadata(tree)
    if meta["title"] and meta["date"]:
        return meta
    from trafilatura.metadata import extract_metadata

    found = extract_metadata(tree, default_url=url)
    full = {
        "title": _clean(found.title),
        "date": _iso_date(found.date),
        "outlet": _clean(found.sitename),
        "byline": _clean(found.author),
        "language": None,
    }
    return {key: meta[key] or full[key] for key in meta}


def extract_html(
    source: str, html: str, settings: IngestSettings, url: str | None = None, fmt: str = "html"
) -> RawDocument | IngestError:
    """One page to one RawDocument (main text + metadata), or the reason it has none.

    The page is parsed once; trafilatura extracts the text from that tree.
    """
    import trafilatura
    from trafilatura.utils import load_html

    try:
        tree = load_html(html)
        meta = page_metadata(tree, url) if tree is not None else {}
        doc = trafilatura.bare_extraction(
            tree if tree is not None else html,
            url=url,
            favor_precision=True,
            include_comments=False,
        )
    except (RecursionError, ValueError, TypeError) as err:  # lxml/trafilatura on broken trees
        name = err.__class__.__name__
        return IngestError(source=source, reason=f"HTML could not be parsed ({name})")
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or len(text.strip()) < settings.min_text_chars:
        reason = "no article text found in the HTML page"
        if nesting_depth(html, settings.max_html_depth) > settings.max_html_depth:
            reason += f" (elements nested deeper than {settings.max_html_depth} levels)"
        return IngestError(source=source, reason=reason)
    return RawDocument(source=source, text=text, url=url, format=fmt, preclean=True, **meta)


def read_html(
    source: str, text: str, settings: IngestSettings
) -> Iterator[RawDocument | IngestError]:
    yield extract_html(source, text, settings)
