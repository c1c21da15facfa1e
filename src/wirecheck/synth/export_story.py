"""The export-control story: officials accuse foreign companies of supplying goods for weapons.

Carries what the pipeline must find: supply relations (some hedged), a shared percentage
that independent origins qualify compatibly or in conflict, a company named in several
forms, a title of office and a negatable statement for rewrites to change, single-source
facts, and quotes.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from wirecheck.synth import lexicon as lx
from wirecheck.synth import names
from wirecheck.synth.names import between, pick
from wirecheck.synth.prose import (
    Event,
    Origins,
    backgrounds,
    event_weekday,
    join,
    percent,
    quote,
    shuffle_tail,
    variant,
)
from wirecheck.synth.records import Para, StoryFacts, Supply
from wirecheck.synth.similar_shares import draw_similar, similar_claims, similar_paras


@dataclass
class Cast:
    """Who and what an export story is about (drawn once, written by every origin)."""

    accuser: tuple[str, str, str]  # country, adjective, capital
    recipient: str
    hub: str
    end_use: str
    firms: list[names.Company]
    bases: list[str]
    goods: list[tuple[str, str]]
    minister: names.Person
    expert: names.Person
    org: str
    year: int
    share: int
    value: int
    conflict: bool
    weekday: str
    said: str
    offset: int


def draw_cast(rng: random.Random) -> Cast:
    count = between(rng, 2, 4)
    firms = names.companies(rng, count)
    return Cast(
        accuser=pick(rng, lx.ACCUSERS),
        recipient=pick(rng, lx.RECIPIENTS),
        hub=pick(rng, lx.HUBS),
        end_use=pick(rng, lx.END_USES),
        firms=firms,
        bases=[pick(rng, lx.BASES) for _ in firms],
        goods=rng.sample(lx.GOODS, count),
        minister=names.person(rng),
        expert=names.person(rng, "senior fellow"),
        org=names.organisation(rng),
        year=between(rng, 2019, 2026),
        share=between(rng, 35, 91),
        value=between(rng, 40, 900),
        conflict=rng.random() < 0.4,  # 40%: independent origins disagree on the share
        weekday=event_weekday(rng),
        said=quote(rng),
        offset=between(rng, 0, 3),
    )


def story_facts(c: Cast) -> StoryFacts:
    facts = StoryFacts(kind="export", title="", date="")
    facts.claims = {
        "share": f"share of {c.recipient}'s {c.goods[0][0]} imports from {c.firms[0].base}",
        "value": f"value of {c.goods[0][0]} {c.firms[0].base} shipped",
    }
    similar = draw_similar(c.recipient, c.share, c.value, c.year)
    if similar is not None:
        facts.claims.update(
            similar_claims(similar, c.recipient, c.goods[0][0], c.firms[0].base, c.year))
    for i, firm in enumerate(c.firms):
        facts.entities[firm.base] = firm.forms()
        facts.supplies.append(
            Supply(f"supply{i}", firm.base, c.recipient, c.goods[i][0], c.end_use)
        )
    facts.people = [c.minister.name, c.expert.name]
    return facts


def lead(c: Cast, v: int) -> Para:
    country, adjective, _ = c.accuser
    who = (f"{adjective} officials", f"The government of {country}", f"Officials in {country}")[v]
    number, goods = lx.NUMBER_WORDS[len(c.firms) - 2], join([g[0] for g in c.goods])
    return Para(
        "lead",
        (
            f"{who} on {c.weekday} accused {number} companies of supplying {goods} to "
            f"{c.recipient}, saying the equipment was used to build {c.end_use}.",
            f"{who} has named {number} firms it says sold {goods} to {c.recipient} for use in "
            f"{c.end_use}.",
            f"{goods[0].upper() + goods[1:]} sold by {number} foreign firms have ended up in "
            f"{c.recipient}'s {c.end_use}, {who.lower()} said.",
        )[v],
    )


def naming(c: Cast, v: int) -> Para:
    m = c.minister
    named = list(zip(c.firms, c.bases, strict=True))
    named = named[v % len(named) :] + named[: v % len(named)]  # each wording its own order
    form = ("{} of {}", "{} ({})", "{}, based in {}")[v]
    legal = join([form.format(f.legal, b) for f, b in named])
    text = (
        f"{m.title} {m.name} named {legal} as the main suppliers in a report tabled in parliament.",
        f"The report, presented by {m.title.lower()} {m.name}, lists {legal}.",
        f"In a report released by {m.title} {m.name}, the suppliers are identified as {legal}.",
    )[v]
    wrong = (f"{m.title} {m.name}", f"{m.wrong_title} {m.name}", "title")
    return Para("naming", text, change=wrong if v != 1 else None)


def supplies(c: Cast, v: int, origin: int) -> list[Para]:
    paras = []
    for i, firm in enumerate(c.firms):
        hedged = (origin + i) % 3 == 0
        verb = "was likely supplying" if hedged else ("supplied", "sold", "shipped")[v]
        route = (
            f"through a trading house in {c.hub}",
            f"via intermediaries in {c.hub}",
            f"routed through {c.hub}",
        )[v]
        goods = c.goods[i][0]
        paras.append(
            Para(
                f"supply{i}",
                (
                    f"Officials said {firm.short} {verb} {goods} to {c.recipient} {route}."
                    if v != 2
                    else f"{firm.base} {verb} {goods} to {c.recipient} {route}, according to "
                    "the report."
                ),
            )
        )
    return paras


def share(c: Cast, v: int, origin: int) -> Para:
    q, firm, (goods, short) = percent(c.share, origin, c.conflict), c.firms[0], c.goods[0]
    text = (
        f"According to the report, {q} of the {goods} {c.recipient} imported in {c.year} came "
        f"from {firm.short}.",
        f"The report says {q} of {c.recipient}'s {goods} imports in {c.year} were traced to "
        f"{firm.base}.",
        f"{firm.short} accounted for {q} of the {short} {c.recipient} bought abroad in "
        f"{c.year}, the report found.",
    )[v]
    return Para("share", text, claim="share", value=q)


def denial(c: Cast, v: int) -> Para:
    firm = c.firms[0]
    return Para(
        "denial",
        (
            f"{firm.base} said in a statement that it follows every export rule and had never "
            f"knowingly sold to buyers in {c.recipient}.",
            f"A spokesperson for {firm.short} denied any wrongdoing and said the company had no "
            f"customers in {c.recipient}.",
            f"{firm.short} rejected the findings, saying its sales comply with the law.",
        )[v],
    )


def own_facts(c: Cast, rng: random.Random, origin: int) -> list[Para]:
    """Facts only one origin reports (single-source in the gold when others exist)."""
    if origin == 0:
        # the gold value carries the text's own qualifier ("an estimated" = about): the
        # gold once gave the bare "$X million", which no reader would take for exact
        value = f"an estimated ${c.value} million"
        return [
            Para(
                "value",
                f"{c.firms[0].short} shipped {c.goods[0][1]} worth {value} "
                f"between {c.year - 2} and {c.year}, the report said.",
                "value",
                value,
            ),
            Para(
                "warned",
                f"Officials said the companies had been warned in {c.year - 1} that "
                f"their goods were being diverted.",
                change=("had been warned", "had not been warned", "negation"),
            ),
        ]
    if origin == 1:
        return [
            Para("expert", f'"{quote(rng)}," said {c.expert.name}, a senior fellow at the {c.org}.')
        ]
    return []


def export_event(rng: random.Random, n_origins: int, shared: list[names.Company]) -> Event:
    c = draw_cast(rng)
    country, _, capital = c.accuser
    origins: Origins = []
    similar = draw_similar(c.recipient, c.share, c.value, c.year)
    for o in range(n_origins):
        v = variant(c.offset, o)
        extra = [] if similar is None else similar_paras(
            similar, (c.firms[0].short, c.firms[0].base), c.goods[0], c.recipient, c.year, v, o)
        paras = [
            lead(c, v),
            naming(c, v),
            *supplies(c, v, o),
            share(c, v, o),
            *extra,
            denial(c, v),
            *own_facts(c, rng, o),
            Para("quote", f'"{c.said}," {c.minister.last} told reporters in {capital}.'),
            *backgrounds(rng, o),
        ]
        title = (
            f"{country} accuses {len(c.firms)} firms of supplying {c.recipient}'s {c.end_use}",
            f"{country} names suppliers behind {c.recipient}'s {c.end_use}",
            f"Foreign parts traced in {c.recipient}'s {c.end_use}, {country} says",
        )[v]
        origins.append((title, shuffle_tail(rng, paras, 2)))
    return Event(story_facts(c), origins, c.firms)
