"""Cleaning with each document's own work reused from the workspace.

The cleaner is corpus-level in two places: the batch's line signals (short lines repeated
across documents, stock paragraphs) and date borrowing between similar articles. Both still
run over all documents each step (the signals come from the split lines and cost little).
The rest is per document (line rules, title, byline, language, the date the text gives by
itself) and reads of the batch only which of the document's own line keys are repeated or
stock (``clean.batch_lines``). That work is stored under a key hashing the document, that
part of the signals, the clean settings and the cleaner's code: a document is cleaned again
exactly when one of its lines became (or stopped being) chrome with the new documents, or
when it is new.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date

from wirecheck.clean import batch_lines, clean_each
from wirecheck.clean.corpus import BatchSignals, DocLines
from wirecheck.clean.datebatch import DateState
from wirecheck.incremental.memo import ResultCache, hash_key, settings_key
from wirecheck.model import Article, RawDocument
from wirecheck.settings.clean import CleanSettings

CLEANED = "clean-document"
_CODE = ("clean", "model.py", "features.py")  # what clean_each runs


class CleanReuse:
    """``clean_documents``'s per-document step (``clean.EachFn``) with stored results."""

    def __init__(self, cache: ResultCache) -> None:
        self.cache = cache

    def each(
        self,
        docs: Sequence[RawDocument],
        batch: BatchSignals,
        settings: CleanSettings,
        prepared: Sequence[DocLines],
    ) -> list[tuple[Article, DateState]]:
        base = settings_key(settings, *_CODE)
        keys = [document_key(base, d, batch, p) for d, p in zip(docs, prepared, strict=True)]
        found = self.cache.lookup(keys)
        missing = [n for n, key in enumerate(keys) if key not in found]
        fresh = iter(
            clean_each([docs[n] for n in missing], batch, settings, [prepared[n] for n in missing])
        )
        out: list[tuple[Article, DateState]] = []
        for key in keys:
            if key in found:
                out.append(load(found[key]))  # new objects each time: the batch pass edits states
            else:
                article, state = next(fresh)
                self.cache.add([(key, dump(article, state))])  # before the batch pass edits it
                out.append((article, state))
        return out


def document_key(base: str, doc: RawDocument, batch: BatchSignals, lines: DocLines) -> str:
    repeated, stock = batch_lines(batch, lines)
    return hash_key(
        base, doc.model_dump_json(), json.dumps(sorted(repeated)), json.dumps(sorted(stock))
    )


def dump(article: Article, state: DateState) -> str:
    evidence = {
        "date": state.date.isoformat() if state.date else None,
        "source": state.source,
        "words": sorted(state.words),
        "weekdays": state.weekdays,
        "month_days": state.month_days,
    }
    return json.dumps({"article": article.model_dump_json(), "state": evidence})


def load(text: str) -> tuple[Article, DateState]:
    data = json.loads(text)
    evidence = data["state"]
    state = DateState(
        date=date.fromisoformat(evidence["date"]) if evidence["date"] else None,
        source=evidence["source"],
        words=set(evidence["words"]),
        weekdays=list(evidence["weekdays"]),
        month_days=[(int(m), int(d)) for m, d in evidence["month_days"]],
    )
    return Article.model_validate_json(data["article"]), state
