"""Dates found in text and borrowed across the batch (invented texts)."""

from __future__ import annotations

import random
from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from wirecheck.clean import clean_documents
from wirecheck.clean import dates as d
from wirecheck.model import RawDocument
from wirecheck.settings.clean import CleanSettings

SETTINGS = CleanSettings()
MONTH_NAMES = [
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
]


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2099, 12, 31)))
def test_written_dates_parse_back(value: date) -> None:
    month = MONTH_NAMES[value.month - 1]
    for text in (
        f"It happened on {month} {value.day}, {value.year}, in the port.",
        f"It happened on {value.day} {month} {value.year} in the port.",
        f"stamp {value.isoformat()} end",
    ):
        assert [h.value for h in d.full_dates(text)] == [value]


@given(st.dates(min_value=date(1950, 1, 8), max_value=date(2099, 12, 31)), st.integers(0, 6))
def test_weekday_resolves_to_the_latest_such_day_before_anchor(anchor: date, wd: int) -> None:
    found = d.resolve_weekday([wd], anchor, 7)
    assert found is not None and found.weekday() == wd
    assert anchor - timedelta(days=6) <= found <= anchor


def test_month_day_takes_year_from_context() -> None:
    assert d.resolve_month_day(4, 12, [date(2024, 4, 18)]) == date(2024, 4, 12)
    assert d.resolve_month_day(12, 30, [date(2024, 1, 3)]) == date(2023, 12, 30)
    # a day or two after the context date is the same year (a later version), not a year back
    assert d.resolve_month_day(1, 6, [date(2024, 1, 5)]) == date(2024, 1, 6)
    assert d.resolve_month_day(1, 2, [date(2023, 12, 31)]) == date(2024, 1, 2)
    assert d.resolve_month_day(1, 20, [date(2024, 1, 5)]) == date(2023, 1, 20)
    assert d.month_days("they met on March 3 and again on 5 June") == [(3, 3), (6, 5)]
    assert d.month_days("they may 5 times") == []


def test_future_weekdays_are_ignored() -> None:
    text = "The board met on Monday. The minister will visit the port on Thursday."
    assert d.weekdays(text) == [0]


def test_dominant_date_prefers_most_frequent_then_latest() -> None:
    a, b = date(2025, 3, 1), date(2025, 3, 2)
    assert d.dominant([a, a, b]) == a
    assert d.dominant([a, b]) == b
    assert d.dominant([]) is None


STORY = (
    "Grain shipments from the Veloria terminal doubled, the port authority said {when}, "
    "as the Brask Shipping Co. chartered four more vessels for the northern harvest.\n\n"
    "Farmers' groups welcomed the figures but warned rail capacity remained too small "
    "to carry the harvest to the coast before winter storms closed the northern routes."
)
UNRELATED = (
    "A chess festival in Tallow drew record crowds this year, with junior players "
    "from eleven countries competing in the rapid tournament held in the old library."
)


def _batch(*texts: str) -> list[str | None]:
    docs = [RawDocument(source=f"mem://{i}", text=t) for i, t in enumerate(texts)]
    return [a.date for a in clean_documents(docs, SETTINGS)]


def test_undated_article_borrows_from_similar_article_and_resolves_its_weekday() -> None:
    dated = "Published: March 8, 2025\n\n" + STORY.format(when="on Friday")
    weekday_only = STORY.format(when="on Thursday")
    nothing = STORY.format(when="this week")
    # the two undated texts are each other's nearest: the stronger link to the dated text
    # (the third's: it has no other word of its own) is taken first, then the second
    # resolves its weekday against the third
    assert _batch(dated, weekday_only, nothing, UNRELATED) == [
        "2025-03-08", "2025-03-06", "2025-03-08", None
    ]
    assert _batch(dated, nothing, UNRELATED) == ["2025-03-08", "2025-03-08", None]


def test_date_sources_are_recorded() -> None:
    docs = [
        RawDocument(source="a", text=STORY.format(when="on March 3"), date="2025-03-04"),
        RawDocument(source="b", text="Photo taken Friday, March 7, 2025.\n\n"
                    + STORY.format(when="on March 3")),
        RawDocument(source="c", text=UNRELATED),
    ]
    arts = clean_documents(docs, SETTINGS)
    assert [(a.date, a.date_source) for a in arts] == [
        ("2025-03-04", "metadata"),
        ("2025-03-07", "dominant full date of the body"),
        (None, "not found"),
    ]



def test_borrowing_can_be_switched_off() -> None:
    dated = "Published: March 8, 2025\n\n" + STORY.format(when="on Friday")
    docs = [RawDocument(source=f"mem://{i}", text=t) for i, t in enumerate([dated, STORY])]
    off = SETTINGS.model_copy(update={"borrow_dates": False})
    assert [a.date for a in clean_documents(docs, off)] == ["2025-03-08", None]
    assert [a.date for a in clean_documents(docs, SETTINGS)] == ["2025-03-08", "2025-03-08"]


def test_story_grouping_reads_only_dates_the_text_carries() -> None:
    """A borrowed date is shown to the user (with its source) but is no evidence for story
    grouping: it came from the most word-similar text, which may be another event."""
    from wirecheck.provenance.story_features import days_apart
    from wirecheck.provenance.views import make_views

    dated = "Published: March 8, 2025\n\n" + STORY.format(when="on Friday")
    weekday_only = STORY.format(when="on Thursday")
    texts = [dated, weekday_only, STORY.format(when="this week")]
    docs = [RawDocument(source=f"mem://{i}", text=t) for i, t in enumerate(texts)]
    arts = clean_documents(docs, SETTINGS)
    # the third text is as similar to both and takes the dated one's date (the stronger
    # link to a dated text: test_undated_article_borrows_from_similar_article_...)
    assert [a.date for a in arts] == ["2025-03-08", "2025-03-06", "2025-03-08"]
    assert arts[2].date_source is not None and arts[2].date_source.startswith("date of similar")
    own, named_weekday, borrowed = make_views(arts, 5)
    assert own.own_day == own.day == date(2025, 3, 8).toordinal()
    # the text names its weekday: its resolved date is its own
    assert named_weekday.own_day == date(2025, 3, 6).toordinal()
    assert borrowed.day == date(2025, 3, 8).toordinal()  # shown, and read across languages
    assert borrowed.own_day is None
    assert days_apart(own, named_weekday) == 2
    assert days_apart(own, borrowed) is None  # no "far apart" penalty from a borrowed date


def test_a_day_and_month_with_a_borrowed_year_is_no_story_evidence() -> None:
    """"the fire on March 2" may recall an earlier event: the day is the text's, but the
    year, and so whether the text was written that week, is the lender's."""
    from wirecheck.provenance.views import make_views

    dated = "Published: March 8, 2025\n\n" + STORY.format(when="on Friday")
    recalls = STORY.format(when="after the fire on March 2")
    arts = clean_documents(
        [RawDocument(source=f"mem://{i}", text=t) for i, t in enumerate([dated, recalls])],
        SETTINGS,
    )
    assert arts[1].date == "2025-03-02"  # shown, with where its year came from
    assert arts[1].date_source is not None
    assert arts[1].date_source.startswith("month-day in text, year from similar")
    _, view = make_views(arts, 5)
    assert view.day == date(2025, 3, 2).toordinal()
    assert view.own_day is None
    assert view.placed_day is None  # nor does it place the text in that week's names


TEMPLATE = (
    "{country} officials on {day} accused two companies of supplying servo motors and "
    "carbon fibre to the militia, saying the equipment was used to build attack drones.\n\n"
    "Industry Minister {minister} named {firms} as the main suppliers in a report tabled in "
    "parliament, and said customs officers had been told to inspect every shipment."
)
SYLLABLES = ("bra", "cor", "dun", "fel", "gar", "hol", "ken", "lor", "mav", "nor", "pel", "quin")


def _invented(i: int) -> str:
    """A name of three syllables, different for each ``i`` (the siblings' own names)."""
    a, b, c = (SYLLABLES[(i // 144) % 12], SYLLABLES[(i // 12) % 12], SYLLABLES[i % 12])
    return (a + b + c).capitalize()


def _sibling(i: int) -> str:
    names = [_invented(7 * i + k) for k in range(5)]
    return f"Published: January {1 + i % 28}, 2025\n\n" + TEMPLATE.format(
        country=names[0], day="Monday", minister=f"{names[1]} {names[2]}",
        firms=f"{names[3]} Tools and {names[4]} Metals")


# an undated report naming its weekday, and a rewrite of it by another outlet, dated
UNDATED_REPORT = TEMPLATE.format(country="Veloria", day="Thursday", minister="Ada Morrow",
                                 firms="Brask Optics and Harrow Lens Works")
OWN_REPORT = (
    "Published: June 20, 2025\n\nVeloria has named Brask Optics and Harrow Lens Works as "
    "suppliers of drone parts, in a report Ada Morrow put before parliament.\n\n"
    "Brask Optics said it would contest the findings; Harrow Lens Works did not reply.\n\n"
    "Lawmakers from the opposition asked why the inspections began only this spring."
)


def test_a_weekday_resolves_against_its_own_report_not_a_template_sibling() -> None:
    """Texts of other events written from one template share more words than a rewrite of
    the article's own report; the rare names it shares decide the anchor."""
    dates = _batch(UNDATED_REPORT, OWN_REPORT, *(_sibling(i) for i in range(40)))
    assert dates[0] == "2025-06-19"  # the Thursday before the own report's Friday


def _unrelated(i: int) -> str:
    words = " ".join(_invented(1000 + 9 * i + k).lower() for k in range(9))
    return f"Published: March {1 + i % 28}, 2025\n\nThe weather stayed {words} all week."


def test_rare_names_outweigh_a_common_template_in_a_mixed_batch() -> None:
    """Among other news (100 unrelated texts), the template's words are rarer than in a
    batch of siblings alone and outnumber the names the own report shares: ranked by an
    idf-weighted Jaccard the article took a sibling's January date; by the idf cosine
    (squared weights) the names decide."""
    others = [*(_sibling(i) for i in range(40)), *(_unrelated(i) for i in range(100))]
    assert _batch(UNDATED_REPORT, OWN_REPORT, *others)[0] == "2025-06-19"


def test_borrowed_dates_do_not_depend_on_the_order_of_the_batch() -> None:
    """Dates spread along the strongest similarities first, whatever the input order (a
    pass over the waiting texts in input order gave a weakly similar text the date of
    whichever lender happened to be dated first)."""
    texts = [UNDATED_REPORT, *(_sibling(i) for i in range(12)), *(_unrelated(i) for i in range(20))]
    texts += [t.split("\n\n", 1)[1] for t in texts[1:7]]  # undated copies of six siblings
    first = _dates_by_text(texts)
    for seed in (1, 2, 3):
        assert _dates_by_text(random.Random(seed).sample(texts, len(texts))) == first


def test_borrowed_dates_do_not_depend_on_where_the_files_lie() -> None:
    """An article's id hashes its source path; two equal copies with other dates tied as
    lenders and the id order chose, so the same corpus read from another folder gave an
    undated copy another date (and an incremental step re-extracted articles whose content
    had not changed). Articles are now taken in the order of their texts."""
    later = OWN_REPORT.replace("June 20", "June 21")
    texts = [OWN_REPORT, later, OWN_REPORT.split("\n\n", 1)[1], *(_sibling(i) for i in range(6))]
    found = {_dates_in(texts, f"/data/{k}") for k in range(8)}
    assert len(found) == 1
    assert next(iter(found))[2] in ("2025-06-20", "2025-06-21")


def _dates_in(texts: list[str], folder: str) -> tuple[str | None, ...]:
    docs = [RawDocument(source=f"{folder}/{k}.txt", text=t) for k, t in enumerate(texts)]
    return tuple(a.date for a in clean_documents(docs, SETTINGS))


def _dates_by_text(texts: list[str]) -> dict[str, str | None]:
    """Dates of a batch whose sources name the text, not its place in the batch (an
    article's id comes from its source and text)."""
    docs = [RawDocument(source=f"mem://{hash(t)}", text=t) for t in texts]
    return {a.source: a.date for a in clean_documents(docs, SETTINGS)}


def test_a_file_picture_caption_never_gives_the_year() -> None:
    story = STORY.format(when="on March 3")
    for caption in (
        "FILE - The harbour master, centre, on the quay, June 2, 2011. (Photo/A. Holm, File)",
        "FILE PHOTO: The harbour master on the quay, June 2, 2011.",
    ):
        doc = RawDocument(source="a", text=caption + "\n\n" + story)
        [article] = clean_documents([doc], SETTINGS)
        assert article.date is None, caption
    recent = "The harbour master on the quay, Friday, March 7, 2025. (Photo/A. Holm)"
    [article] = clean_documents([RawDocument(source="a", text=recent + "\n\n" + story)], SETTINGS)
    assert article.date == "2025-03-03"
