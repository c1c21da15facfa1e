"""The goods taxonomy data file: well-formed, unambiguous, and normalising surface wordings."""

from __future__ import annotations

from importlib import resources

import pytest
import yaml

from wirecheck.extract.goods import fold, goods_category, load_taxonomy, split_words


def _data() -> dict[str, object]:
    text = resources.files("wirecheck.data").joinpath("goods_taxonomy.yaml").read_text("utf-8")
    data: dict[str, object] = yaml.safe_load(text)
    return data


def test_taxonomy_is_versioned_with_sources_and_honest_tiers() -> None:
    data = _data()
    assert data["version"] == 1 and data["sources"]
    categories = data["categories"]
    assert isinstance(categories, dict)
    for cid, cat in categories.items():
        assert cat["synonyms"], cid
        assert cat["chpl_confidence"] in ("sure", "unsure", "none"), cid
        assert "hs" in cat, cid


def test_no_synonym_belongs_to_two_categories() -> None:
    categories = _data()["categories"]
    assert isinstance(categories, dict)
    owners: dict[str, set[str]] = {}
    for cid, cat in categories.items():
        for synonym in cat["synonyms"]:
            owners.setdefault(" ".join(split_words(synonym)), set()).add(cid)
    assert {s: c for s, c in owners.items() if len(c) > 1} == {}


@pytest.mark.parametrize(
    ("surface", "category"),
    [
        ("Chips", "microelectronics"),
        ("semiconductors", "microelectronics"),
        ("machine-tool", "machine_tools"),
        ("drone engines", "uav_engines"),
        ("UAV engines", "uav_engines"),
        ("cruise missile turbojet engines", "turbojet_engines"),
        ("military optics", "optics"),
        ("thermal imagers", "optics"),
        ("satellite imagery", "satellite_imagery"),
        ("nitrocellulose", "nitrocellulose"),
        ("tanks", None),
    ],
)
def test_surface_goods_normalise(surface: str, category: str | None) -> None:
    assert goods_category(surface) == category


def test_longest_match_and_plural_fold() -> None:
    lexicon = load_taxonomy().goods
    text = "shipped cruise missile turbojet engines and bearings"
    words = [fold(w) for w in text.split(" ")]
    assert [(m.start, m.end, m.value) for m in lexicon.find(words)] == [
        (1, 5, "turbojet_engines"),
        (6, 7, "ball_bearings"),
    ]
    assert fold("microelectronics") == "microelectronics" and fold("batteries") == "battery"
