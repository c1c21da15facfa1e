"""Generic cue lexicons of site chrome (no outlet, article or story named).

Each cue family has *strong* phrases (almost only ever chrome: "click on a star to rate",
"this website uses cookies") and *weak* words (also common in real sentences: "share",
"vote"). Strong cues weigh more in ``chrome.py``; weak cues need shape or position too.
Hand-written because no maintained library classifies plain-text chrome lines (jusText and
trafilatura work on the HTML tree, which these texts have lost).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Cue:
    family: str  # cookie|signup|share|rating|nav|readmore|comments|author|copyright|tags|...
    strong: re.Pattern[str]
    weak: re.Pattern[str] | None = None


def _rx(*alternatives: str) -> re.Pattern[str]:
    return re.compile(r"(?:" + "|".join(alternatives) + r")", re.IGNORECASE)


CUES: tuple[Cue, ...] = (
    Cue(
        "cookie",
        _rx(
            r"\b(?:this|our) (?:web)?site uses cookies",
            r"\bour use of cookies\b",
            r"\b(?:our|your) cookie (?:policy|settings|preferences|choices)\b",
            r"^accept(?: all)? cookies\W*$",
            r"\bby continuing to (?:use|browse) (?:this|our|the) (?:web)?site\b",
            r"\bby continuing to browse\b",
            r"\bmanage your (?:privacy|consent|cookie) (?:settings|preferences|choices)\b",
        ),
        _rx(r"\bcookies?\b", r"\bconsent\b", r"\bprivacy policy\b"),
    ),
    Cue(
        "signup",
        _rx(
            # imperatives at the start of the line, or "now/here/today": not "voters can
            # sign up for the scheme" inside a news sentence
            r"^(?:simply |please |just )?(?:sign up|subscribe)\b",
            r"\b(?:sign up|subscribe) (?:now|here|today)\b",
            r"\bsubscribe to our\b",
            r"\b(?:delivered|straight|directly) (?:directly )?to your inbox\b",
            r"\bfree (?:updates|newsletters?)\b",
            r"\bget (?:our|the) (?:daily|weekly|free)? ?newsletter\b",
            r"\bour (?:\w+ )?newsletters?\b",
            r"\bunlock (?:this article|full access|unlimited)\b",
            r"\b(?:log|sign) in to (?:continue|read)\b",
            r"^(?:sign in|log in|register|create (?:an|your) (?:free )?account)\W*$",
        ),
        _rx(
            r"\bsubscribe\b",
            r"\bsign up\b",
            r"\bstay informed\b",
            r"\binbox\b",
            r"\bdigest\b",
            r"\bupdates\b",
            r"\bnewsletter\b",
        ),
    ),
    Cue(
        "share",
        _rx(
            r"^share (?:this|on|via)\b",
            r"^(?:share|tweet|email|print|copy link)(?:\s*[|/·,]\s*"
            r"(?:share|tweet|email|print|copy link|facebook|twitter|x|linkedin|whatsapp))+$",
            r"\bfollow us\b",
            r"^follow [\w .&'-]{1,40} on (?:x|twitter|facebook|instagram|telegram|linkedin|"
            r"whatsapp|threads|bluesky|youtube|tiktok)\b",
            r"^copy link\W*$",
        ),
        _rx(r"\bshare\b", r"\bfacebook\b", r"\bwhatsapp\b", r"\blinkedin\b"),
    ),
    Cue(
        "rating",
        _rx(
            r"\bclick on a star\b",
            r"\b(?:how useful|was this) (?:was )?(?:this )?(?:article|post|page|story|helpful)\b",
            r"^average rating\b",
            r"\bvote count\s*:",
            r"\bno votes so far\b",
            r"\bto rate (?:it|this)\b",
            r"^rate this\b",
            r"\bbe the first to (?:rate|comment|review)\b",
        ),
        _rx(r"\bratings?\b", r"\bvotes?\b", r"\bstars?\b", r"\buseful\b"),
    ),
    Cue(
        "nav",
        _rx(
            r"^(?:previous|next|prev|older|newer) (?:article|post|story|page)s?\W*$",
            r"^(?:previous|next|prev)\W*$",
            # "Next article: <headline of another story>"
            r"^(?:previous|next|prev) (?:article|post|story)\s*[:|»›>–—-]\s*\S.{0,160}$",
            r"^(?:latest|related|recommended|trending|popular|more) "
            r"(?:news|articles?|stories|posts|reads|headlines)\W*$",
            r"^(?:most (?:read|popular|viewed)|you may also like|read next)\W*$",
            r"^more from [\w .&-]+\W*$",
            r"^(?:trending|trending now|top stories|editor'?s picks|skip to (?:main )?content)\W*$",
            # "Related: <headline>", "Also read: <headline>"
            r"^(?:related|see also|also read|read also|recommended|more)\s*:\s*\S.{0,160}$",
        ),
        None,
    ),
    Cue(
        "readmore",
        _rx(
            r"^read more\b(?:\W+\w+){0,4}\W*$",  # "Read more world news", not a long sentence
            r"^read the (?:full|whole|complete|original) (?:article|story|report|post)\b",
            r"^continue reading\b",
            r"^click here\b",
            r"^(?:see|view) (?:more|all)\b",
            r"^(?:full story|more on this story)\b",
        ),
        _rx(r"\bread more\b", r"\bclick here\b"),
    ),
    Cue(
        "comments",
        _rx(
            r"^leave a (?:reply|comment)\b",
            r"^(?:post|add|write) a comment\b",
            r"^\d+\s+comments?\W*$",
            r"^(?:comments?|reply|replies)\W*$",
            r"^join the (?:conversation|discussion)\b",
            r"\byour email address will not be published\b",
        ),
        # not "declined to comment" / "a request for comment": common in news prose
        _rx(r"(?<!to )(?<!for )\bcomments?\b", r"\breply\b"),
    ),
    Cue(
        "author",
        _rx(
            r"^about (?:the )?author\W*$",
            r"^author(?:'s)? (?:bio|profile|details)\W*$",
            r"^(?:more|all) (?:posts|articles|stories) by\b",
            r"^(?:e-?mail|contact(?: the author)?|follow the author)\s*:",
        ),
        None,
    ),
    Cue(
        "credits",
        # wire credit lines: "(Reporting by A in B; Editing by C)"
        _rx(
            r"^\(?(?:reporting|writing|editing|additional reporting|compiled|produced) by\b"
            r"[^()]*\)?\W*$"
        ),
        None,
    ),
    Cue(
        "copyright",
        _rx(
            r"^(?:©|\(c\))",
            r"^copyright\s*(?:©|\(c\))?\s*(?:19|20)\d\d\b",
            r"\ball rights reserved\b",
            r"^(?:privacy(?: policy)?|terms (?:of (?:use|service))?|contact us|about us)"
            r"(?:\s*[|·/,]\s*\w[\w ]{0,20})+$",
            r"\bis a (?:registered )?trademark\b",
            r"\btrademark registered\b",
        ),
        None,
    ),
    Cue(
        "browser",
        # the page telling the reader's browser what it lacks
        _rx(
            r"^(?:internet explorer|ie ?\d*|your browser|this browser)\b.{0,40}\bnot supported\b",
            r"\b(?:enable|turn on) javascript\b",
            r"\b(?:update|upgrade) your browser\b",
            r"\b(?:use|switch to) a (?:modern|different|supported) browser\b",
        ),
        None,
    ),
    Cue(
        "note",
        # an editor's note about the page, not the story
        _rx(
            r"^this (?:story|article|post) (?:has been|was) updated\b",
            r"^editor'?s note\s*:",
        ),
        None,
    ),
    Cue(
        "tags",
        _rx(
            r"^(?:tags|topics|filed under|categories|related topics|keywords)\s*:",
            r"^\d+\s*min(?:ute)?s? read\W*$",
            r"\|\s*\d+\s*min(?:ute)?s? read\W*$",
            r"^(?:listen to this (?:article|story)|\d+\s*min(?:ute)?s? listen)\W*$",
        ),
        None,
    ),
    Cue(
        "advert",
        _rx(r"^(?:advertisement|advertising|sponsored(?: content)?|promoted|paid content|ad)\W*$"),
        None,
    ),
    Cue(
        "source",
        # A pointer to where the story comes from, on its own line ending with a colon:
        # "The agency has the story:", "Source:", "Originally published at ...".
        _rx(
            r"\b(?:has|have) the (?:full )?(?:story|details|report)\W*:\s*$",
            r"^(?:source|via|credits?)\s*:",
            r"^originally published (?:at|in|by|on)\b",
            r"^this (?:article|story) (?:was|is) (?:originally|first) published\b",
            r"^based on (?:reporting|an article|a story) (?:by|from)\b",
        ),
        None,
    ),
)

# Cue families that introduce a list of related headlines (the lines after them).
HEADLINE_LIST_FAMILIES = frozenset({"nav"})

# Per family, lower-case substrings of which every strong or weak match holds at least one
# (read off the patterns above: each alternative has one of these literally): a cheap
# ``in`` test on the folded line skips the family's regexes, which most lines never match.
# tests/test_clean_linear.py checks the filtered result against the bare regexes.
NEEDLES: dict[str, tuple[str, ...]] = {
    "cookie": ("cookie", "continuing", "manage your", "consent", "privacy policy"),
    "signup": (
        "sign up", "subscribe", "inbox", "newsletter", "unlock", "in to", "sign in", "log in",
        "register", "account", "stay informed", "digest", "updates",
    ),
    "share": (
        "share", "tweet", "email", "print", "copy link", "follow", "facebook", "whatsapp",
        "linkedin",
    ),
    "rating": ("star", "useful", "was this", "rating", "vote", "rate", "be the first to"),
    "nav": (
        "prev", "next", "older", "newer", "latest", "related", "recommended", "trending",
        "popular", "more", "most", "you may also like", "top stories", "editor", "skip to",
        "see also", "also read", "read also",
    ),
    "readmore": (
        "read", "continue reading", "click here", "see", "view", "full story",
        "more on this story",
    ),
    "comments": ("comment", "repl", "leave a", "join the", "your email address"),
    "author": ("author", "by", "mail", "contact"),
    "credits": ("reporting", "writing", "editing", "compiled", "produced"),
    "copyright": (
        "©", "(c)", "copyright", "all rights reserved", "privacy", "terms", "contact us",
        "about us", "trademark",
    ),
    "browser": ("supported", "javascript", "browser"),
    "note": ("updated", "editor"),
    "tags": ("tags", "topics", "filed under", "categories", "keywords", "min", "listen to this"),
    "advert": ("ad", "sponsored", "promoted", "paid content"),
    "source": ("has the", "have the", "source", "via", "credit", "published", "based on"),
}  # fmt: skip
# Letters that IGNORECASE matches to an ASCII letter but ``str.lower`` does not map to one
# (found by checking every code point): folded first, so the prefilter never misses a hit.
_FOLD = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})


# One literal alternation per family: a single C-level search instead of a Python loop.
_NEEDLE_RX = tuple(
    (cue, re.compile("|".join(re.escape(n) for n in NEEDLES[cue.family]))) for cue in CUES
)


@lru_cache(maxsize=65536)
def cue_hits(text: str) -> tuple[tuple[str, bool], ...]:
    """The cue families a line triggers, each with ``True`` for a strong hit.

    Cached: every chrome feature asks for the same line, and chrome lines recur across
    the batch. A family's regexes run only when one of its ``NEEDLES`` is in the line.
    """
    folded = text.translate(_FOLD).lower()
    return _hits(text, [cue for cue, needles in _NEEDLE_RX if needles.search(folded)])


def cue_hits_unfiltered(text: str) -> tuple[tuple[str, bool], ...]:
    """``cue_hits`` without the substring prefilter (the reference the tests compare with)."""
    return _hits(text, CUES)


def _hits(text: str, cues: Sequence[Cue]) -> tuple[tuple[str, bool], ...]:
    hits: list[tuple[str, bool]] = []
    for cue in cues:
        if cue.strong.search(text):
            hits.append((cue.family, True))
        elif cue.weak is not None and cue.weak.search(text):
            hits.append((cue.family, False))
    return tuple(hits)
