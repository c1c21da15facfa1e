"""The synthetic corpus generator: deterministic, exact in size, and its gold matches its texts."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from wirecheck.evaluate import load_gold
from wirecheck.synth import build_gold, generate
from wirecheck.synth.generate import key_of


def _shingles(text: str, k: int = 5) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i : i + k]) for i in range(len(words) - k + 1)}


def _jaccard(a: str, b: str) -> float:
    x, y = _shingles(a), _shingles(b)
    return len(x & y) / max(1, len(x | y))


def _containment(source: str, derived: str) -> float:
    x = _shingles(source)
    return len(x & _shingles(derived)) / max(1, len(x))


@pytest.fixture(scope="module")
def corpus() -> tuple[dict[str, str], dict[str, Any]]:
    texts, gold = generate(600, seed=11)
    return {key_of(name): text for name, text in texts}, gold


def test_same_seed_same_corpus_other_seed_other_corpus() -> None:
    first, gold_a = generate(120, seed=3)
    second, gold_b = generate(120, seed=3)
    assert list(first) == list(second)
    assert gold_a == gold_b
    other, _ = generate(120, seed=4)
    assert [t for _, t in generate(120, seed=3)[0]] != [t for _, t in other]


def test_exact_size_unique_keys_and_sharding() -> None:
    texts, gold = generate(2_345, seed=1)
    names = [name for name, _ in texts]
    assert len(names) == len(set(names)) == 2_345
    assert {key_of(n) for n in names} == set(gold["articles"])
    assert Counter(n.split("/")[0] for n in names)["0000"] == 1_000
    assert build_gold(2_345, seed=1) == gold


def test_stories_families_and_origin_counts_agree(corpus: tuple[dict[str, str], Any]) -> None:
    texts, gold = corpus
    story = gold["story"]
    assert sorted(k for c in story["clusters"] for k in c) == sorted(texts)
    families = [set(f) for f in story["families"]]
    for cluster, origins in zip(story["clusters"], story["independent_origins"], strict=True):
        inside = [f for f in families if f <= set(cluster)]
        assert set().union(*inside) == set(cluster)
        assert len(inside) == origins
    assert max(story["independent_origins"]) >= 3  # multi-origin stories exist
    kinds = Counter(a["form"] for a in gold["articles"].values())
    assert {"original", "copy", "excerpt", "rewrite", "summary"} <= set(kinds)


def test_copies_and_excerpts_carry_their_source_verbatim(
    corpus: tuple[dict[str, str], Any],
) -> None:
    texts, gold = corpus
    for edge in gold["derivations"]:
        source_body = texts[edge["source"]].split("\n\n", 1)[1].strip()
        derived = texts[edge["derived"]]
        if edge["kind"] == "copy":
            assert source_body in derived
        elif edge["kind"] == "excerpt":
            first = source_body.split("\n\n")[0]
            assert first in derived and source_body not in derived


def test_independent_origins_share_few_word_runs_copies_share_most(
    corpus: tuple[dict[str, str], Any],
) -> None:
    texts, gold = corpus
    originals = {}
    for key, art in gold["articles"].items():
        if art["form"] == "original":
            originals.setdefault(art["story"], []).append(key)
    pairs = [(a, b) for keys in originals.values() for a, b in pairwise(keys)]
    assert len(pairs) > 20
    independent = sorted(_jaccard(texts[a], texts[b]) for a, b in pairs)
    contained = [
        _containment(texts[e["source"]].split("\n\n", 1)[1], texts[e["derived"]])
        for e in gold["derivations"]
        if e["kind"] == "copy"
    ]
    assert independent[len(independent) // 2] < 0.2
    assert min(contained) > 0.95


def test_gold_lines_values_and_changes_are_in_the_texts(
    corpus: tuple[dict[str, str], Any],
) -> None:
    texts, gold = corpus
    for key, lines in gold["boilerplate"].items():
        if key in ("captions", "derived_summary"):
            continue
        assert all(line in texts[key] for line in lines), key
    for key, lines in gold["boilerplate"]["derived_summary"].items():
        assert all(line in texts[key] for line in lines)
    for claim in gold["quantitative_claims"]:
        assert all(value in texts[key] for key, value in claim["values"].items()), claim
    assert gold["introduced_errors"]
    for err in gold["introduced_errors"]:
        assert err["text"] in texts[err["article"]]
        assert err["text"] not in texts[err["origin"]]
    for fact in gold["single_source_facts"]:
        assert fact["fact"] in texts[fact["article"]]


def test_supply_relations_hedges_and_conflicts(corpus: tuple[dict[str, str], Any]) -> None:
    texts, gold = corpus
    entities = gold["entities"]
    for rel in gold["supply_relations"]:
        forms = entities[rel["supplier"]]
        for key in rel["in"]:
            assert any(f in texts[key] for f in forms) and rel["recipient"] in texts[key]
        assert all("likely" in texts[k] for k in rel["hedge_in"])
    statuses = Counter(c["status"] for c in gold["quantitative_claims"])
    assert statuses["conflict"] > 0 and statuses["corroborated"] > 0
    for claim in gold["quantitative_claims"]:
        if claim["status"] == "conflict":
            values = " ".join(claim["values"].values())
            assert "nearly" in values and "more than" in values
            assert claim["finding"].startswith("CONFLICT between '")  # the seed gold's form


def test_hard_negatives_share_chrome_and_entities_across_stories(
    corpus: tuple[dict[str, str], Any],
) -> None:
    texts, gold = corpus
    story_of = {k: a["story"] for k, a in gold["articles"].items()}
    line_stories: dict[str, set[int]] = {}
    for key, lines in gold["boilerplate"].items():
        if key not in ("captions", "derived_summary"):
            for line in lines:
                line_stories.setdefault(line, set()).add(story_of[key])
    assert max(len(s) for s in line_stories.values()) >= 10
    kinds = {s["index"]: s["kind"] for s in gold["stories"]}
    shared = [
        name
        for name, forms in gold["entities"].items()
        if name != "people" and len({story_of[k] for k, t in texts.items() if forms[0] in t}) > 1
    ]
    assert shared and "plant" in kinds.values()


def test_cli_writes_files_and_a_loadable_gold(tmp_path: Path) -> None:
    from wirecheck.cli import app

    out = tmp_path / "corpus"
    result = CliRunner().invoke(app, ["synth", "1500", "--out", str(out), "--seed", "7"])
    assert result.exit_code == 0, result.output
    files = sorted(out.rglob("*.txt"))
    assert len(files) == 1500 and {p.parent.name for p in files} == {"0000", "0001"}
    gold = load_gold(out / "gold.yaml")
    texts, expected = generate(1500, seed=7)
    assert gold == expected
    small = tmp_path / "small"
    assert CliRunner().invoke(app, ["synth", "12", "--out", str(small)]).exit_code == 0
    assert yaml.safe_load((small / "gold.yaml").read_text()) == generate(12, seed=0)[1]
    name, text = next(texts)
    assert (out / name).read_text() == text
    again = CliRunner().invoke(app, ["synth", "10", "--out", str(out)])
    assert again.exit_code == 2


def test_independent_originals_of_a_story_have_distinct_outlets() -> None:
    # one outlet's two texts are one origin, so gold may not count them as two
    from wirecheck.synth.generate import _State, make_story

    state, multi = _State(), 0
    for index in range(400):
        _, docs = make_story(5, index, state)
        outlets = [d.outlet for d in docs if d.kind == "original"]
        assert len(outlets) == len(set(outlets)), outlets
        multi += len(outlets) > 1
    assert multi > 50


# English names by date.weekday(), whatever the locale (strftime("%A") follows it)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def test_a_weekday_the_text_names_is_its_story_date(
    corpus: tuple[dict[str, str], dict[str, Any]],
) -> None:
    """An original's "on Tuesday" is the weekday of its story's date (it was drawn at
    random: a weekday resolved against a copy's date fell up to six days off)."""
    texts, gold = corpus
    story_date = {k: gold["stories"][a["story"]]["date"] for k, a in gold["articles"].items()}
    named = 0
    for key, article in gold["articles"].items():
        if article["form"] != "original":
            continue
        for weekday in re.findall(rf"\bon ({'|'.join(WEEKDAYS)})\b", texts[key]):
            named += 1
            assert weekday == WEEKDAYS[date.fromisoformat(story_date[key]).weekday()], key
    assert named >= 20
