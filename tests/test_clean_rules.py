"""The cleaner's line rules on small invented texts, with negative cases that must stay."""

from __future__ import annotations

from typing import Any

from wirecheck.clean import clean_document, clean_documents
from wirecheck.model import Article, RawDocument, RemovalReason
from wirecheck.settings.clean import CleanSettings

SETTINGS = CleanSettings()

BODY = [
    "The port authority of Veloria said on Tuesday that grain shipments had doubled "
    "since the new terminal opened, easing shortages in three inland provinces.",
    "Officials at the Brask Shipping Co. said the company had chartered four more vessels "
    "and expected exports to rise again next quarter.",
    "The finance minister, Ada Morrow, told reporters the terminal had cost more than "
    "$300 million and would repay its loans within a decade.",
    "Farmers' groups welcomed the figures but warned that rail capacity remained too small "
    "to carry the harvest to the coast before the winter storms.",
]


def _clean(*lines: str, **doc: Any) -> Article:
    text = "\n\n".join(lines)
    return clean_document(RawDocument(source="mem://t.txt", text=text, **doc), SETTINGS)


def _removed(article: Article) -> dict[str, tuple[RemovalReason, str]]:
    return {r.text: (r.reason, r.rule) for r in article.removed}


def _assert_body_intact(article: Article) -> None:
    for line in BODY:
        assert line in article.body


def test_cue_chrome_at_head_and_tail_is_removed() -> None:
    article = _clean(
        "Veloria grain exports double after terminal opens",
        "Get our free newsletter",
        *BODY,
        "Share this article",
        "Leave a comment",
        "We use cookies to improve your experience. Accept all cookies to continue.",
    )
    removed = _removed(article)
    assert removed["Get our free newsletter"] == (RemovalReason.BOILERPLATE, "cue:signup")
    assert removed["Share this article"][1] == "cue:share"
    assert removed["Leave a comment"][1] == "cue:comments"
    assert removed[
        "We use cookies to improve your experience. Accept all cookies to continue."
    ][1] == "cue:cookie"
    _assert_body_intact(article)


def test_news_sentences_with_cue_words_stay() -> None:
    tricky = [
        "Shareholders voted to share the proceeds with employees, the company said.",
        "Voters must sign up to the electoral register before the end of May, officials said.",
        "Previous governments had tried to build a terminal and failed.",
        "Comments from the ministry were not immediately available.",
        "The newsletter of the farmers' union called the figures encouraging.",
        "Read more slowly, the teacher told the class, and the results improved.",
    ]
    article = _clean(*tricky, *BODY, *reversed(tricky))
    for line in tricky:
        assert line in article.body
    _assert_body_intact(article)
    # the lines are printed twice (to sit at head and tail): one copy may go as a duplicate
    assert all(r.rule in ("title", "duplicate-line") for r in article.removed)


def test_title_from_first_line_and_repeated_title() -> None:
    title = "Veloria grain exports double after terminal opens"
    article = _clean(title, BODY[0], "The agency has the story:", title, *BODY[1:])
    assert article.title == title
    removed = _removed(article)
    assert removed[title] in {
        (RemovalReason.METADATA, "title"), (RemovalReason.BOILERPLATE, "repeated-title")
    }
    rules = sorted(r.rule for r in article.removed)
    assert rules == ["cue:source", "repeated-title", "title"]
    _assert_body_intact(article)


def test_title_from_metadata_and_fallback_to_first_sentence() -> None:
    given = _clean(*BODY, title="Grain boom in Veloria")
    assert given.title == "Grain boom in Veloria"
    assert given.removed == []
    fallback = _clean(*BODY)
    assert fallback.title is not None and fallback.title.startswith("The port authority")
    assert fallback.title.endswith("opened, easing shortages in three inland provinces.")


def test_kicker_byline_and_leading_date_are_metadata() -> None:
    article = _clean(
        "BusinessMarketsTop Stories",
        "Published: March 4, 2025",
        "Veloria grain exports double after terminal opens",
        "By Lena Hart and Omar Quist",
        *BODY,
    )
    removed = _removed(article)
    assert removed["BusinessMarketsTop Stories"] == (
        RemovalReason.METADATA, "kicker-concatenated"
    )
    assert removed["Published: March 4, 2025"] == (RemovalReason.METADATA, "leading-date")
    assert removed["By Lena Hart and Omar Quist"] == (RemovalReason.METADATA, "byline")
    assert article.date == "2025-03-04" and article.date_source == "leading-line"
    assert article.byline == "Lena Hart and Omar Quist"
    _assert_body_intact(article)


def test_inline_leading_date_is_split_off() -> None:
    article = _clean("date 2025-03-04 " + BODY[0], *BODY[1:])
    assert article.date == "2025-03-04"
    assert [r.text for r in article.removed] == ["date 2025-03-04"]
    assert article.body.startswith(BODY[0])
    _assert_body_intact(article)


def test_written_date_starting_a_sentence_is_not_split() -> None:
    line = "March 4, 2025 was the day the terminal opened to ships from the north."
    article = _clean(line, *BODY)
    assert line in article.body


def test_photo_captions() -> None:
    captions = [
        "Workers unload sacks at the Veloria terminal on Monday. (Harbor Photo/Ines Vale)",
        "Ada Morrow, left, speaks with dock workers in Veloria, Friday, March 7, 2025.",
        "In this photo released by the port authority, a ship waits, Monday, March 3, 2025.",
    ]
    article = _clean(BODY[0], captions[0], BODY[1], captions[1], *BODY[2:], captions[2])
    removed = _removed(article)
    for caption in captions:
        assert removed[caption][0] == RemovalReason.CAPTION
    assert removed[captions[0]][1] == "photo-credit"
    _assert_body_intact(article)


def test_sentence_with_weekday_date_stays() -> None:
    line = "The minister spoke on Thursday, March 6, 2025, in the capital about the terminal."
    lead = "Ada Morrow, left, the harbour board and the unions will meet on Friday, March 7, 2025."
    article = _clean(*BODY[:2], line, lead, *BODY[2:])
    assert line in article.body and lead in article.body


def test_summary_bullets_under_a_cue_are_kept_apart() -> None:
    article = _clean(
        "Veloria grain exports double after terminal opens",
        "Key points",
        "• Grain shipments from Veloria have doubled since the new terminal opened.",
        "• The finance minister says the terminal cost more than $300 million.",
        *BODY,
    )
    summary = [r for r in article.removed if r.reason == RemovalReason.SUMMARY]
    assert [r.rule for r in summary] == ["summary-cue", "summary-bullet", "summary-bullet"]
    assert "•" not in article.body
    _assert_body_intact(article)


def test_restating_bullets_without_cue_and_a_real_list_that_stays() -> None:
    restating = [
        "- Grain shipments from the Veloria terminal doubled, easing inland shortages.",
        "- Farmers warned rail capacity remained too small to carry the harvest.",
    ]
    real_list = [
        "- Corvin Logistics, a trucking group based in Tallow",
        "- Nessa Mills, which owns six flour plants",
    ]
    article = _clean(*restating, *BODY[:2], "The buyers named were:", *real_list, *BODY[2:])
    removed = _removed(article)
    for line in restating:
        assert removed[line] == (RemovalReason.SUMMARY, "restating-bullets")
    for line in real_list:
        assert line in article.body


def test_related_headlines_after_navigation_cue_in_tail() -> None:
    article = _clean(
        *BODY,
        "Next Article",
        "Storm closes northern ferry routes for a week",
        "Related stories",
        "Rail union calls strike over pay",
        "Mayor opens new bridge in Tallow",
    )
    removed = _removed(article)
    assert removed["Next Article"][1] == "cue:nav"
    headlines = (
        "Storm closes northern ferry routes for a week",
        "Rail union calls strike over pay",
        "Mayor opens new bridge in Tallow",
    )
    for line in headlines:
        assert removed[line] == (RemovalReason.BOILERPLATE, "related-headline")
    _assert_body_intact(article)


def test_subheading_after_previous_word_in_body_stays() -> None:
    article = _clean(BODY[0], "Previous", "A harder winter", *BODY[1:])
    assert "A harder winter" in article.body  # long paragraphs follow: not a tail run


def test_hashtags_and_author_box() -> None:
    article = _clean(*BODY, "#Veloria #grain #ports", "About the author")
    removed = _removed(article)
    assert removed["#Veloria #grain #ports"][1] == "hashtags"
    assert removed["About the author"][1] == "cue:author"


def test_batch_repetition_removes_short_lines_but_not_shared_sentences() -> None:
    shared = "The port authority declined to comment further."
    other = [
        "Rail freight in Tallow fell for a third month as the main line was repaired, "
        "the transport office said on Monday.",
        "Hauliers said waiting times at the depot had tripled and some had moved "
        "loads to road trucks at higher cost.",
    ]
    docs = [
        RawDocument(source=f"mem://{i}", text="\n\n".join([*body, shared, "Advertisement"]))
        for i, body in enumerate([BODY, other])
    ]
    docs.append(RawDocument(source="mem://2", text="\n\n".join([*BODY[:2], "Morning briefing"])))
    docs.append(RawDocument(source="mem://3", text="\n\n".join([*other, "Morning briefing"])))
    articles = clean_documents(docs, SETTINGS)
    for article in articles[:2]:
        assert shared in article.body
        assert _removed(article)["Advertisement"][1] == "cue:advert"
    for article in articles[2:]:
        assert _removed(article)["Morning briefing"][1] == "repeated-in-batch"


def test_duplicated_lead_is_kept_once() -> None:
    article = _clean(BODY[0], "Quick Read", BODY[0], *BODY[1:])
    assert article.body.count(BODY[0]) == 1
    assert [r.rule for r in article.removed if r.text == BODY[0]] == ["duplicate-line"]


def test_preclean_is_more_conservative() -> None:
    line = "Share your photos of the harbour with us"
    plain = _clean(*BODY, line)
    pre = _clean(*BODY, line, preclean=True, format="html")
    assert line not in plain.body
    assert line in pre.body
    strong = "Sign up for free alerts from the port authority"
    assert strong not in _clean(*BODY, strong, preclean=True, format="html").body


def test_ids_and_hashes_are_stable() -> None:
    a = _clean(*BODY)
    b = _clean(*BODY)
    assert a.id == b.id == Article.make_id("mem://t.txt", "\n\n".join(BODY))
    assert len(a.raw_sha1) == 40


def test_footer_tags_and_reading_time() -> None:
    article = _clean(
        "Veloria grain exports double after terminal opens",
        "Updated 5 March 2025, 10:12 | 4 min read",
        *BODY,
        "Tags: Veloria, grain, ports",
        "© 2025 Harbour Bulletin. All rights reserved.",
        "Privacy policy | Terms of use",
    )
    removed = _removed(article)
    assert removed["Updated 5 March 2025, 10:12 | 4 min read"] == (
        RemovalReason.METADATA, "leading-date"
    )
    assert removed["Tags: Veloria, grain, ports"][1] == "cue:tags"
    assert removed["© 2025 Harbour Bulletin. All rights reserved."][1] == "cue:copyright"
    assert removed["Privacy policy | Terms of use"][1] in ("cue:copyright", "cue:cookie")
    assert article.date == "2025-03-05"
    _assert_body_intact(article)


def test_inline_previous_next_headlines() -> None:
    nav = [
        "Previous article: Storm closes northern ferry routes for a week",
        "Next article: Rail union calls strike over pay",
    ]
    article = _clean(*BODY, *nav)
    for line in nav:
        assert _removed(article)[line][1] == "cue:nav"
    _assert_body_intact(article)


def test_source_and_date_label_line_and_section_label() -> None:
    article = _clean(
        "Veloria grain exports double after terminal opens",
        "Harbour Bulletin | 5 March 2025 | By Lena Hart",
        "Harbour Bulletin - Trade & Shipping",
        *BODY,
    )
    removed = _removed(article)
    assert removed["Harbour Bulletin | 5 March 2025 | By Lena Hart"] == (
        RemovalReason.METADATA, "source-date-line"
    )
    assert removed["Harbour Bulletin - Trade & Shipping"] == (
        RemovalReason.METADATA, "section-label"
    )
    assert (article.date, article.byline) == ("2025-03-05", "Lena Hart")
    assert article.title == "Veloria grain exports double after terminal opens"


def test_title_with_a_dash_stays_the_title() -> None:
    title = "Grain Boom - What It Means"
    article = _clean(title, *BODY)
    assert article.title == title


CHROME = ["Home | Ports | Trade", "Follow the Harbour Bulletin on X for updates", "Related stories"]
STOCK = (
    "Shipping lanes around the northern coast have been disrupted for years, and ministers "
    "have promised new rules on cargo inspections. The Bulletin covers these matters daily."
)
OTHER_STORY = [
    "A chess festival in Tallow drew record crowds this year, with junior players from "
    "eleven countries competing in the rapid tournament held in the old library.",
    "Organisers said ticket sales had tripled and the city would host the event again, "
    "with prize money raised by a local brewery and two banks.",
]


def test_stock_paragraph_of_one_site_template_in_unrelated_stories() -> None:
    docs = [
        RawDocument(source="mem://a", text="\n\n".join([CHROME[0], *BODY, STOCK, *CHROME[1:]])),
        RawDocument(
            source="mem://b", text="\n\n".join([CHROME[0], *OTHER_STORY, STOCK, *CHROME[1:]])
        ),
    ]
    for article in clean_documents(docs, SETTINGS):
        assert _removed(article)[STOCK] == (RemovalReason.BOILERPLATE, "stock-paragraph")
        assert STOCK not in article.body


def test_shared_sentence_without_a_site_template_stays() -> None:
    docs = [
        RawDocument(source="mem://a", text="\n\n".join([*BODY, STOCK])),
        RawDocument(source="mem://b", text="\n\n".join([*OTHER_STORY, STOCK])),
    ]
    for article in clean_documents(docs, SETTINGS):
        assert STOCK in article.body


def test_copies_of_one_story_in_one_template_keep_their_shared_paragraphs() -> None:
    text = "\n\n".join([CHROME[0], *BODY, *CHROME[1:]])
    articles = clean_documents(
        [RawDocument(source=f"mem://{i}", text=text) for i in range(3)], SETTINGS
    )
    for article in articles:
        _assert_body_intact(article)


def test_a_long_line_can_never_reach_the_chrome_threshold() -> None:
    from wirecheck.clean.chrome import long_line_ceiling

    assert long_line_ceiling() < SETTINGS.chrome_threshold


def test_briefing_label_after_title_and_source_credit() -> None:
    article = _clean(
        "In brief: Veloria grain exports double",
        "Harbour Bulletin briefing",
        *BODY,
        "Based on reporting by the Tallow Courier.",
    )
    removed = _removed(article)
    assert removed["Harbour Bulletin briefing"] == (RemovalReason.METADATA, "section-label")
    assert removed["Based on reporting by the Tallow Courier."][1] == "cue:source"
    _assert_body_intact(article)


def test_chrome_removals_carry_their_weighted_features() -> None:
    article = _clean(*BODY, "Leave a comment")
    line = next(r for r in article.removed if r.text == "Leave a comment")
    assert line.explanation is not None
    names = {f.name for f in line.explanation.features}
    assert {"strong-cue", "short", "no-sentence-end", "edge"} <= names
    total = sum(f.contribution for f in line.explanation.features)
    assert line.explanation.score == round(total, 4) >= SETTINGS.chrome_threshold
    assert line.explanation.summary.startswith("cue:comments")


def test_more_generic_chrome_forms() -> None:
    chrome = {
        "Sign in": "cue:signup",
        "Follow us on Instagram": "cue:share",
        "Related: Storm closes northern ferry routes for a week": "cue:nav",
        "Trending now": "cue:nav",
        "Listen to this article": "cue:tags",
        "Email: desk@harbour.example": "cue:author",
        "(Reporting by Lena Hart in Veloria; Editing by Omar Quist)": "cue:credits",
    }
    article = _clean(*BODY[:2], *chrome, *BODY[2:])
    removed = _removed(article)
    for line, rule in chrome.items():
        assert removed[line][1] == rule, line
    _assert_body_intact(article)


def test_trailing_photograph_credit_and_weekday_date_label() -> None:
    caption = "Dock workers unload grain in Veloria. Photograph: Ines Vale/Harbour Agency"
    article = _clean(
        "Veloria grain exports double",
        "Published Fri, March 7, 2025",
        BODY[0], caption, *BODY[1:],
    )
    assert _removed(article)[caption] == (RemovalReason.CAPTION, "photo-credit")
    assert article.date == "2025-03-07"
    _assert_body_intact(article)


def test_news_sentences_with_chrome_phrases_stay_at_the_edges() -> None:
    edge_sentences = [
        "Residents were told to stay informed about the storm.",
        "The company offered a free trial to farmers.",
        "Copyright law in Veloria was reformed last year, officials said.",
        "By continuing to use coal, the country will miss its targets.",
        "The vote count was delayed in two districts.",
        "She wanted to share the story of her family.",
        "Ministers will join the discussion on Friday.",
        "Farmers can sign up for the subsidy scheme until May.",
        "The regulator limited the use of cookies by advertisers.",
    ]
    for sentence in edge_sentences:
        for lines in ([sentence, *BODY], [*BODY, sentence]):
            article = _clean(*lines)
            assert sentence in article.body, sentence


def test_short_paragraphs_after_a_navigation_word_stay() -> None:
    short = [
        "The port reopened on Monday.",
        "Ships queued for two days.",
        "Officials expect normal traffic by Friday.",
    ]
    article = _clean(*BODY, "Latest news", *short)
    for line in short:
        assert line in article.body
