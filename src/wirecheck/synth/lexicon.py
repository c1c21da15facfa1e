"""Word banks of the synthetic corpus: invented names, generic news vocabulary, site chrome.

Every company, person and outlet is built from invented syllables, so a synthetic corpus
never names a real one; countries are real and used only as settings.
"""

from __future__ import annotations

NAME_HEADS = (
    "Kest",
    "Harb",
    "Nov",
    "Alt",
    "Lak",
    "Okan",
    "Vel",
    "Tor",
    "Zen",
    "Mar",
    "Quor",
    "Bri",
    "Cal",
    "Dun",
    "Fen",
    "Gal",
    "Hol",
    "Ist",
    "Jar",
    "Lum",
    "Mor",
    "Nyx",
    "Orv",
    "Pel",
    "Ril",
    "Sab",
    "Tal",
    "Ulm",
    "Vey",
    "Wren",
    "Yar",
    "Zor",
    "Ash",
    "Bel",
    "Cor",
    "Dra",
    "Elm",
    "Fal",
)
NAME_TAILS = (
    "rel",
    "line",
    "amark",
    "amar",
    "ora",
    "ex",
    "ion",
    "ith",
    "aven",
    "ston",
    "wick",
    "ford",
    "mere",
    "dale",
    "crest",
    "vale",
    "tek",
    "gard",
    "holm",
    "ley",
    "more",
    "nova",
    "quist",
)
SECTORS = (
    "Dynamics",
    "Precision Tools",
    "Semiconductor",
    "Electronics",
    "Machinery",
    "Components",
    "Industries",
    "Systems",
    "Aerotech",
    "Microdevices",
    "Engineering",
    "Instruments",
)
LEGAL_FORMS = ("Co. Ltd.", "Corp.", "Sdn Bhd", "Pte Ltd", "S.A.", "GmbH", "LLC", "Inc.", "Ltd.")
RESOURCE_SECTORS = ("Minerals", "Resources", "Mining", "Metals")
LOGISTICS_SECTORS = ("Logistics", "Terminals", "Port Services", "Shipping")

FIRST_NAMES = (
    "Helen",
    "Rafael",
    "Aaron",
    "Gareth",
    "Camila",
    "Tomas",
    "Maren",
    "Daniel",
    "Priya",
    "Lucia",
    "Kofi",
    "Ingrid",
    "Mateo",
    "Aiko",
    "Samir",
    "Nadia",
    "Oskar",
    "Leila",
    "Pavel",
    "Grace",
    "Hugo",
    "Amara",
    "Jonas",
    "Elif",
    "Ravi",
    "Sofia",
    "Tariq",
    "Wen",
    "Yusuf",
    "Zara",
)
LAST_NAMES = (
    "Marsh",
    "Ortiz",
    "Pike",
    "Lowe",
    "Rojas",
    "Herrera",
    "Holt",
    "Goh",
    "Natarajan",
    "Fernandez",
    "Mensah",
    "Berg",
    "Silva",
    "Tanaka",
    "Haddad",
    "Petrova",
    "Lind",
    "Karimi",
    "Novak",
    "Osei",
    "Brandt",
    "Okafor",
    "Weber",
    "Yilmaz",
    "Rao",
    "Costa",
    "Aziz",
    "Liang",
    "Demir",
    "Quinn",
)
# titles of office: (title, the title a careless rewrite swaps in)
TITLES = (
    ("Trade Minister", "Prime Minister"),
    ("Foreign Minister", "Defence Minister"),
    ("Commerce Secretary", "Treasury Secretary"),
    ("Deputy Defence Secretary", "Defence Secretary"),
    ("Industry Minister", "Finance Minister"),
)

ACCUSERS = (
    ("Australia", "Australian", "Canberra"),
    ("Canada", "Canadian", "Ottawa"),
    ("Japan", "Japanese", "Tokyo"),
    ("Britain", "British", "London"),
    ("Germany", "German", "Berlin"),
    ("France", "French", "Paris"),
    ("South Korea", "South Korean", "Seoul"),
    ("the Netherlands", "Dutch", "The Hague"),
)
RECIPIENTS = ("Iran", "North Korea", "Russia", "Myanmar", "Syria", "Belarus")
BASES = (
    "Singapore",
    "Malaysia",
    "Turkey",
    "the United Arab Emirates",
    "Thailand",
    "Kazakhstan",
    "Armenia",
    "Hong Kong",
    "Kyrgyzstan",
    "Serbia",
)
HUBS = ("Hong Kong", "Dubai", "Istanbul", "Almaty", "Bangkok", "Yerevan", "Tashkent")
# goods: (plural noun, short form)
GOODS = (
    ("drone engines", "engines"),
    ("microchips", "chips"),
    ("machine tools", "tools"),
    ("navigation modules", "modules"),
    ("ball bearings", "bearings"),
    ("thermal cameras", "cameras"),
    ("servo motors", "motors"),
    ("carbon fibre", "fibre"),
)
END_USES = (
    "ballistic missiles",
    "cruise missiles",
    "attack drones",
    "armoured vehicles",
    "artillery shells",
    "air defence systems",
)
PORT_COUNTRIES = ("Chile", "Peru", "Namibia", "Indonesia", "Brazil", "South Africa", "Mexico")
PORT_NAMES = ("Port", "Puerto", "Porto", "Bahia", "Cape")  # + an invented word
CARGOES = ("copper concentrate", "iron ore", "soybeans", "coal", "lithium concentrate", "timber")
MINERALS = ("lithium", "copper", "nickel", "cobalt", "graphite", "zinc")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# stands for the weekday of the story's date in a text written before the date is drawn
EVENT_WEEKDAY = "<event weekday>"
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
NUMBER_WORDS = ("two", "three", "four", "five")

# outlets: originals come from agencies and papers; copies from sites with chrome
AGENCY_WORDS = ("Meridian", "Atlas", "Beacon", "Harbor", "Summit", "Compass", "Keystone", "Polar")
AGENCY_KINDS = ("Press", "News Agency", "Wire", "Newswire")
PAPER_WORDS = ("Coastal", "Northern", "Evening", "Capital", "Valley", "Eastern", "Harbour")
PAPER_KINDS = ("Ledger", "Herald", "Courier", "Gazette", "Chronicle", "Observer", "Times")
SITE_WORDS = ("DailyBrief", "WorldWatch", "NewsPulse", "InfoStream", "GlobeDesk", "HeadlineHub")
SITE_SUFFIXES = ("24", "Now", " Hub", " Today", " Live", " Online")

# paraphrase: (word, synonym) applied by rewrites, whole words only
SYNONYMS = (
    ("said", "stated"),
    ("companies", "firms"),
    ("supplying", "providing"),
    ("build", "make"),
    ("officials", "authorities"),
    ("named", "identified"),
    ("report", "assessment"),
    ("shipments", "deliveries"),
    ("statement", "written response"),
    ("told", "informed"),
    ("government", "administration"),
    ("workers", "employees"),
    ("agreed", "consented"),
    ("deal", "transaction"),
    ("warned", "cautioned"),
)

BACKGROUND_SUBJECTS = (
    "Regional trade",
    "Freight traffic",
    "Industrial output",
    "Foreign investment",
    "Customs enforcement",
    "Export licensing",
    "Shipping insurance",
    "Commodity demand",
)
BACKGROUND_VERBS = (
    "has grown steadily",
    "has slowed sharply",
    "has come under closer scrutiny",
    "has fluctuated",
    "has recovered unevenly",
    "has drawn new attention",
)
BACKGROUND_TAILS = (
    "since the pandemic, according to figures from the {org}",
    "over the past {n} years, analysts at the {org} said",
    "as governments in {place} review their rules, the {org} noted",
    "after a run of disputes in {place}, a report by the {org} found",
)
ORG_WORDS = ("Institute", "Council", "Foundation", "Centre", "Forum", "Bureau")
