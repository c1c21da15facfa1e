"""Factories of invented news texts for the provenance tests (no third-party text).

An ``Event`` fixes the names and numbers of one invented event; ``event_sentences``
writes distinct statements about it. Shared material (site chrome, a stock quote, a
background paragraph) is what can link texts of *different* events.
"""

from __future__ import annotations

from dataclasses import dataclass

from wirecheck.model import Article, stable_id

CHROME = "Sign up for our morning newsletter and never miss a story from the region."
STOCK_QUOTE = (
    '"We will not hesitate to act against anyone who undermines the rules-based order '
    'and the security of our partners," the spokesperson said.'
)
BACKGROUND = (
    "The export control regime was tightened two years ago after a series of disputed "
    "shipments through third countries. Critics say enforcement has been patchy and that "
    "many small traders are able to route goods through shell companies. Lawmakers have "
    "repeatedly asked for more inspectors at the main ports and airports."
)


@dataclass(frozen=True)
class Event:
    company: str
    city: str
    country: str
    person: str
    goods: str
    amount: int
    share: int
    weekday: str = "Tuesday"


EVENT_A = Event("Kestrel Dynamics", "Valmora", "Dovania", "Ilse Markovic", "gyroscopes", 45, 62)
EVENT_B = Event("Ostrel Holdings", "Carrow", "Brennia", "Tomas Vidal", "fibre lasers", 120, 38)

_TEMPLATES = [
    "Authorities in {country} said on {weekday} that {company} had shipped {goods} worth "
    "{amount} million dollars to a blacklisted buyer.",
    "Investigators in {city} said the {goods} were declared as spare parts for farm machinery.",
    "{person}, who leads the customs inquiry, said {company} accounted for {share} percent of "
    "such exports last year.",
    "{company} denied any wrongdoing and said it had always followed the law in {country}.",
    "Officials in {city} said the cargo passed through at least two intermediaries before it "
    "left the port.",
    "The inquiry led by {person} is expected to report its findings to parliament next month.",
    "Shares of {company} fell sharply in {city} trading after the announcement.",
    "Prosecutors in {country} are weighing charges against three managers of {company}.",
    "According to the customs data, the {goods} left {city} in eleven separate consignments.",
    "{person} said the penalties could reach twice the value of the {goods} shipped.",
]
_REWRITES = [
    "{company} sent {goods} valued at {amount} million dollars to a buyer on a blacklist, "
    "{country}'s authorities announced {weekday}.",
    "The {goods} had been registered as replacement parts for agricultural machines, according "
    "to investigators in {city}.",
    "Last year {company} was responsible for {share} percent of those exports, said {person}, "
    "the head of the customs investigation.",
    "Rejecting the accusations, {company} insisted it had never broken any {country} law.",
    "Before leaving the harbour, the shipment went through no fewer than two middlemen, "
    "{city} officials stated.",
    "Parliament should receive the conclusions of the investigation headed by {person} within "
    "a month.",
    "Following the news, the stock of {company} dropped steeply on the {city} exchange.",
    "Criminal charges against three {company} executives are being considered by {country} "
    "prosecutors.",
    "Customs records show the {goods} were sent from {city} in eleven distinct shipments.",
    "Fines may amount to double the worth of the shipped {goods}, {person} warned.",
]


_SYNONYMS = {
    "said": "stated",
    "shipped": "sent",
    "sharply": "steeply",
    "expected": "due",
    "declared": "listed",
    "penalties": "fines",
    "weighing": "considering",
}


def synonyms(text: str) -> str:
    """Swap a few words for synonyms (a light rewrite that keeps most of the wording)."""
    return " ".join(_SYNONYMS.get(w, w) for w in text.split(" "))


def light_rewrite(event: Event, order: list[int]) -> list[str]:
    """Paragraphs reordered; every other one reworded deeply, the rest with synonyms."""
    return [
        event_sentences(event, [i], rewrite=True)[0]
        if k % 2
        else synonyms(event_sentences(event, [i])[0])
        for k, i in enumerate(order)
    ]


def event_sentences(event: Event, idx: list[int], rewrite: bool = False) -> list[str]:
    table = _REWRITES if rewrite else _TEMPLATES
    return [table[i].format(**event.__dict__) for i in idx]


def article(
    key: str,
    paragraphs: list[str],
    date: str | None = "2025-03-04",
    outlet: str | None = None,
    title: str | None = None,
) -> Article:
    body = "\n\n".join(paragraphs)
    return Article(
        id=stable_id("a", key, body),
        source=f"{key}.txt",
        title=title or key,
        date=date,
        outlet=outlet,
        body=body,
    )


def test_templates_fill_every_slot() -> None:
    for table in (_TEMPLATES, _REWRITES):
        for i in range(len(table)):
            text = event_sentences(EVENT_A, [i], rewrite=table is _REWRITES)[0]
            assert "{" not in text and len(text) > 40
