"""Derived texts: copies in site chrome, excerpts, rewrites with introduced changes, summaries."""

from __future__ import annotations

import random
import re
from dataclasses import replace
from datetime import date, timedelta

from wirecheck.synth import lexicon as lx
from wirecheck.synth import names
from wirecheck.synth.records import Doc, Para

NUMBER = re.compile(r"\d[\d,]*\d|\d")


def long_date(iso: str) -> str:
    day = date.fromisoformat(iso)
    return f"{day.day} {lx.MONTHS[day.month - 1]} {day.year}"


def shift(iso: str, days: int) -> str:
    return (date.fromisoformat(iso) + timedelta(days=days)).isoformat()


def site_chrome(site_index: int) -> tuple[list[str], list[str], str | None]:
    """(head lines, tail lines, stock paragraph or None) of a copy site; fixed per site."""
    site = names.site(site_index)
    head = [
        f"This site uses cookies to improve your experience. By continuing to browse {site} "
        f"you agree to our use of cookies.",
        f"Home | World | Business | {site} Opinion",
    ]
    tail = [
        "Share this: Facebook | X | WhatsApp | Email",
        "How would you rate this article?",
        "Click a star to rate it! Average rating 0 / 5.",
        f"Sign up for the {site} newsletter and get the top stories in your inbox.",
        "Read more",
    ]
    stock = None
    if site_index % 3 == 0:
        stock = (
            f"Markets and trade routes have faced repeated disruption in recent years. "
            f"{site} follows these developments through its regional desks."
        )
    return head, tail, stock


def copy_doc(rng: random.Random, origin: Doc, site_index: int, others: list[str]) -> Doc:
    """A verbatim copy of ``origin`` wrapped in the site's chrome (and maybe key points)."""
    head, tail, stock = site_chrome(site_index)
    when = shift(origin.date, names.between(rng, 0, 2))
    doc = Doc(
        origin.story,
        origin.family,
        "copy",
        names.site(site_index),
        origin.title,
        when,
        list(origin.paras),
        head=[f"Published: {long_date(when)}", *head],
        date_line=True,
    )
    if stock:
        doc.tail.append(stock)
    doc.tail.extend(tail)
    if len(others) >= 2:
        before, after = rng.sample(others, 2)
        doc.tail.extend((f"Previous article: {before}", f"Next article: {after}"))
    tags = [w.strip("'s,") for w in origin.title.split() if len(w) > 4 and w[0].isupper()]
    doc.tail.append(" ".join(f"#{w}" for w in tags[:4]) or f"#{names.site(site_index)}")
    if rng.random() < 0.5:
        photographer = f"{names.pick(rng, lx.FIRST_NAMES)} {names.pick(rng, lx.LAST_NAMES)}"
        doc.captions = [f"A file photo related to the report. (Agency Photo/{photographer})"]
    if rng.random() < 0.25:
        doc.key_points = ["Key points"] + [f"- {first_sentence(p.text)}" for p in origin.paras[:3]]
    return doc


def first_sentence(text: str) -> str:
    end = text.find(". ")
    return text if end < 0 else text[: end + 1]


def excerpt_doc(rng: random.Random, origin: Doc, site_index: int) -> Doc:
    keep = min(len(origin.paras) - 1, names.between(rng, 2, 4))
    site = names.site(site_index)
    return Doc(
        origin.story,
        origin.family,
        "excerpt",
        site,
        origin.title,
        origin.date,
        list(origin.paras[:keep]),
        head=[f"{site} | {long_date(origin.date)}"],
        tail=[f"Read the full story on {origin.outlet}."],
        date_line=True,
    )


def summary_doc(origin: Doc, site_index: int) -> Doc:
    site = names.site(site_index)
    body = " ".join(first_sentence(p.text) for p in origin.paras[:3])
    return Doc(
        origin.story,
        origin.family,
        "summary",
        site,
        f"In brief: {origin.title}",
        origin.date,
        [Para("summary", body)],
        head=[f"{site} briefing"],
        tail=[f"Based on reporting by {origin.outlet}."],
    )


SYNONYM_WORDS = re.compile(r"\b(" + "|".join(old for old, _ in lx.SYNONYMS) + r")\b")


def paraphrase(rng: random.Random, text: str) -> str:
    """Swap some words for synonyms outside quotation marks (quotes keep their wording)."""
    chosen = dict(rng.sample(lx.SYNONYMS, 8))

    def swap(match: re.Match[str]) -> str:
        return chosen.get(match.group(0), match.group(0))

    parts = text.split('"')
    for i in range(0, len(parts), 2):
        parts[i] = SYNONYM_WORDS.sub(swap, parts[i])
    return '"'.join(parts)


def _change_number(rng: random.Random, para: Para) -> tuple[Para, tuple[str, str]] | None:
    if para.value is None or not NUMBER.search(para.value):
        return None
    number = NUMBER.search(para.value)
    assert number is not None
    old = int(number.group(0).replace(",", ""))
    new = old + max(3, old // names.pick(rng, (5, 8, 10)))
    bumped = f"{new:,}" if "," in number.group(0) else str(new)
    new_value = para.value[: number.start()] + bumped + para.value[number.end() :]
    changed = replace(para, text=para.text.replace(para.value, new_value), value=new_value)
    return changed, (new_value, f"changed number: the origin says {para.value}")


def rewrite_doc(rng: random.Random, origin: Doc, outlet: str) -> Doc:
    """Paraphrased, reordered, one paragraph dropped, and usually one introduced change."""
    lead, rest = origin.paras[0], list(origin.paras[1:])
    rng.shuffle(rest)
    if len(rest) > 3:
        rest.pop(names.between(rng, 0, len(rest)))
    paras = [lead, *rest]
    changes: list[tuple[str, str]] = []
    candidates = [i for i, p in enumerate(paras) if p.change or p.value]
    if candidates and rng.random() < 0.7:
        i = names.pick(rng, candidates)
        para = paras[i]
        if para.change and para.change[0] in para.text:
            old, new, kind = para.change
            paras[i] = replace(para, text=para.text.replace(old, new, 1))
            changes.append((new, f"changed {kind}: the origin says '{old}'"))
        else:
            done = _change_number(rng, para)
            if done:
                paras[i], change = done
                changes.append(change)
    changed_text = {c[0] for c in changes}
    paras = [
        p if any(c in p.text for c in changed_text) else replace(p, text=paraphrase(rng, p.text))
        for p in paras
    ]
    return Doc(
        origin.story,
        origin.family,
        "rewrite",
        outlet,
        paraphrase(rng, origin.title),
        shift(origin.date, 1),
        paras,
        head=[f"{outlet} - {long_date(shift(origin.date, 1))}"],
        changes=changes,
        date_line=True,
    )
