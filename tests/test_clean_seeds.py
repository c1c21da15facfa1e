"""Acceptance of the cleaner on the five seed articles, driven by gold.yaml (no copied text)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from conftest import seed_key
from wirecheck.clean.lines import is_bullet, word_count
from wirecheck.model import Article, RemovalReason


def _by_key(articles: list[Article]) -> dict[str, Article]:
    return {seed_key(a): a for a in articles}


def _seed_lines(seeds_dir: Path, key: str) -> list[str]:
    path = next(seeds_dir.glob(f"{key}_*.txt"))
    return [line.strip() for line in path.read_text().splitlines() if line.strip()]


def _gold_boilerplate(gold: dict[str, Any], key: str) -> list[str]:
    lines: list[str] = gold["boilerplate"].get(key, [])
    return [line.strip() for line in lines]


def test_every_seed_is_cleaned(seed_articles: list[Article], gold: dict[str, Any]) -> None:
    assert sorted(_by_key(seed_articles)) == sorted(map(str, gold["articles"]))
    for article in seed_articles:
        assert article.body and article.raw_sha1 and article.id.startswith("a-")


def test_gold_boilerplate_is_removed_with_a_reason(
    seed_articles: list[Article], gold: dict[str, Any]
) -> None:
    articles = _by_key(seed_articles)
    for key, article in articles.items():
        removed = {r.text.strip(): r for r in article.removed}
        body_lines = set(article.body.split("\n\n"))
        for line in _gold_boilerplate(gold, key):
            assert line in removed, f"{key}: gold boilerplate line kept: {line!r}"
            assert removed[line].reason in set(RemovalReason) and removed[line].rule
            assert line not in body_lines


def _accounted(line: str, article: Article, allowed: set[str]) -> bool:
    """A raw line is in the body, or removed for a reason the gold file accepts."""
    if line in article.body or line in allowed:
        return True
    rest = [line[len(b) :].strip() for b in allowed if line.startswith(b)]
    return any(r and r in article.body for r in rest)


def test_no_body_line_is_lost(
    seed_articles: list[Article], gold: dict[str, Any], seeds_dir: Path
) -> None:
    for key, article in _by_key(seed_articles).items():
        allowed = set(_gold_boilerplate(gold, key))
        allowed |= {
            r.text.strip()
            for r in article.removed
            if r.reason in (RemovalReason.CAPTION, RemovalReason.SUMMARY)
            or r.rule in ("title", "repeated-title")
        }
        for line in _seed_lines(seeds_dir, key):
            assert _accounted(line, article, allowed), f"{key}: body line lost: {line[:60]!r}"


def test_title_lines_removed_only_as_the_title(seed_articles: list[Article]) -> None:
    for article in seed_articles:
        for r in article.removed:
            if r.rule in ("title", "repeated-title"):
                assert r.text.strip() == (article.title or "").strip()


def test_summary_is_bullets_under_a_cue_never_a_paragraph(
    seed_articles: list[Article], gold: dict[str, Any]
) -> None:
    assert "derived_summary" in gold["boilerplate"]  # the gold notes a site-made summary
    summaries = {
        seed_key(a): [r for r in a.removed if r.reason == RemovalReason.SUMMARY]
        for a in seed_articles
    }
    assert sum(1 for lines in summaries.values() if len(lines) >= 3) == 1
    for lines in summaries.values():
        assert all(is_bullet(r.text) or word_count(r.text) <= 4 for r in lines)
    for article in seed_articles:
        assert not any(is_bullet(line) for line in article.body.split("\n\n"))


def test_photo_captions_removed_as_captions(
    seed_articles: list[Article], gold: dict[str, Any]
) -> None:
    articles = _by_key(seed_articles)
    for key, count in gold["boilerplate"]["captions"].items():
        captions = [r for r in articles[key].removed if r.reason == RemovalReason.CAPTION]
        assert len(captions) == count
        assert all(r.text not in articles[key].body for r in captions)
    for key, article in articles.items():
        if key not in gold["boilerplate"]["captions"]:
            assert not [r for r in article.removed if r.reason == RemovalReason.CAPTION]


def test_dates_match_gold(seed_articles: list[Article], gold: dict[str, Any]) -> None:
    expected = {k: str(v) for k, v in gold["dates"].items() if k != "event"}
    event = str(gold["dates"]["event"])
    for key, article in _by_key(seed_articles).items():
        assert article.date == expected.get(key, event), (key, article.date_source)
        assert article.date_source and article.date_source != "not found"


def test_leading_date_is_metadata_and_rest_of_line_stays(
    seed_articles: list[Article], gold: dict[str, Any], seeds_dir: Path
) -> None:
    own_dates = [str(k) for k in gold["dates"] if k != "event"]  # articles dated by metadata
    assert own_dates
    for key in own_dates:
        article = _by_key(seed_articles)[key]
        meta = [r for r in article.removed if r.reason == RemovalReason.METADATA]
        assert [r.text for r in meta] == _gold_boilerplate(gold, key)
        assert article.date_source == "leading-line"
        first = _seed_lines(seeds_dir, key)[0]
        rest = first[len(meta[0].text) :].strip()
        assert article.body.startswith(rest)


def test_every_article_has_a_title(seed_articles: list[Article]) -> None:
    for article in seed_articles:
        assert article.title and 3 <= word_count(article.title) <= 40, seed_key(article)
