"""The synthetic generator's own small records: paragraphs, documents and story facts."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Para:
    """One paragraph and the story fact it states (``fact`` ids are unique within a story)."""

    fact: str
    text: str
    claim: str | None = None  # quantity claim id when the paragraph states one
    value: str | None = None  # the quantity as written, e.g. "nearly 60%"
    change: tuple[str, str, str] | None = None  # (words, what a careless rewrite writes, kind)


@dataclass
class Doc:
    """One synthetic article before rendering: chrome lines around fact paragraphs."""

    story: int
    family: int
    kind: str  # original|copy|excerpt|rewrite|summary
    outlet: str
    title: str
    date: str  # ISO date of publication
    paras: list[Para]
    head: list[str] = field(default_factory=list)  # chrome before the body
    tail: list[str] = field(default_factory=list)  # chrome after the body
    key_points: list[str] = field(default_factory=list)  # site-made summary inside the page
    captions: list[str] = field(default_factory=list)
    source: int | None = None  # index (within the story) of the doc it derives from
    changes: list[tuple[str, str]] = field(default_factory=list)  # (changed text, note)
    date_line: bool = False  # whether the date is printed in the chrome

    def chrome(self) -> list[str]:
        """Every non-content line (boilerplate the cleaner should remove)."""
        return [*self.head, *self.tail]

    def render(self) -> str:
        """The article as a text file: title line, then blocks separated by blank lines."""
        blocks = [self.title, *self.head]
        if self.key_points:
            blocks.append("\n".join(self.key_points))
        blocks.extend(self.captions)
        blocks.extend(p.text for p in self.paras)
        blocks.extend(self.tail)
        return "\n\n".join(blocks) + "\n"


@dataclass
class Supply:
    """A supply relation a story states: who supplies what to whom, for which use."""

    fact: str
    supplier: str
    recipient: str
    goods: str
    end_use: str
    hedged_by: dict[int, str] = field(default_factory=dict)  # origin index -> hedge word


@dataclass
class StoryFacts:
    """What a story is about, independent of wording: for the gold file."""

    kind: str  # export|strike|deal|plant
    title: str
    date: str
    supplies: list[Supply] = field(default_factory=list)
    claims: dict[str, str] = field(default_factory=dict)  # quantity claim id -> description
    entities: dict[str, list[str]] = field(default_factory=dict)  # canonical -> surface forms
    people: list[str] = field(default_factory=list)
    single: dict[str, str] = field(default_factory=dict)  # fact id -> description (one origin)
