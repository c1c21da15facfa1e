"""Similar quantities in one export story: the main supplier's share in an earlier year and
of another importer.

Real coverage gives several shares of one measure in one story (other importers, other
years); only two versions of *the same* share that exclude each other are a conflict. Every
origin states these shares with compatible qualifiers, so the gold marks them corroborated
(or single source), never conflicts: a reader that keys quantities by their measure alone
reports false conflicts here.

Drawn from a generator seeded by the story's cast, so the main random stream (and with it
every other fact of the corpus) is drawn as before.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from wirecheck.synth import lexicon as lx
from wirecheck.synth.records import Para

# Share of export stories that carry the similar shares.
SIMILAR_SHARE_RATE = 0.5


@dataclass(frozen=True)
class Similar:
    """The earlier year's share and another importer's share of the main supplier."""

    prior: int
    other: str
    other_share: int


def draw_similar(recipient: str, share: int, value: int, year: int) -> Similar | None:
    rng = random.Random(f"similar-shares:{recipient}:{share}:{value}:{year}")
    if rng.random() >= SIMILAR_SHARE_RATE:
        return None
    others = [r for r in lx.RECIPIENTS if r != recipient]
    return Similar(prior=_apart(rng, share), other=rng.choice(others),
                   other_share=_apart(rng, share))


def _apart(rng: random.Random, share: int) -> int:
    """A share at least 8 points from the main one (so intervals never overlap by rounding)."""
    low, high = max(10, share - 30), min(95, share + 30)
    choices = [x for x in range(low, high + 1) if abs(x - share) >= 8]
    return rng.choice(choices)


def _qualified(number: int, origin: int) -> str:
    return f"{'about ' if origin % 2 == 0 else ''}{number}%"


def similar_paras(s: Similar, firm: tuple[str, str], goods: tuple[str, str], recipient: str,
                  year: int, v: int, origin: int) -> list[Para]:
    """The two similar shares as one origin writes them (``firm``: short and base name)."""
    short, base = firm
    noun, brief = goods
    prior, other = _qualified(s.prior, origin), _qualified(s.other_share, origin)
    earlier = (
        f"In {year - 1}, {short} had accounted for {prior} of {recipient}'s {noun} imports, "
        "the report said.",
        f"The report puts {base}'s share of {recipient}'s {noun} imports at {prior} in "
        f"{year - 1}.",
        f"A year earlier, in {year - 1}, {prior} of the {brief} {recipient} bought abroad "
        f"were traced to {short}.",
    )[v]
    elsewhere = (
        f"{short} also accounted for {other} of the {noun} {s.other} imported in {year}, "
        "the report said.",
        f"The report says {other} of {s.other}'s {noun} imports in {year} were traced to "
        f"{base} as well.",
        f"In {year}, {other} of {s.other}'s {brief} imports were traced to {short} too, the "
        "report found.",
    )[v]
    return [Para("share_prior", earlier, claim="share_prior", value=prior),
            Para("share_other", elsewhere, claim="share_other", value=other)]


def similar_claims(s: Similar, recipient: str, noun: str, base: str, year: int
                   ) -> dict[str, str]:
    return {
        "share_prior": f"share of {recipient}'s {noun} imports from {base} in {year - 1}",
        "share_other": f"share of {s.other}'s {noun} imports from {base} in {year}",
    }
