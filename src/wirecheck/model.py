"""Typed records that every stage speaks: the single truth of wirecheck's data model.

Stages are pure functions over these records (batch in, batch out), so the same
function runs in-process and inside a Ray Data ``map_batches``. Serialised with
``model_dump(mode="json", by_alias=True)`` they give the ``analysis.json``
contract of SPEC.md; extra keys (spans, feature lists) are additions, never
renames.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Iterable
from enum import StrEnum
from typing import Annotated, Any, Self, get_args, get_origin
from weakref import WeakValueDictionary

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

ANALYSIS_VERSION = 1


class _AllFields(frozenset[str]):
    """Every field name of one record class, one object shared by all its instances.

    pydantic keeps a ``set`` of the fields each instance was given (``model_fields_set``,
    read only by ``exclude_unset``, which wirecheck never uses). At 216-728 bytes per set it
    was half the memory an analysis's records take (2,000 generated articles: 131 of 254 MB;
    ~6.5 GB at 100,000). A record therefore reports every field as set; pydantic's own
    ``add``/``update`` calls on it (attribute assignment, ``model_copy(update=...)``) name
    fields it holds already, so they are no-ops here.
    """

    def add(self, name: str) -> None:
        """pydantic adds a field name on assignment: already held."""

    def update(self, *names: Iterable[str]) -> None:
        """pydantic adds updated field names in ``model_copy``: already held."""

    def __copy__(self) -> _AllFields:
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> _AllFields:
        return self


_ALL_FIELDS: dict[type[BaseModel], _AllFields] = {}


def _all_fields(cls: type[BaseModel]) -> _AllFields:
    found = _ALL_FIELDS.get(cls)
    if found is None:
        found = _ALL_FIELDS.setdefault(cls, _AllFields(cls.model_fields))
    return found


class Record(BaseModel):
    """Base of all records: strict on field names, tolerant of extra keys when loading.

    After validation, construction, copying and unpickling (records cross process boundaries
    from the extraction workers and Ray tasks) an instance is *settled* (``_settle``): it
    shares one fields-set object with its class (``_AllFields``) and holds its values in a
    key-sharing dict.
    """

    model_config = ConfigDict(extra="ignore", populate_by_name=True)

    def model_post_init(self, context: Any, /) -> None:
        _settle(self)

    def __copy__(self) -> Self:
        copied = super().__copy__()
        _settle(copied)
        return copied

    def __deepcopy__(self, memo: dict[int, Any] | None = None) -> Self:
        copied = super().__deepcopy__(memo)
        _settle(copied)
        return copied

    def __setstate__(self, state: dict[Any, Any]) -> None:
        super().__setstate__(state)
        _settle(self, intern=True)  # validation did not run: share the strings here


# pydantic gives each instance a dict of its own (a combined table: keys and values), 464
# bytes for a record of 20 fields. CPython lets the instances of a plain class share one
# table of keys (PEP 412), each dict then holding its values only (232 bytes for 20 fields);
# such a dict comes from setting attributes on a fresh instance of a plain class. Measured on
# the records of `synth 20000` before entity resolution: the dicts took 387 MB, 200 MB
# settled (~0.9 GB less at 100,000 articles). It is an ordinary dict either way: pydantic
# reads, compares, copies and updates it as before, and an update that adds a key only
# turns it back into a combined table. Why not ``__slots__``: pydantic models do not
# support them for fields.
_LAYOUTS: dict[type[BaseModel], tuple[type, frozenset[str]]] = {}


# Offsets into a body (span starts and ends): a sentence's recur in every mention, reference
# and passage that cites it, and each int above CPython's cached small ints is an object of
# 28 bytes (~40 MB of the records of `synth 20000`). One object per value below the bound.
_CACHED_INTS, _SHARED_INTS_BELOW = 256, 1 << 17
_SHARED_INTS: dict[int, int] = {}


def shared_int(value: int) -> int:
    """The one object of an offset's value (see ``_SHARED_INTS``)."""
    if _CACHED_INTS < value < _SHARED_INTS_BELOW:
        return _SHARED_INTS.setdefault(value, value)
    return value


def _layout(cls: type[BaseModel]) -> tuple[type, frozenset[str]]:
    """The plain class lending ``cls``'s instances a key-sharing dict, and the fields of
    ``cls`` declared as shared strings."""
    found = _LAYOUTS.get(cls)
    if found is None:
        values_type = type(f"{cls.__name__}Values", (), {"__module__": __name__})
        shared = frozenset(
            name
            for name, field in cls.model_fields.items()
            if _interns(field.annotation, field.metadata)
        )
        found = _LAYOUTS.setdefault(cls, (values_type, shared))
    return found


def _interns(annotation: Any, metadata: Iterable[Any] = ()) -> bool:
    """Whether a field's type is (or holds) ``SharedStr``."""
    if any(isinstance(m, AfterValidator) and m.func is sys.intern for m in metadata):
        return True
    if get_origin(annotation) is Annotated:
        return _interns(None, annotation.__metadata__)
    return any(_interns(arg) for arg in get_args(annotation))


def _settle(record: BaseModel, intern: bool = False) -> None:
    """Share ``record``'s fields set and keys with its class (see ``_LAYOUTS``); with
    ``intern``, one object per value of its ``SharedStr`` fields (as validation gives)."""
    cls = type(record)
    values_type, shared = _layout(cls)
    values = values_type()
    for name, value in record.__dict__.items():
        if intern and name in shared:
            value = _interned(value)
        elif type(value) is int:
            value = shared_int(value)
        setattr(values, name, value)
    object.__setattr__(record, "__dict__", values.__dict__)
    object.__setattr__(record, "__pydantic_fields_set__", _all_fields(cls))


def _interned(value: Any) -> Any:
    if type(value) is str:
        return sys.intern(value)
    if type(value) is list and value and type(value[0]) is str:
        return [sys.intern(item) for item in value]
    return value


def stable_id(prefix: str, *parts: str, length: int = 16) -> str:
    """A content-derived id: the same inputs always give the same id (idempotent re-runs)."""
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()
    return f"{prefix}-{digest[:length]}"


# A string many records repeat (an article id, a sentence that several claims and their
# references quote, a rule name, a reason): one object per value (sys.intern on validation).
# On 2,000 generated articles these copies took ~14 MB of the ~95 MB the records hold.
SharedStr = Annotated[str, AfterValidator(sys.intern)]


# --------------------------------------------------------------------------- explanations


class FeatureScore(Record):
    """One named feature of a score: its value in [0, 1] (or a signed adjustment) and weight.

    Immutable, so that equal features can be one object (``shared_feature``).
    """

    model_config = ConfigDict(frozen=True)

    name: SharedStr
    value: float
    weight: float
    note: SharedStr = ""

    @property
    def contribution(self) -> float:
        return self.value * self.weight


# Equal features, one object: 2,000 generated articles carry 98,658 features of only 3,934
# distinct values (the same rule, weight and note on every removed line, claim and edge).
# Weak values: a feature no record holds any more leaves the table.
_FEATURES: WeakValueDictionary[tuple[str, str, str, str], FeatureScore] = WeakValueDictionary()


def shared_feature(feature: FeatureScore) -> FeatureScore:
    """The one live object equal to ``feature`` (``repr`` keys: ``-0.0`` and ``0.0``, or an
    int and a float, print differently in analysis.json, so they stay apart)."""
    key = (feature.name, feature.note, repr(feature.value), repr(feature.weight))
    return _FEATURES.setdefault(key, feature)


class Explanation(Record):
    """Why a score or verdict is what it is: the features that made it plus a sentence.

    Its features are shared objects (``shared_feature``) when it is made or unpickled;
    features appended later stay as they are.
    """

    score: float
    features: list[FeatureScore] = Field(default_factory=list)
    summary: SharedStr = ""

    def model_post_init(self, context: Any, /) -> None:
        super().model_post_init(context)
        self.__dict__["features"] = [shared_feature(f) for f in self.features]

    def __setstate__(self, state: dict[Any, Any]) -> None:
        super().__setstate__(state)
        self.__dict__["features"] = [shared_feature(f) for f in self.features]


# --------------------------------------------------------------------------- articles


class RemovalReason(StrEnum):
    BOILERPLATE = "boilerplate"
    METADATA = "metadata"
    CAPTION = "caption"
    SUMMARY = "summary"


class RemovedLine(Record):
    """A line taken out of the body, with the reason and the rule that fired (for the UI)."""

    text: SharedStr
    reason: RemovalReason
    rule: SharedStr = ""
    line_no: int = -1
    explanation: Explanation | None = None  # weighted features, for scored rules (chrome)


class Article(Record):
    """One text as ingested and cleaned. ``body`` holds only article content."""

    id: str
    source: str
    title: SharedStr | None = None
    title_reason: SharedStr | None = None  # where the title came from (metadata, a head line, lead)
    date: SharedStr | None = None  # ISO YYYY-MM-DD
    date_source: SharedStr | None = None  # where the date came from (meta, leading line, credit...)
    outlet: SharedStr | None = None
    byline: str | None = None
    language: SharedStr | None = None  # ISO 639-1
    language_source: SharedStr | None = None  # declared by the source, or detected (and how sure)
    url: str | None = None
    body: SharedStr = ""  # a copy's body is often its source's
    removed: list[RemovedLine] = Field(default_factory=list)
    raw_sha1: str = ""  # hash of the raw input, for idempotent re-ingest
    story: str | None = None
    family: str | None = None

    @staticmethod
    def make_id(source: str, raw_text: str) -> str:
        return stable_id("a", source, raw_text)


class IngestError(Record):
    """One input that could not be read, named with the reason (one line for the user)."""

    source: str
    reason: str

    def line(self) -> str:
        return f"{self.source}: {self.reason}"


class RawDocument(Record):
    """What a reader yields before cleaning: text plus whatever metadata the format carried."""

    source: str
    text: str
    title: str | None = None
    date: str | None = None
    outlet: str | None = None
    byline: str | None = None
    language: str | None = None
    url: str | None = None
    format: str = "text"  # text|html|jsonl|rss|warc|url
    preclean: bool = False  # True when the reader already extracted main text (HTML path)


# --------------------------------------------------------------------------- provenance


class DerivationKind(StrEnum):
    COPY = "copy"
    TRANSLATION = "translation"
    REWRITE = "rewrite"
    SUMMARY = "summary"
    EXCERPT = "excerpt"


class Passage(Record):
    """A character span of an article body."""

    article: SharedStr
    start: int
    end: int
    text: SharedStr


class AlignedPassage(Record):
    """A passage of the derived text aligned to a passage of its source."""

    derived: Passage
    source: Passage
    similarity: float
    channel: str = "lexical"  # lexical|semantic


class Derivation(Record):
    """Directed edge ``derived -> source`` with kind, explained score and evidence."""

    derived: str
    source: str
    kind: DerivationKind
    score: float
    evidence: list[SharedStr] = Field(default_factory=list)  # SPEC: passage texts
    passages: list[AlignedPassage] = Field(default_factory=list)
    added: list[Passage] = Field(default_factory=list)  # material only in the derived text
    dropped: list[Passage] = Field(default_factory=list)  # material only in the source
    explanation: Explanation | None = None
    direction: SharedStr = ""  # why this direction (containment, dates, credit line...)


class Family(Record):
    """Texts that derive from one original report. ``origin`` is an outlet when known."""

    id: str
    articles: list[str]
    origin: str | None = None
    origin_article: str | None = None
    reason: str = ""


class OriginGroup(Record):
    """Families counted as one independent origin (one agency or outlet), and why."""

    name: str | None = None
    families: list[str] = Field(default_factory=list)
    reason: str = ""


class Story(Record):
    id: str
    title: str | None = None
    articles: list[str] = Field(default_factory=list)
    families: list[Family] = Field(default_factory=list)
    independent_origins: int = 0  # len(origins): families of one agency count once
    origins: list[OriginGroup] = Field(default_factory=list)
    explanation: Explanation | None = None


# --------------------------------------------------------------------------- claims


class ClaimKind(StrEnum):
    SUPPLY = "supply"
    QUANTITY = "quantity"
    STATEMENT = "statement"
    QUOTE = "quote"


class Quantity(Record):
    """A number as an interval. ``low``/``high`` bounds; inclusivity kept for conflicts."""

    low: float | None = None
    high: float | None = None
    low_inclusive: bool = True
    high_inclusive: bool = True
    unit: SharedStr = ""  # "%", "USD", "GBP", "EUR", "count", ...
    qualifier: SharedStr | None = None  # nearly|about|more than|... (None for a bare number)
    text: SharedStr = ""
    value: float | None = None  # the number as written, scaled (e.g. 900e6)
    period: SharedStr | None = None  # resolved period, e.g. "2023", "2023-Q4"
    start: int = -1  # span in the article body
    end: int = -1


class ClaimMention(Record):
    """One claim as one article states it, pointing at its sentence span."""

    id: str
    article: SharedStr
    kind: ClaimKind
    start: int  # sentence span in article body
    end: int
    text: SharedStr  # the sentence
    supplier: SharedStr | None = None
    recipient: SharedStr | None = None
    goods: SharedStr | None = None  # surface wording
    goods_category: SharedStr | None = None  # taxonomy id (see extract/goods.yaml)
    end_use: list[SharedStr] = Field(default_factory=list)
    quantity: Quantity | None = None
    measure: SharedStr | None = None  # what the quantity measures, normalised words
    hedge: SharedStr | None = None
    negated: bool = False
    intent: SharedStr | None = None  # the word that makes it a plan, not a fact ("considering")
    attribution: SharedStr | None = None  # who claims it ("US officials")
    speaker: SharedStr | None = None  # for quotes
    quote: SharedStr | None = None  # the quoted words, for quotes
    explanation: Explanation | None = None  # extraction rules that fired (as features)


class EntityMention(Record):
    """A named entity span found by NER (and reused by entity resolution)."""

    article: SharedStr
    start: int
    end: int
    text: SharedStr
    label: SharedStr  # spaCy label: ORG, PERSON, GPE, NORP, FAC...


class ConflictNote(Record):
    with_: str = Field(alias="with")
    explanation: str
    passages: list[Passage] = Field(default_factory=list)
    details: Explanation | None = None


class ClaimStance(StrEnum):
    """What a claim says of its fact: that it holds, that it does not, or that it is only
    planned or considered ("was considering supplying"): only asserted supply is supply."""

    ASSERTED = "asserted"
    DENIED = "denied"
    INTENDED = "intended"


class ClaimStatus(StrEnum):
    CORROBORATED = "corroborated"
    SINGLE_SOURCE = "single_source"
    CONFLICT = "conflict"


class MentionRef(Record):
    article: SharedStr
    start: int
    end: int
    text: SharedStr
    mention: SharedStr = ""  # ClaimMention id
    family: SharedStr | None = None


class ClaimGroup(Record):
    """Mentions across articles that state the same thing, with the verdict on them."""

    id: str
    story: str | None = None
    kind: ClaimKind
    text: str
    supplier: str | None = None
    recipient: str | None = None
    goods: str | None = None
    end_use: list[str] = Field(default_factory=list)
    quantity: Quantity | None = None
    measure: str | None = None
    hedge: str | None = None
    stance: ClaimStance = ClaimStance.ASSERTED
    attribution: str | None = None
    mentions: list[MentionRef] = Field(default_factory=list)
    families: list[str] = Field(default_factory=list)
    independent_origins: int = 0
    status: ClaimStatus = ClaimStatus.SINGLE_SOURCE
    conflicts: list[ConflictNote] = Field(default_factory=list)
    explanation: Explanation | None = None


class Change(Record):
    """Something a derived text says differently from its origin (or from every other family)."""

    id: str
    article: str
    origin: str | None = None  # article id it is compared with
    kind: str = ""  # number|title|quote|negation|hedge|direction
    text: str
    origin_text: str
    explanation: str
    details: Explanation | None = None


# --------------------------------------------------------------------------- entities


class EntityType(StrEnum):
    ORGANIZATION = "organization"
    PERSON = "person"
    COUNTRY = "country"
    GOVERNMENT = "government"


class Alias(Record):
    name: SharedStr
    article: SharedStr
    start: int = -1
    end: int = -1
    reason: SharedStr = ""  # why this surface form joined the entity (same tokens, surname, ...)


# The SPEC names a field ``list``, which shadows the builtin inside these class bodies,
# so their list-typed fields use module-level aliases.
_Names = list[str]
_FeatureList = list[FeatureScore]


def _new_list() -> list[Any]:
    return []


class ScreeningMatch(Record):
    list: str
    entry: str
    name: str
    score: float
    explanation: str
    features: _FeatureList = Field(default_factory=_new_list)


class Entity(Record):
    id: str
    name: str
    type: EntityType
    aliases: list[str] = Field(default_factory=list)
    seen: list[Alias] = Field(default_factory=list)
    articles: list[str] = Field(default_factory=list)
    country: str | None = None
    screening: list[ScreeningMatch] = Field(default_factory=list)


class ListEntry(Record):
    """One row of a sanctions/export-control list, whatever its source format."""

    list: str
    id: str
    schema_: str = Field(default="LegalEntity", alias="schema")
    name: str
    aliases: _Names = Field(default_factory=_new_list)
    countries: _Names = Field(default_factory=_new_list)
    programs: _Names = Field(default_factory=_new_list)
    source_row: int = -1


# --------------------------------------------------------------------------- the whole analysis


class Analysis(Record):
    """Everything a run found. ``model_dump(mode="json", by_alias=True)`` is analysis.json."""

    version: int = ANALYSIS_VERSION
    articles: list[Article] = Field(default_factory=list)
    derivations: list[Derivation] = Field(default_factory=list)
    stories: list[Story] = Field(default_factory=list)
    claims: list[ClaimGroup] = Field(default_factory=list)
    changes: list[Change] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    mentions: list[ClaimMention] = Field(default_factory=list)
    entity_mentions: list[EntityMention] = Field(default_factory=list)
    errors: list[IngestError] = Field(default_factory=list)

    def article(self, article_id: str) -> Article:
        for art in self.articles:
            if art.id == article_id:
                return art
        raise KeyError(article_id)

    def to_json_dict(self) -> dict[str, object]:
        return self.model_dump(mode="json", by_alias=True)
