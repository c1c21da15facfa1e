"""Generic English lexicons of the extractors (no story-specific words).

Verb lists are lemmas (spaCy's lemmatizer output). Each list is small on purpose: a word
belongs here when it nearly always carries the role in news prose.
"""

from __future__ import annotations

# "X supplies/provides/sells Y (to Z)": subject is the supplier.
SUPPLY_VERBS = frozenset(
    {
        "supply",
        "provide",
        "sell",
        "ship",
        "export",
        "deliver",
        "send",
        "channel",
        "transfer",
        "furnish",
        "give",
        "funnel",
        "smuggle",
        "re-export",
        "offer",
        "contribute",
    }
)
# "Z obtained/received/imported Y (from X)": subject is the recipient.
RECEIVE_VERBS = frozenset(
    {
        "obtain",
        "receive",
        "import",
        "buy",
        "purchase",
        "acquire",
        "get",
        "source",
        "procure",
    }
)
# "Y came from X": subject is the goods.
ORIGIN_VERBS = frozenset({"come", "originate"})
# Nouns of supply: "China's sales/exports of Y to Z", "the provision of Y".
SUPPLY_NOUNS = frozenset(
    {
        "sale",
        "export",
        "shipment",
        "supply",
        "delivery",
        "provision",
        "transfer",
    }
)
# Verbs whose object is accused of supplying: "accused China of supplying".
ACCUSE_VERBS = frozenset({"accuse", "suspect", "charge", "blame"})
# Verbs that negate the supply they govern ("denied supplying", "refused to sell").
NEGATING_VERBS = frozenset({"deny", "refuse", "reject", "decline", "halt", "cease"})

# Attribution: "X said/added/told ...", "according to X".
ATTRIBUTION_VERBS = frozenset(
    {
        "say",
        "add",
        "tell",
        "state",
        "claim",
        "announce",
        "report",
        "warn",
        "note",
        "confirm",
        "allege",
        "assert",
        "insist",
        "estimate",
        "disclose",
        "reveal",
        "argue",
        "write",
        "explain",
        "acknowledge",
        "suggest",
        "conclude",
        "determine",
        "believe",
        "accuse",
    }
)
PRONOUNS = frozenset({"they", "he", "she", "it", "we", "i", "this", "that"})
# Generic source heads that refer back to an earlier named source ("the officials").
SOURCE_HEADS = frozenset(
    {
        "official",
        "person",
        "people",
        "source",
        "officer",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "analyst",
        "administration",
        "ministry",
        "department",
        "government",
        "intelligence",
        "assessment",
        "report",
        "statement",
        "minister",
        "secretary",
        "diplomat",
    }
)

# Hedges: lower-cased single words or phrases that weaken a claim.
HEDGE_WORDS = frozenset(
    {
        "likely",
        "probably",
        "possibly",
        "reportedly",
        "allegedly",
        "apparently",
        "may",
        "might",
        "could",
        "perhaps",
        "presumably",
        "purportedly",
        "seemingly",
        "unlikely",
    }
)
# Verbs of fear or suspicion: "X is concerned (that) Y supplies Z" worries, it does not assert.
ATTITUDE_VERBS = frozenset({"fear", "worry", "concern", "suspect"})
HEDGE_PHRASES = (
    "believed to",
    "appears to",
    "appear to",
    "appeared to",
    "is thought to",
    "are thought to",
    "is said to",
    "are said to",
    "suspected of",
    "considering",
    "was considering",
    "suggests",
    "suggesting",
)

# Nouns that stand for a group of actors of some country ("Chinese companies").
GROUP_NOUNS = frozenset(
    {
        "company",
        "companies",
        "firm",
        "firms",
        "group",
        "groups",
        "entity",
        "entities",
        "supplier",
        "suppliers",
        "manufacturer",
        "manufacturers",
        "business",
        "businesses",
        "exporter",
        "exporters",
        "producer",
        "producers",
        "enterprise",
        "enterprises",
        "vendor",
        "vendors",
        "maker",
        "makers",
        "government",
        "authorities",
        "state",
        "trader",
        "traders",
        "intermediaries",
        "intermediary",
        "factory",
        "factories",
    }
)
# Words that end an organisation name ("... Technology", "... Institute").
ORG_HEADS = frozenset(
    {
        "technology",
        "technologies",
        "institute",
        "group",
        "corporation",
        "corp",
        "company",
        "co",
        "ltd",
        "limited",
        "inc",
        "llc",
        "plc",
        "gmbh",
        "ag",
        "sa",
        "jsc",
        "holdings",
        "industries",
        "industry",
        "systems",
        "electronics",
        "works",
        "plant",
        "bank",
        "university",
        "academy",
        "foundation",
        "agency",
        "laboratory",
        "laboratories",
        "enterprise",
        "enterprises",
        "bureau",
        "association",
        "trading",
        "engineering",
    }
)
LEGAL_FORMS = frozenset(
    {
        "sdn",  # Malaysia: "Sdn Bhd"
        "bhd",
        "bv",  # Netherlands, Belgium
        "nv",
        "spa",  # Italy
        "srl",
        "co",
        "co.",
        "ltd",
        "ltd.",
        "limited",
        "inc",
        "inc.",
        "llc",
        "plc",
        "corp",
        "corp.",
        "gmbh",
        "ag",
        "sa",
        "jsc",
        "pjsc",
        "ooo",
        "oao",
        "zao",
        "llp",
        "lp",
        "pte",
        "pty",
    }
)

# Person nouns: counts of these are not measures ("two senior officials").
PERSON_NOUNS = frozenset(
    {
        "official",
        "officials",
        "person",
        "people",
        "source",
        "sources",
        "minister",
        "ministers",
        "leader",
        "leaders",
        "diplomat",
        "diplomats",
        "spokesman",
        "analyst",
        "analysts",
        "reporter",
        "reporters",
        "journalist",
        "journalists",
        "member",
        "members",
    }
)

# Words of "as did" ellipsis: "... came from X, as did 70% of Y".
ELLIPSIS_VERBS = frozenset({"do", "be"})
