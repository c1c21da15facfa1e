"""Generator of the screening benchmark's list and queries (see bench_screen.py)."""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass
from pathlib import Path

from wirecheck.model import ListEntry

SYLLABLES = [
    "an",
    "bao",
    "chang",
    "cheng",
    "da",
    "de",
    "dong",
    "fang",
    "feng",
    "guang",
    "hai",
    "hao",
    "hua",
    "jia",
    "jian",
    "jin",
    "kai",
    "long",
    "ming",
    "nan",
    "peng",
    "qiang",
    "rong",
    "sheng",
    "tai",
    "tian",
    "tong",
    "wei",
    "xiang",
    "xin",
    "xing",
    "yang",
    "yao",
    "yi",
    "yuan",
    "zhong",
    "zhi",
]
HAN = "安宝昌成达德东方丰光海浩华佳建金凯龙明南鹏强荣盛泰天通伟祥新兴扬耀益远中志"
RU_ROOTS = [
    "volg",
    "ural",
    "sib",
    "tekh",
    "prom",
    "energ",
    "avia",
    "radio",
    "elektr",
    "khim",
    "mash",
    "stal",
    "neft",
    "gaz",
    "opt",
]
RU_ENDS = ["o", "-tekh", "-prom", "-servis", "-invest", "-trans", "-snab", "-komplekt"]
CITIES = [
    "Harbin",
    "Tianjin",
    "Chengdu",
    "Shenzhen",
    "Kazan",
    "Tula",
    "Perm",
    "Ufa",
    "Minsk",
    "Omsk",
    "Samara",
    "Xiamen",
]
GENERIC = [
    "Technology",
    "Electronics",
    "Optics",
    "Precision",
    "Instruments",
    "Machinery",
    "Trading",
    "Industrial",
    "Engineering",
    "Systems",
    "Materials",
    "Components",
    "Logistics",
    "Semiconductor",
    "Aviation",
]
LEGAL = ["Co., Ltd.", "Ltd", "LLC", "JSC", "Group", "Corporation", "Co.", ""]
FIRST = [
    "Sergey",
    "Aleksandr",
    "Dmitry",
    "Mikhail",
    "Ivan",
    "Pavel",
    "Nikolai",
    "Andrei",
    "Oleg",
    "Yuri",
    "Viktor",
    "Igor",
]
LAST = [
    "Ivanov",
    "Petrov",
    "Sokolov",
    "Volkov",
    "Morozov",
    "Lebedev",
    "Kozlov",
    "Novikov",
    "Orlov",
    "Belov",
    "Gusev",
]
TARGET_LAST = ["Zaitsev", "Karpenko", "Gromov", "Shubin", "Tarasov", "Yermakov", "Frolov"]
PATRONYMIC = ["Sergeyevich", "Ivanovich", "Petrovich", "Olegovich", "Viktorovich", "Pavlovich"]
CYR = dict(
    zip("abvgdezijklmnoprstufhc", "абвгдезийклмнопрстуфхц", strict=True),
    **{"sh": "ш", "ch": "ч", "kh": "х", "y": "ы", "ya": "я", "yu": "ю", "zh": "ж"},
)


def to_cyrillic(text: str) -> str:
    out, i = [], 0
    while i < len(text):
        pair = text[i : i + 2].lower()
        if pair in CYR:
            out.append(CYR[pair])
            i += 2
            continue
        out.append(CYR.get(text[i].lower(), text[i]))
        i += 1
    return "".join(out).title()


def coined(rng: random.Random, avoid: set[str] | frozenset[str] = frozenset()) -> str:
    """A made-up distinctive word: two or three pinyin syllables, or Russian-style roots."""
    while True:
        if rng.random() < 0.5:
            word = "".join(rng.sample(SYLLABLES, rng.choice((2, 3))))
        else:
            roots = rng.sample(RU_ROOTS, rng.choice((1, 2)))
            word = "".join(roots) + rng.choice(RU_ENDS).strip("-")
        if word.title() not in avoid:
            return word.title()


def company(rng: random.Random, avoid: set[str], city: str | None = None) -> str:
    parts = [
        city or rng.choice(CITIES),
        coined(rng, avoid),
        *rng.sample(GENERIC, rng.randint(1, 2)),
    ]
    return " ".join([*parts, rng.choice(LEGAL)]).strip()


def person(rng: random.Random) -> str:
    return f"{rng.choice(LAST)} {rng.choice(FIRST)} {rng.choice(PATRONYMIC)}"


def typo(rng: random.Random, word: str) -> str:
    """One letter dropped from a word of five letters or more (shorter words stay intact)."""
    if len(word) < 5:
        return word
    pos = rng.randrange(1, len(word) - 1)
    return word[:pos] + word[pos + 1 :]


@dataclass
class Query:
    name: str
    is_person: bool
    target: str | None  # entry id that must be found, None for negative queries
    variant: str


def _target(rng: random.Random, n: int, used: set[str]) -> tuple[ListEntry, list[Query]]:
    kind = n % 5
    eid = f"target-{n}"
    city, word = rng.choice(CITIES), coined(rng, used)
    used.add(word)
    generic = rng.choice(GENERIC)
    latin = f"{city} {word} {generic}"
    if kind == 0:  # legal form, case, order, typo
        entry = ListEntry(list="bench", id=eid, schema="Company", name=f"{latin} Co., Ltd.")
        variants = {
            "no legal form": latin,
            "case": latin.upper(),
            "order": f"{word} {generic} {city}",
            "typo": f"{city} {typo(rng, word)} {generic}",
        }
    elif kind == 1:  # Cyrillic entry, Latin query
        entry = ListEntry(
            list="bench",
            id=eid,
            schema="Company",
            name=f"ООО {to_cyrillic(word)}",
            countries=["ru"],
        )
        from rigour.text.translit import ascii_text

        variants = {"transliteration": ascii_text(entry.name)}
    elif kind == 2:  # Chinese-script entry, pinyin query (spaced and joined syllables)
        han = "".join(rng.sample(HAN, 4))
        used.update((han, _romanised(han)))
        entry = ListEntry(list="bench", id=eid, schema="Company", name=f"{han}有限公司")
        from rigour.text.translit import ascii_text

        syll = ascii_text(han).split()
        variants = {
            "pinyin": " ".join(syll).title(),
            "pinyin joined": f"{syll[0]}{syll[1]} {syll[2]}{syll[3]}".title(),
        }
    elif kind == 3:  # alias only
        alias = f"{word} {generic} Holding"
        entry = ListEntry(
            list="bench", id=eid, schema="Company", name=f"{latin} JSC", aliases=[alias]
        )
        variants = {"alias": alias}
    else:  # person with patronymic
        while True:  # target people have distinct given name + surname pairs
            last, first = rng.choice(TARGET_LAST), rng.choice(FIRST)
            if f"{last} {first}" not in used:
                break
        used.add(f"{last} {first}")
        patro = rng.choice(PATRONYMIC)
        entry = ListEntry(
            list="bench",
            id=eid,
            schema="Person",
            name=f"{last} {first} {patro}",
            aliases=[to_cyrillic(f"{last} {first}")],
        )
        variants = {"person order": f"{first} {last}", "person full": f"{first} {patro} {last}"}
    is_person = entry.schema_ == "Person"
    return entry, [Query(v, is_person, eid, k) for k, v in variants.items()]


def _negatives(
    rng: random.Random, target: ListEntry, count: int, used: set[str]
) -> list[ListEntry]:
    """Entries sharing the target's city or generic words (or surname) but not its name."""
    out = []
    tokens = target.name.split()
    for i in range(count):
        if target.schema_ == "Person":
            first = rng.choice([f for f in FIRST if f != tokens[1]])
            name = f"{tokens[0]} {first} {rng.choice(PATRONYMIC)}"
        else:
            name = company(rng, used, city=tokens[0] if tokens[0] in CITIES else None)
        out.append(
            ListEntry(list="bench", id=f"{target.id}-neg{i}", schema=target.schema_, name=name)
        )
    return out


def _romanised(han: str) -> str:
    from rigour.text.translit import ascii_text

    return "".join(ascii_text(han).split()).title()


def _filler(rng: random.Random, n: int, used: set[str]) -> ListEntry:
    roll = rng.random()
    if roll < 0.55:
        return ListEntry(list="bench", id=f"c{n}", schema="Company", name=company(rng, used))
    if roll < 0.7:
        name = f"ООО {to_cyrillic(coined(rng, used))}"
        return ListEntry(list="bench", id=f"r{n}", schema="Company", name=name)
    if roll < 0.8:
        han = "".join(rng.sample(HAN, rng.randint(2, 4)))
        if han in used or _romanised(han) in used:  # a target, or a target's word in pinyin
            return ListEntry(list="bench", id=f"p{n}", schema="Person", name=person(rng))
        return ListEntry(list="bench", id=f"h{n}", schema="Company", name=han + "有限公司")
    return ListEntry(list="bench", id=f"p{n}", schema="Person", name=person(rng))


def generate(size: int, targets: int, seed: int = 7) -> tuple[list[ListEntry], list[Query]]:
    """``size`` entries (distinct names) with ``targets`` true targets; target and negative
    queries. Targets' distinctive words are used nowhere else; negative queries use words that
    are on no entry."""
    rng = random.Random(seed)
    used: set[str] = set()
    entries: list[ListEntry] = []
    queries: list[Query] = []
    for n in range(targets):
        entry, qs = _target(rng, n, used)
        entries.append(entry)
        entries += _negatives(rng, entry, 20, used)
        queries += qs
    names = {e.name for e in entries}
    while len(entries) < size:
        entry = _filler(rng, len(entries), used)
        if entry.name not in names:
            names.add(entry.name)
            entries.append(entry)
    words = {tok for name in names for tok in name.split()}
    for _ in range(len(queries)):
        queries.append(Query(company(rng, used | words), False, None, "negative"))
    return entries, queries


SIMPLE_COLUMNS = ["id", "schema", "name", "aliases", "countries", "sanctions", "dataset"]


def write_simple_csv(entries: list[ListEntry], path: Path) -> None:
    """``entries`` as an OpenSanctions ``targets.simple.csv`` file (the columns the reader uses)."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(SIMPLE_COLUMNS)
        for e in entries:
            values = [";".join(e.aliases), ";".join(e.countries), ";".join(e.programs)]
            writer.writerow([e.id, e.schema_, e.name, *values, "bench"])
