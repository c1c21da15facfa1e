"""The cleaner's batch passes do linear work, and its fast paths find what the slow ones did.

Work is counted with the injectable ``ops`` counter (no timings): the stock-paragraph
pass compares documents only within groups of one shared line (hash grouping), at most
``_MAX_HOLDERS`` per group, and the date-neighbour pass reads a bounded number of
postings per undated article. The prefilters in front of the regexes (cue needles,
caption and date hints) are checked against the bare regexes on invented lines.
"""

from __future__ import annotations

import random
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from wirecheck.clean import captions, clean_documents, dates
from wirecheck.clean.corpus import _MAX_HOLDERS, batch_signals, doc_lines
from wirecheck.clean.cues import NEEDLES, cue_hits, cue_hits_unfiltered
from wirecheck.clean.datebatch import _MAX_POSTINGS, DateState, _neighbours, borrow_dates
from wirecheck.clean.lines import norm_key
from wirecheck.clean.ops import OpCounter
from wirecheck.model import RawDocument, RemovalReason
from wirecheck.settings.clean import CleanSettings

SETTINGS = CleanSettings()
SYLLABLES = ["bar", "vel", "tor", "mun", "kas", "lio", "dren", "sav", "quo", "pel", "rim", "zan"]


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize()


def _story(rng: random.Random) -> list[str]:
    """Three invented news paragraphs with their own names and numbers."""
    firm, town, person = _name(rng), _name(rng), _name(rng)
    return [
        f"Workers at the {firm} plant near {town} walked out on Tuesday after talks on a "
        f"{rng.randint(3, 19)} percent pay rise collapsed, the union said in a statement.",
        f"The company said output of {rng.randint(100, 999)} tonnes a week was at risk and "
        f"that {person} {_name(rng)}, its chief executive, would meet union leaders.",
        f"Shipments from {town} to {_name(rng)} were delayed by {rng.randint(2, 9)} days, "
        f"traders said, as trucks queued outside the gates of the {firm} depot.",
    ]


def _site(index: int) -> tuple[list[str], list[str], str]:
    """Head chrome, tail chrome and the stock paragraph of invented site ``index``."""
    word = SYLLABLES[index % len(SYLLABLES)].capitalize() + f"{index}"
    head = [f"Home | {word} World | {word} Business", "Subscribe to our newsletter"]
    tail = ["Share on Facebook | Share on X", f"Most read on {word} Daily"]
    stock = (
        f"{word} Daily has covered regional industry for many years and its reporters work "
        "from offices in several cities across the region and abroad."
    )
    return head, tail, stock


def _corpus(n_docs: int, n_sites: int = 8, seed: int = 3) -> list[RawDocument]:
    """Document ``i`` is on site ``i % n_sites``; every fourth one copies the story before."""
    rng = random.Random(seed)
    docs: list[RawDocument] = []
    story = _story(rng)
    for index in range(n_docs):
        if index % 4:
            story = _story(rng)
        head, tail, stock = _site(index % n_sites)
        text = "\n\n".join([*head, *story, stock, *tail])
        docs.append(RawDocument(source=f"mem://{index}", text=text))
    return docs


def _stock_pass(docs: list[RawDocument]) -> tuple[frozenset[str], OpCounter]:
    ops: OpCounter = OpCounter()
    signals = batch_signals(docs, SETTINGS, [doc_lines(d) for d in docs], ops)
    return signals.stock, ops


def test_stock_pass_compares_only_within_hashed_groups_and_grows_linearly() -> None:
    small, small_ops = _stock_pass(_corpus(160))
    large, large_ops = _stock_pass(_corpus(640))
    stocks = {norm_key(_site(i)[2]) for i in range(8)}
    assert small == stocks and large == stocks  # each site's stock paragraph, nothing else
    # Pairs are compared only inside one shared line's group: a copied story's group holds
    # two documents (one pair), a stock paragraph's group at most C(_MAX_HOLDERS, 2) pairs.
    per_stock = _MAX_HOLDERS * (_MAX_HOLDERS - 1) // 2
    for n_docs, ops in ((160, small_ops), (640, large_ops)):
        assert 0 < ops["pairs"] <= n_docs // 4 + len(stocks) * per_stock
    assert large_ops["pairs"] <= 4.4 * small_ops["pairs"]  # 4x the documents: linear


def test_a_story_copied_many_times_on_one_site_costs_a_bounded_number_of_pairs() -> None:
    """Every pair of copies is related, so no early exit: only the holder cap bounds it."""
    story = _story(random.Random(11))
    head, tail, _ = _site(0)
    text = "\n\n".join([*head, *story, *tail])
    for n_docs in (40, 200):
        docs = [RawDocument(source=f"mem://{i}", text=text) for i in range(n_docs)]
        stock, ops = _stock_pass(docs)
        assert stock == frozenset()  # copies of one story keep their paragraphs
        assert ops["pairs"] == _MAX_HOLDERS * (_MAX_HOLDERS - 1) // 2  # not C(n_docs, 2)


def test_stock_pass_does_no_pair_work_when_no_long_line_is_shared() -> None:
    rng = random.Random(5)
    docs = [RawDocument(source=f"mem://{i}", text="\n\n".join(_story(rng))) for i in range(300)]
    stock, ops = _stock_pass(docs)
    assert stock == frozenset() and ops["pairs"] == 0


def test_stock_paragraphs_are_removed_in_a_large_batch() -> None:
    articles = clean_documents(_corpus(200), SETTINGS)
    for article in articles:
        rules = {r.text: (r.reason, r.rule) for r in article.removed}
        stocks = [text for text, rule in rules.items() if rule[1] == "stock-paragraph"]
        assert len(stocks) == 1
        assert rules[stocks[0]][0] == RemovalReason.BOILERPLATE
        assert "walked out on Tuesday" in article.body


def _states(n_undated: int) -> list[DateState]:
    """Undated articles over one small shared vocabulary (the degenerate case) plus one
    dated article: every rare word of every article is in most other articles."""
    rng = random.Random(9)
    vocab = [f"{a}{b}" for a in SYLLABLES for b in ("ward", "stone", "field")]
    dated = DateState(date=date(2025, 3, 14), source="metadata", words=set(vocab[:30]))
    undated = [
        DateState(date=None, source=None, words=set(rng.sample(vocab, 30)))
        for _ in range(n_undated)
    ]
    return [dated, *undated]


def test_date_neighbour_search_reads_a_bounded_number_of_postings() -> None:
    counts = []
    for n in (300, 600):
        ops: OpCounter = OpCounter()
        _neighbours(_states(n), SETTINGS.date_similarity, ops)
        assert ops["postings"] <= n * _MAX_POSTINGS
        assert ops["pairs"] <= n * 20
        counts.append(ops["postings"])
    assert counts[1] <= 2.1 * counts[0]  # twice the articles, about twice the work


def test_date_borrowing_still_dates_similar_articles() -> None:
    states = _states(200)
    ids = [f"a-{i}" for i in range(len(states))]
    borrow_dates(states, ids, SETTINGS, ids)
    assert all(s.date is not None for s in states)
    assert any((s.source or "").endswith("similar article a-0") for s in states[1:])


def test_date_borrowing_skips_a_batch_without_any_date() -> None:
    states = _states(50)[1:]
    ids = [f"a-{i}" for i in range(len(states))]
    borrow_dates(states, ids, SETTINGS, ids)
    assert all(s.date is None and s.source is None for s in states)


# ----------------------------------------------------------------- prefilters vs regexes

CHROME_LINES = [
    "Share this article", "SIGN UP NOW for our free newsletter", "Click on a star to rate it!",
    "Previous article: Port workers vote on new deal", "Read more world news",
    "Leave a reply", "About the author", "(Reporting by Ada Vale; Editing by Tom Reed)",
    "© 2025 Harbour Bulletin", "Copyright 2024 Some Outlet", "Tags: ports, grain",
    "5 min read", "Advertisement", "Source: Harbour Bulletin", "This website uses cookies.",
    "Manage your privacy settings", "Follow the author:", "Email: desk@example.org",
    "ſhare on Facebook", "SUBSCRİBE to our digest", "Privacy Policy | Terms of Use",
    "Be the first to comment", "No votes so far! Be the first to rate this post.",
    "The council said it would comment later and declined to share the report.",
]
WORDS = [w for family in NEEDLES.values() for w in family] + [
    "the", "port", "said", "Ada", ":", "|", "2025", "(", ")", "by", "ſ", "İ", "K", "!", "3",
]
LINE = st.lists(st.sampled_from(WORDS), min_size=1, max_size=10).map(" ".join)


def test_cue_needles_keep_every_hit_of_the_bare_regexes_on_chrome_lines() -> None:
    for line in CHROME_LINES:
        assert cue_hits(line) == cue_hits_unfiltered(line), line
    assert all(cue_hits(line) for line in CHROME_LINES)


@settings(max_examples=300, deadline=None)
@given(st.one_of(LINE, st.text(max_size=60)))
def test_cue_needles_never_change_the_hits(line: str) -> None:
    assert cue_hits(line) == cue_hits_unfiltered(line)


def _caption_reference(text: str) -> str | None:
    """``caption_rule`` as it was before its prefilters: every pattern on every line."""
    if captions._CREDIT.search(text) or captions._CREDIT_SUFFIX.search(text):
        return "photo-credit"
    if captions._CREDIT_PREFIX.match(text):
        return "photo-label"
    patterns = (
        ("in-this-photo", captions._IN_THIS_PHOTO),
        ("position-note", captions._POSITION),
        ("weekday-date", captions._WEEKDAY_DATE),
        ("picture-verb", captions._PICTURE_VERB),
    )
    signals = [name for name, pattern in patterns if pattern.search(text)]
    return "+".join(signals) if len(signals) >= 2 else None


CAPTION_WORDS = [
    "In this photo", "Ada Vale", "speaks", "waves", ", left,", ", Friday, March 7, 2025,",
    "in Tallow", "(Harbor Photo/I. Vale)", "Photograph: A. Name/Agency", "Photo:", "THIS",
    "the", "said", ".", ",", "ı", "ſ", "/", ":", ")",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(CAPTION_WORDS), min_size=1, max_size=8).map(" ".join))
def test_caption_prefilters_never_change_the_rule(line: str) -> None:
    assert captions.caption_rule(line) == _caption_reference(line)


DATE_WORDS = [
    "April 12", "12 April", "on Friday", "FRİDAY", "ſunday", "Sept. 3", "3rd of", "3rd May",
    "may", "May 4", "2024", "April 18, 2024", "18 April 2024", "2024-04-13", "will", "said",
    ".", "the", "port", "2 june", "JUNE 2",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(DATE_WORDS), min_size=1, max_size=10).map(" ".join))
def test_date_hints_never_change_what_is_found(text: str) -> None:
    full = []
    for pattern in (dates._ISO, dates._MDY, dates._DMY):
        for m in pattern.finditer(text):
            value = dates._make(int(m["year"]), dates._month(m["month"]), int(m["day"]))
            if value is not None:
                full.append(value)
    assert sorted(full) == sorted(h.value for h in dates.full_dates(text))
    pairs = [
        (dates._month(m["month"]), int(m["day"]))
        for pattern in (dates._MD, dates._DM)
        for m in pattern.finditer(text)
        if 1 <= int(m["day"]) <= 31 and not (m["month"].lower() == "may" and m["month"][0] == "m")
    ]
    assert dates.month_days(text) == pairs
    weekdays = [
        dates.WEEKDAYS.index(dates._folded(m["weekday"]))
        for sentence in dates._SENTENCE.split(text)
        if not dates._FUTURE.search(sentence)
        for m in dates._WEEKDAY.finditer(sentence)
    ]
    assert dates.weekdays(text) == weekdays
