"""Settings of the extract stage. Each threshold says how it was chosen."""

from __future__ import annotations

from pydantic import BaseModel


class ExtractSettings(BaseModel):
    # --- NLP pipeline -------------------------------------------------------------------
    # Documents per spaCy batch. Not tuned: 32 articles of ~900 tokens keep a batch near
    # 30k tokens, far below spaCy's default of 1,000 Docs held in memory at once.
    batch_size: int = 32
    # Worker processes that parse and read articles (``extract.workers``); 0 = one per usable
    # CPU, 1 = in-process. Stages run one after another, so extraction has the machine to
    # itself: on the 2-core budget machine two workers read 3,000 synthetic articles 1.7x
    # faster than one process. Starting spawned workers costs a few seconds (each loads
    # spaCy), so they are used for at least ``multiprocess_min_docs`` articles (at ~30 ms
    # an article, 500 articles are ~15 s of work: start-up stays under a quarter of it).
    n_process: int = 0
    multiprocess_min_docs: int = 500
    # Characters per article body handed to spaCy; longer bodies are cut (a 700-word news
    # article is ~4,500 characters; 100k keeps even long features whole while bounding memory).
    max_chars: int = 100_000

    # --- quantity intervals (SPEC "Quantity") --------------------------------------------
    # Relative margin d of "nearly/almost/just under v" -> [v(1-d), v). SPEC gives
    # "nearly 70%" -> [~65, 70): 70 * (1 - 0.07) = 65.1.
    below_margin: float = 0.07
    # Relative margin of "more than/over/above v" -> (v, v(1+d)]; mirrors below_margin
    # (SPEC: "more than 70%" -> (70, ~75]).
    above_margin: float = 0.07
    # Relative margin of "about/roughly/around/approximately v" -> [v(1-d), v(1+d)];
    # SPEC: "about 90%" -> [~85, ~95]: 90 * 0.06 = 5.4 -> [84.6, 95.4].
    about_margin: float = 0.06
    # A bare number is read as rounded: +- half a unit of its last non-zero digit, capped at
    # this relative margin so that "900 million" is not read as 850-950 million. Equal to
    # about_margin: a bare round figure is as vague as "about" but never more (so bare 70%
    # overlaps both "nearly 70%" and "more than 70%", as SPEC requires).
    bare_max_margin: float = 0.06

    # --- quantities as claims -------------------------------------------------------------
    # Characters a period expression ("in 2022", "the last quarter of 2023") may lie after
    # its quantity and still belong to it. Chosen on the seed texts: the longest true gap is
    # ~100 characters (a quantity, a bracketed conversion and a dash-enclosed aside before
    # "in the last quarter of 2023"); 160 leaves room without reaching the next clause.
    period_max_gap: int = 160

    # --- quotes and statements -------------------------------------------------------------
    # Quoted spans shorter than this many words are scare quotes ("lethal", "likely
    # providing"), not quotations: in the seed texts every scare quote has one to three words
    # and the shortest quotation of a speaker has six.
    min_quote_words: int = 4
    # Emit kind=statement mentions for attributed sentences with a named speaker.
    statements: bool = True

    # --- supply relations ---------------------------------------------------------------
    # When a sentence has a supply verb and goods but names no recipient, take the only
    # other country the sentence mentions (or its country adjective on the end use,
    # "Russian tanks"). Off gives higher precision and lower recall; on was needed for
    # sentences like "X are providing optical components for Russian tanks".
    recipient_fallback: bool = True
