"""Business and labour stories: a port strike, an acquisition, a plant opening.

They carry quantities (compatible roundings across origins), quotes and entities, and the
plant opening reuses a company an export story accused: same entity, different event.
"""

from __future__ import annotations

import random

from wirecheck.synth import lexicon as lx
from wirecheck.synth import names
from wirecheck.synth.names import between, pick
from wirecheck.synth.prose import (
    Event,
    Origins,
    approx,
    backgrounds,
    event_weekday,
    quote,
    shuffle_tail,
    variant,
)
from wirecheck.synth.records import Para, StoryFacts


def strike_event(rng: random.Random, n_origins: int, shared: list[names.Company]) -> Event:
    country, cargo = pick(rng, lx.PORT_COUNTRIES), pick(rng, lx.CARGOES)
    port = f"{pick(rng, lx.PORT_NAMES)} {names.word(rng)}"
    weekday, offset = event_weekday(rng), between(rng, 0, 3)
    operator = names.company(rng, lx.LOGISTICS_SECTORS)
    union = f"{port} {pick(rng, ('Port Workers', 'Dockers', 'Stevedores'))} Union"
    leader, minister = names.person(rng, "union president"), names.person(rng, "Labour Minister")
    workers, pay, ships = between(rng, 3, 40) * 100, between(rng, 3, 12), between(rng, 6, 30)
    facts = StoryFacts(
        kind="strike",
        title="",
        date="",
        people=[leader.name, minister.name],
        entities={operator.base: operator.forms(), union: [union]},
        claims={
            "pay": f"pay rise offered by {operator.base}",
            "workers": f"{union} members on strike",
        },
    )
    origins: Origins = []
    for o in range(n_origins):
        v, offer = variant(offset, o), approx(f"{pay}%", o)
        paras = [
            Para(
                "lead",
                (
                    f"Dockworkers at the port of {port} in {country} walked off the job on "
                    f"{weekday}, halting the loading of {cargo}.",
                    f"A strike at the port of {port} in {country} has stopped shipments of "
                    f"{cargo}.",
                    f"Loading of {cargo} at {port}, {country}, came to a halt as dockworkers "
                    f"struck over pay.",
                )[v],
            ),
            Para(
                "pay",
                (
                    f"Terminal operator {operator.legal} said it had offered a pay rise of "
                    f"{offer}.",
                    f"{operator.base} has put a wage increase of {offer} on the table.",
                    f"The operator, {operator.base}, offered {offer} more pay.",
                )[v],
                "pay",
                offer,
            ),
            Para("leader", f'"{quote(rng)}," {leader.title} {leader.name} said.'),
            Para(
                "minister",
                f"{minister.title} {minister.name} urged both sides to return to talks.",
                change=(minister.title, "Prime Minister", "title"),
            ),
            *backgrounds(rng, o),
        ]
        if o == 0:
            paras.append(
                Para(
                    "workers",
                    f"The {union} said about {workers:,} members joined the strike.",
                    "workers",
                    f"about {workers:,}",
                )
            )
            paras.append(Para("ships", f"At least {ships} ships were waiting offshore."))
        title = (
            f"Dockworkers strike at {port}, halting {cargo} exports",
            f"{port} port strike stops {cargo} shipments",
            f"Strike at {country}'s {port} port enters talks stage",
        )[v]
        origins.append((title, shuffle_tail(rng, paras, 1)))
    return Event(facts, origins, [operator])


def deal_event(rng: random.Random, n_origins: int, shared: list[names.Company]) -> Event:
    buyer, seller = names.companies(rng, 2, lx.RESOURCE_SECTORS)
    mineral, country = pick(rng, lx.MINERALS), pick(rng, lx.PORT_COUNTRIES)
    project, ceo, offset = names.word(rng), names.person(rng, "chief executive"), between(rng, 0, 3)
    price, stake, start = between(rng, 50, 900), between(rng, 5, 30), between(rng, 2026, 2031)
    facts = StoryFacts(
        kind="deal",
        title="",
        date="",
        people=[ceo.name],
        entities={buyer.base: buyer.forms(), seller.base: seller.forms()},
        claims={
            "price": f"price {buyer.base} pays for {project}",
            "stake": f"stake {seller.base} keeps",
        },
    )
    origins: Origins = []
    for o in range(n_origins):
        v, p = variant(offset, o), approx(f"${price} million", o)
        paras = [
            Para(
                "lead",
                (
                    f"{buyer.legal} agreed to buy the {project} {mineral} project in {country} "
                    f"from {seller.base} for {p}.",
                    f"{seller.base} has sold its {project} {mineral} project in {country} to "
                    f"{buyer.base} in a deal worth {p}.",
                    f"{buyer.base} will pay {p} for {seller.base}'s {project} {mineral} project "
                    f"in {country}.",
                )[v],
                "price",
                p,
            ),
            Para("ceo", f'"{quote(rng)}," {buyer.short} {ceo.title} {ceo.name} said.'),
            Para(
                "start",
                (
                    f"Production at {project} is due to start in {start}.",
                    f"{buyer.short} aims to begin mining at {project} in {start}.",
                    f"First output from {project} is planned for {start}.",
                )[v],
            ),
            *backgrounds(rng, o),
        ]
        if o == 0:
            paras.append(
                Para(
                    "stake",
                    f"{seller.base} will keep a {stake}% stake in the project.",
                    "stake",
                    f"{stake}%",
                )
            )
        title = (
            f"{buyer.base} agrees to buy {country} {mineral} project",
            f"{seller.base} sells {project} {mineral} project to {buyer.short}",
            f"{buyer.short} buys {project} {mineral} project for {p}",
        )[v]
        origins.append((title, shuffle_tail(rng, paras, 1)))
    return Event(facts, origins, [buyer, seller])


def plant_event(rng: random.Random, n_origins: int, shared: list[names.Company]) -> Event:
    """A business story about a company another story accuses: a hard negative for entities."""
    firm = shared[0] if shared else names.company(rng)
    place, ceo, offset = (
        pick(rng, lx.BASES),
        names.person(rng, "chief executive"),
        between(rng, 0, 3),
    )
    cost, jobs = between(rng, 20, 300), between(rng, 1, 20) * 50
    facts = StoryFacts(
        kind="plant",
        title="",
        date="",
        people=[ceo.name],
        entities={firm.base: firm.forms()},
        claims={"cost": f"cost of {firm.base}'s new plant in {place}"},
    )
    origins: Origins = []
    for o in range(n_origins):
        v, c = variant(offset, o), approx(f"${cost} million", o)
        paras = [
            Para(
                "lead",
                (
                    f"{firm.base} opened a new assembly plant in {place}, saying it would double "
                    f"its output of generator engines.",
                    f"{firm.base} has started production at a new factory in {place}.",
                    f"A new {firm.base} plant in {place} began work this week.",
                )[v],
            ),
            Para("cost", f"The plant cost {c} and will employ {jobs} people.", "cost", c),
            Para("ceo", f'"{quote(rng)}," {ceo.title} {ceo.name} said.'),
            *backgrounds(rng, o),
        ]
        title = (
            f"{firm.base} opens plant in {place}",
            f"{firm.short} starts {place} factory",
            f"New {firm.short} factory opens in {place}",
        )[v]
        origins.append((title, shuffle_tail(rng, paras, 1)))
    return Event(facts, origins, [firm])
