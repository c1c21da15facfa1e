"""Real-coverage labels (``../shared/realdev/labels.yaml``) read into one typed model.

The format (its header documents it): ``stories`` (main stories, and occasions with
``occasion_of``), ``families`` (per main story: origin -> files), ``unsure`` (left out of
family scoring), ``ambiguous`` (left out of story scoring), ``files`` (per file: path, url,
origin, form, language), ``changes`` (a version's change against its origin, both wordings)
and ``differences`` (values on which versions genuinely differ). Keys are the file-name
number prefixes (``301_x.txt`` -> ``301``), as for gold files.

``real_labels(gold, scope)`` keeps only the files in ``scope`` (the analysed articles), so
one topic folder scores only that topic's files.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any


def is_real_labels(gold: Mapping[str, Any]) -> bool:
    """Detected from content: a list of stories and a per-file section (gold files have
    ``articles`` and a ``story`` mapping instead)."""
    return isinstance(gold.get("stories"), list) and isinstance(gold.get("files"), Mapping)


@dataclass(frozen=True)
class LabelledStory:
    """A main story (``occasion_of`` None) or an occasion: another event on its topic."""

    id: str
    files: tuple[str, ...]
    occasion_of: str | None = None


@dataclass(frozen=True)
class LabelledChange:
    """A change a version made against its origin file, both wordings (matched fuzzily)."""

    story: str
    file: str  # the version's key
    text: str  # its wording
    origin_file: str
    origin_text: str  # the origin's wording
    kind: str = ""  # qualifier, number, quote...


@dataclass(frozen=True)
class Difference:
    """Values on which versions of a story genuinely differ: conflicts among them are right."""

    story: str
    what: str
    values: tuple[str, ...]


@dataclass
class RealLabels:
    """The labels restricted to the analysed files (``scope``)."""

    stories: list[LabelledStory]
    families: dict[str, dict[str, list[str]]]  # main story -> origin -> files (not unsure)
    unsure: frozenset[str]
    ambiguous: frozenset[str]
    topic_of: dict[str, str]  # file key -> topic folder
    url_of: dict[str, str]
    changes: list[LabelledChange] = field(default_factory=list)
    differences: list[Difference] = field(default_factory=list)

    def main_stories(self) -> list[LabelledStory]:
        return [s for s in self.stories if s.occasion_of is None]

    def occasions_of(self, main: str) -> list[str]:
        return [f for s in self.stories if s.occasion_of == main for f in s.files]

    def topic(self, story: LabelledStory) -> str:
        topics = {self.topic_of.get(f, "") for f in story.files}
        return min(topics) if len(topics) == 1 else story.id

    def story_of(self, key: str) -> str | None:
        return next((s.id for s in self.stories if key in s.files), None)


def _keys(values: Iterable[object], scope: frozenset[str]) -> tuple[str, ...]:
    return tuple(k for k in map(str, values) if k in scope)


def real_labels(gold: Mapping[str, Any], scope: Iterable[str]) -> RealLabels:
    """Convert the labels format to ``RealLabels``, keeping the files in ``scope``."""
    keys = frozenset(map(str, scope))
    files: Mapping[str, Mapping[str, Any]] = gold.get("files") or {}
    stories = [
        LabelledStory(str(s["id"]), _keys(s.get("files") or [], keys), s.get("occasion_of"))
        for s in gold.get("stories") or []
    ]
    unsure = frozenset(map(str, gold.get("unsure") or []))
    families = {
        str(story): {
            str(origin): list(members)
            for origin, files_ in (origins or {}).items()
            if (members := [k for k in _keys(files_, keys) if k not in unsure])
        }
        for story, origins in (gold.get("families") or {}).items()
    }
    return RealLabels(
        stories=[s for s in stories if s.files],
        families={s: f for s, f in families.items() if f},
        unsure=unsure,
        ambiguous=frozenset(map(str, gold.get("ambiguous") or [])),
        topic_of={str(k): PurePosixPath(str(v.get("file", ""))).parts[0] for k, v in files.items()
                  if v.get("file")},
        url_of={str(k): str(v.get("url") or "") for k, v in files.items()},
        changes=[
            LabelledChange(str(c["story"]), str(c["file"]), str(c["text"]),
                           str(c["origin_file"]), str(c["origin_text"]), str(c.get("kind", "")))
            for c in gold.get("changes") or []
            if str(c.get("file")) in keys
        ],
        differences=[
            Difference(str(d["story"]), str(d.get("what", "")), tuple(map(str, d["values"])))
            for d in gold.get("differences") or []
        ],
    )
