"""Generic English word lists the change detector reads (no corpus-specific entries).

Keys are in ``text.word_key`` form (lower case, no hyphens or apostrophes,
American spelling), so they compare directly with tokens.
"""

from __future__ import annotations

from wirecheck.align.text import word_key
from wirecheck.extract.lexicon import HEDGE_WORDS

NEGATIONS = frozenset(
    {
        "not",
        "no",
        "never",
        "none",
        "neither",
        "nor",
        "cannot",
        "without",
        "nothing",
        "isnt",
        "wasnt",
        "arent",
        "werent",
        "dont",
        "doesnt",
        "didnt",
        "wont",
        "cant",
        "couldnt",
        "shouldnt",
        "wouldnt",
        "hasnt",
        "havent",
        "hadnt",
        "denied",
        "deny",
        "denie",
    }
)

# Hedges of the change detector: the extractors' hedge words (their one home is
# ``extract.lexicon``) plus hedging verbs and adjectives compared as word keys ("appeared" in
# one version, not in the other). "unlikely" stays out of this list, as before the lists
# were merged (the detector's behaviour is unchanged).
HEDGES = (HEDGE_WORDS - {"unlikely"}) | frozenset(
    {"suspected", "unconfirmed", "appear", "appeared", "seem", "seemed"}
)

# Hedges compared inside reworded sentences, where one hedge may replace another of another
# strength ("likely" -> "possibly"): the detector's hedges plus adverbs and adjectives of
# possibility a rewrite substitutes for them.
REWORD_HEDGES = HEDGES | frozenset(
    {"potentially", "possible", "probable", "alleged", "supposedly"}
)

# Prepositions that give a relation its direction ("imported by" / "imported from",
# "flights to" / "flights from"): one swapped for another reverses who acts on whom.
DIRECTIONS = frozenset({"by", "from", "to", "into", "toward", "towards", "onto", "via"})

# Titles of office, longest first so "secretary of state" wins over "secretary".
# Each maps to its class: two titles of one person agree when their classes are
# equal or one class's words are contained in the other's ("minister" and
# "foreign minister"), and disagree otherwise ("president" vs "prime minister").
TITLES: dict[str, str] = {
    "deputy secretary of state": "deputy secretary of state",
    "secretary of state": "secretary of state",
    "secretary of defense": "defense secretary",
    "secretary of defence": "defense secretary",
    "secretary general": "secretary general",
    "vice president": "vice president",
    "vice premier": "vice premier",
    "prime minister": "prime minister",
    "foreign minister": "foreign minister",
    "foreign secretary": "foreign secretary",
    "defense minister": "defense minister",
    "defence minister": "defense minister",
    "finance minister": "finance minister",
    "interior minister": "interior minister",
    "treasury secretary": "treasury secretary",
    "defense secretary": "defense secretary",
    "defence secretary": "defense secretary",
    "home secretary": "home secretary",
    "chief executive": "chief executive",
    "crown prince": "crown prince",
    "president": "president",
    "premier": "prime minister",
    "chancellor": "chancellor",
    "minister": "minister",
    "secretary": "secretary",
    "spokesman": "spokesperson",
    "spokeswoman": "spokesperson",
    "spokesperson": "spokesperson",
    "ambassador": "ambassador",
    "governor": "governor",
    "mayor": "mayor",
    "senator": "senator",
    "chairman": "chair",
    "chairwoman": "chair",
    "king": "king",
    "queen": "queen",
    "pope": "pope",
    "ceo": "chief executive",
}


# Portfolios of ministers and secretaries ("trade minister", "minister of health"):
# with them "Trade Minister X" and "Prime Minister X" are different offices, while a
# bare "minister" stays compatible with any of them.
PORTFOLIOS = {
    "trade": "trade", "finance": "finance", "foreign": "foreign", "defence": "defense",
    "defense": "defense", "interior": "interior", "home": "home", "health": "health",
    "justice": "justice", "economy": "economy", "energy": "energy", "education": "education",
    "agriculture": "agriculture", "transport": "transport", "environment": "environment",
    "labour": "labor", "labor": "labor", "culture": "culture", "industry": "industry",
    "commerce": "commerce", "treasury": "treasury", "security": "security",
    "immigration": "immigration", "science": "science", "housing": "housing",
}


def _with_portfolios(base: dict[str, str]) -> dict[str, str]:
    out = dict(base)
    for word, key in PORTFOLIOS.items():
        for office in ("minister", "secretary"):
            out.setdefault(f"{word} {office}", f"{key} {office}")
            out.setdefault(f"{office} of {word}", f"{key} {office}")
    return out


TITLES = _with_portfolios(TITLES)


def titles_compatible(left: str, right: str) -> bool:
    """Whether two title classes can name the same office."""
    if left == right:
        return True
    a, b = set(left.split()), set(right.split())
    return a <= b or b <= a


_TITLE_KEYS = {" ".join(word_key(w) for w in title.split()): cls for title, cls in TITLES.items()}


def title_class(words: list[str]) -> str | None:
    """Class of the title spelled by ``words`` (token keys), if it is one."""
    return _TITLE_KEYS.get(" ".join(words))


def titles_in(words: list[str]) -> set[str]:
    """Classes of every title phrase occurring in a word list (longest match first)."""
    found: set[str] = set()
    i = 0
    while i < len(words):
        for size in (4, 3, 2, 1):
            cls = title_class(words[i : i + size]) if i + size <= len(words) else None
            if cls:
                found.add(cls)
                i += size
                break
        else:
            i += 1
    return found
