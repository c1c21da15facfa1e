"""A hand-built, realistic ``Analysis`` (invented events) shared by report, export, API tests.

Two stories: a supply story with three origin families (one with a copy that changed a
title), a corroborated supply claim, a number conflict, a single-source claim and an
entity with a screening hit; and a small second story. ``hostile_analysis`` adds an
article whose title, outlet and body carry script and ``javascript:`` payloads.
"""

from __future__ import annotations

from wirecheck.model import (
    AlignedPassage,
    Analysis,
    Article,
    Change,
    ClaimGroup,
    ClaimKind,
    ClaimMention,
    ClaimStatus,
    ConflictNote,
    Derivation,
    DerivationKind,
    Entity,
    EntityType,
    Explanation,
    Family,
    FeatureScore,
    MentionRef,
    Passage,
    Quantity,
    RemovalReason,
    RemovedLine,
    ScreeningMatch,
    Story,
)

SUPPLY = "Aldermoor Shipping delivered gas turbines to the Kestrel Republic in March."
SHARE_A = "Nearly 40% of the republic's turbine imports came through the port of Velm."
SHARE_B = "More than 40% of the republic's turbine imports came through the port of Velm."
FINE = "The port authority fined the carrier $2 million last year."
TITLE_ORIG = "The transport minister of Kestrel called the deliveries lawful."
TITLE_COPY = "The transport president of Kestrel called the deliveries lawful."
FLOOD = "Floodwater closed the Brenna canal to barges for six days."

BODIES = {
    "a-harbour": f"{SUPPLY} {SHARE_A} {TITLE_ORIG} Officials gave no further detail.",
    "a-lantern": f"{SUPPLY} {SHARE_A} {TITLE_COPY} Officials gave no further detail.",
    "a-valley": f"Customs records show the trade. {SUPPLY} {SHARE_B}",
    "a-coastal": f"{SUPPLY} {FINE} Aldermoor Shipping Ltd did not reply.",
    "a-canal1": f"{FLOOD} Traders said losses were heavy.",
    "a-canal2": f"{FLOOD} Traders said losses were heavy. Repairs start Monday.",
}
META = {
    "a-harbour": ("Turbines reach Kestrel by sea", "Harbour Wire", "2031-03-02"),
    "a-lantern": ("Turbines reach Kestrel by sea (repost)", "Daily Lantern", "2031-03-03"),
    "a-valley": ("Customs data show turbine trade", "Valley Post", "2031-03-04"),
    "a-coastal": ("Carrier in turbine trade was fined", "Coastal Times", "2031-03-06"),
    "a-canal1": ("Brenna canal closed", "River News", "2031-05-10"),
    "a-canal2": ("Brenna canal shut for days", "Barge Weekly", "2031-05-11"),
}


def passage(article: str, text: str) -> Passage:
    start = BODIES[article].index(text)
    return Passage(article=article, start=start, end=start + len(text), text=text)


def ref(article: str, text: str, family: str) -> MentionRef:
    p = passage(article, text)
    return MentionRef(article=article, start=p.start, end=p.end, text=text, family=family)


def _articles() -> list[Article]:
    story = {a: ("s-canal" if "canal" in a else "s-turbine") for a in BODIES}
    family = {"a-harbour": "f-harbour", "a-lantern": "f-harbour", "a-valley": "f-valley",
              "a-coastal": "f-coastal", "a-canal1": "f-river", "a-canal2": "f-river"}
    return [
        Article(id=a, source=f"corpus/{a}.txt", title=META[a][0], outlet=META[a][1],
                date=META[a][2], language="en", body=body, story=story[a], family=family[a],
                url=f"https://news.example/{a}",
                removed=[RemovedLine(text="Subscribe to our newsletter",
                                     reason=RemovalReason.BOILERPLATE, rule="subscribe")])
        for a, body in BODIES.items()
    ]


def _stories() -> list[Story]:
    turbine = [
        Family(id="f-harbour", articles=["a-harbour", "a-lantern"], origin="Harbour Wire",
               origin_article="a-harbour", reason="a-lantern copies a-harbour"),
        Family(id="f-valley", articles=["a-valley"], origin="Valley Post",
               origin_article="a-valley"),
        Family(id="f-coastal", articles=["a-coastal"], origin="Coastal Times",
               origin_article="a-coastal"),
    ]
    canal = [Family(id="f-river", articles=["a-canal1", "a-canal2"], origin="River News",
                    origin_article="a-canal1")]
    return [
        Story(id="s-turbine", title="Turbine deliveries to Kestrel",
              articles=["a-harbour", "a-lantern", "a-valley", "a-coastal"], families=turbine,
              independent_origins=3),
        Story(id="s-canal", title="Brenna canal closed", articles=["a-canal1", "a-canal2"],
              families=canal, independent_origins=1),
    ]


def _derivations() -> list[Derivation]:
    def aligned(text: str, derived: str, source: str) -> AlignedPassage:
        return AlignedPassage(derived=passage(derived, text), source=passage(source, text),
                              similarity=1.0)

    expl = Explanation(score=0.93, summary="near-identical text",
                       features=[FeatureScore(name="containment", value=0.93, weight=1.0)])
    return [
        Derivation(derived="a-lantern", source="a-harbour", kind=DerivationKind.COPY,
                   score=0.93, evidence=[SUPPLY, SHARE_A], explanation=expl,
                   passages=[aligned(SUPPLY, "a-lantern", "a-harbour"),
                             aligned(SHARE_A, "a-lantern", "a-harbour")],
                   direction="later date"),
        Derivation(derived="a-canal2", source="a-canal1", kind=DerivationKind.REWRITE,
                   score=0.81, evidence=[FLOOD], passages=[aligned(FLOOD, "a-canal2", "a-canal1")]),
    ]


def _claims() -> list[ClaimGroup]:
    supply = ClaimGroup(
        id="c-supply", story="s-turbine", kind=ClaimKind.SUPPLY, text=SUPPLY,
        supplier="e-aldermoor", recipient="e-kestrel", goods="gas turbines",
        mentions=[ref("a-harbour", SUPPLY, "f-harbour"), ref("a-lantern", SUPPLY, "f-harbour"),
                  ref("a-valley", SUPPLY, "f-valley"), ref("a-coastal", SUPPLY, "f-coastal")],
        families=["f-harbour", "f-valley", "f-coastal"], independent_origins=3,
        status=ClaimStatus.CORROBORATED,
        explanation=Explanation(score=1.0, summary="stated by 3 origin families"))
    note = "intervals do not overlap: nearly 40% is below 40, more than 40% is above 40"
    share_a = ClaimGroup(
        id="c-share-a", story="s-turbine", kind=ClaimKind.QUANTITY, text=SHARE_A,
        quantity=Quantity(low=35, high=40, high_inclusive=False, unit="%", qualifier="nearly",
                          text="Nearly 40%"),
        mentions=[ref("a-harbour", SHARE_A, "f-harbour"), ref("a-lantern", SHARE_A, "f-harbour")],
        families=["f-harbour"], independent_origins=1, status=ClaimStatus.CONFLICT,
        conflicts=[ConflictNote(with_="c-share-b", explanation=note,
                                passages=[passage("a-harbour", SHARE_A),
                                          passage("a-valley", SHARE_B)])])
    share_b = ClaimGroup(
        id="c-share-b", story="s-turbine", kind=ClaimKind.QUANTITY, text=SHARE_B,
        quantity=Quantity(low=40, high=45, low_inclusive=False, unit="%",
                          qualifier="more than", text="More than 40%"),
        mentions=[ref("a-valley", SHARE_B, "f-valley")], families=["f-valley"],
        independent_origins=1, status=ClaimStatus.CONFLICT,
        conflicts=[ConflictNote(with_="c-share-a", explanation=note)])
    fine = ClaimGroup(
        id="c-fine", story="s-turbine", kind=ClaimKind.STATEMENT, text=FINE,
        mentions=[ref("a-coastal", FINE, "f-coastal")], families=["f-coastal"],
        independent_origins=1, status=ClaimStatus.SINGLE_SOURCE)
    flood = ClaimGroup(
        id="c-flood", story="s-canal", kind=ClaimKind.STATEMENT, text=FLOOD,
        mentions=[ref("a-canal1", FLOOD, "f-river"), ref("a-canal2", FLOOD, "f-river")],
        families=["f-river"], independent_origins=1, status=ClaimStatus.SINGLE_SOURCE)
    return [supply, share_a, share_b, fine, flood]


def _entities() -> list[Entity]:
    hit = ScreeningMatch(
        list="sample-sanctions", entry="SS-0042", name="Aldermoor Shipping Limited", score=0.91,
        explanation="name matches after removing the legal form; country agrees",
        features=[FeatureScore(name="name_tokens", value=0.95, weight=1.0),
                  FeatureScore(name="country_mismatch", value=0.0, weight=-0.2)])
    return [
        Entity(id="e-aldermoor", name="Aldermoor Shipping", type=EntityType.ORGANIZATION,
               aliases=["Aldermoor Shipping Ltd"], articles=["a-harbour", "a-coastal"],
               screening=[hit]),
        Entity(id="e-kestrel", name="Kestrel Republic", type=EntityType.COUNTRY,
               articles=["a-harbour", "a-valley"]),
    ]


def make_analysis() -> Analysis:
    """The realistic two-story analysis described in the module docstring."""
    change = Change(id="ch-title", article="a-lantern", origin="a-harbour", kind="title",
                    text=TITLE_COPY, origin_text=TITLE_ORIG,
                    explanation="title changed: 'minister' in the origin, 'president' here")
    claims = _claims()
    mentions = [
        ClaimMention(id=f"m-{c.id}-{m.article}", article=m.article, kind=c.kind, start=m.start,
                     end=m.end, text=m.text, supplier=c.supplier, recipient=c.recipient,
                     goods=c.goods, quantity=c.quantity)
        for c in claims for m in c.mentions
    ]
    return Analysis(articles=_articles(), derivations=_derivations(), stories=_stories(),
                    claims=claims, changes=[change], entities=_entities(), mentions=mentions)


PAYLOAD = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">'


def hostile_analysis() -> Analysis:
    """``make_analysis`` plus an article (and claim) whose every field tries to run script."""
    base = make_analysis()
    body = f'{PAYLOAD} a "onerror=alert(1) <a href="javascript:alert(1)">click</a> end.'
    bad = Article(id="a-hostile", source="javascript:alert(1)", title=f"Title {PAYLOAD}",
                  outlet=f'Outlet "onerror=alert(1) {PAYLOAD}', date="2031-03-05", body=body,
                  url="javascript:alert(document.cookie)", story="s-turbine", family="f-hostile")
    stories = [s.model_copy(deep=True) for s in base.stories]
    stories[0].articles.append(bad.id)
    stories[0].families.append(Family(id="f-hostile", articles=[bad.id], origin=bad.outlet,
                                      origin_article=bad.id))
    stories[0].independent_origins += 1
    claim = ClaimGroup(
        id="c-hostile", story="s-turbine", kind=ClaimKind.STATEMENT, text=f"Claim {PAYLOAD}",
        mentions=[MentionRef(article=bad.id, start=0, end=len(body), text=body,
                             family="f-hostile")],
        families=["f-hostile"], independent_origins=1, status=ClaimStatus.SINGLE_SOURCE)
    return base.model_copy(update={"articles": [*base.articles, bad], "stories": stories,
                                   "claims": [*base.claims, claim]})


def test_factory_references_resolve() -> None:
    """Every id a record points at exists, and every mention span matches its body."""
    analysis = hostile_analysis()
    bodies = {a.id: a.body for a in analysis.articles}
    families = {f.id for s in analysis.stories for f in s.families}
    for claim in analysis.claims:
        assert set(claim.families) <= families
        for m in claim.mentions:
            assert bodies[m.article][m.start:m.end] == m.text
    for d in analysis.derivations:
        assert d.derived in bodies and d.source in bodies
    for ch in analysis.changes:
        assert ch.text in bodies[ch.article] and ch.origin_text in bodies[ch.origin or ""]
