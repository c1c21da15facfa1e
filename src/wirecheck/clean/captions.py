"""Photo captions left in scraped text: credits, "in this photo", dated picture lines.

A photo credit in parentheses at the end of a line is decisive on its own; the weaker
signals (a "left,"/"right," position note, a "Weekday, Month D, YYYY," appositive, a
present-tense picture verb) must come together, so a real sentence with a date stays.
"""

from __future__ import annotations

import re

_CREDIT = re.compile(
    r"\((?=[^()]*(?:\bphoto\b|\bphotograph|\bimages?\b|\bpool\b|\bpicture|/[^/()]+\bvia\b|"
    r"\bcredit\b|\bhandout\b))[^()]{2,90}\)\s*$",
    re.IGNORECASE,
)
# "... in Beijing. Photograph: A. Name/Agency" (a trailing credit without parentheses)
_CREDIT_SUFFIX = re.compile(
    r"\b(?:photograph|photo|image|illustration|picture)s?\s*:\s*[\w .'’-]{2,40}/[\w .'’-]{2,40}$",
    re.IGNORECASE,
)
_CREDIT_PREFIX = re.compile(
    r"^(?:photo|image|picture|file photo|photograph)\s*(?:credit)?\s*:", re.IGNORECASE
)
_IN_THIS_PHOTO = re.compile(
    r"\b(?:in this|this) (?:undated |handout |file |aerial )?(?:photo|image|picture|"
    r"photograph|video grab|still)\b",
    re.IGNORECASE,
)
_POSITION = re.compile(
    r",\s*(?:left|right|centre|center|second (?:from )?(?:left|right)|"
    r"top|bottom|front|rear)\s*,",
    re.IGNORECASE,
)
_WEEKDAY_DATE = re.compile(
    r",\s*(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),\s+"
    r"[A-Z][a-z]{2,8}\.?\s+[0-3]?\d,\s+(?:19|20)\d\d\b"
)
# Letters IGNORECASE matches to ASCII letters that ``str.lower`` leaves non-ASCII.
_FOLD = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})
_PICTURE_VERB = re.compile(
    r"^[A-Z][\w.'’ -]{2,80}?\b(?:speaks|meets|shakes hands|walks|arrives|gestures|listens|"
    r"looks on|attends|waves|poses|stands|sits|smiles|delivers|holds|greets|talks)\b"
)


# An archive picture: "FILE - ...", "FILE PHOTO: ...", or a credit ending ", File)". Its
# dates are when the picture was taken, often years before the story.
_ARCHIVE = re.compile(r"^\s*FILE(?:\s+PHOTO)?\s*[-–—:]|,\s*File\)\s*$")


def is_archive_caption(text: str) -> bool:
    """A caption of a file (archive) picture: its dates say nothing of the story's."""
    return _ARCHIVE.search(text) is not None


def caption_rule(text: str) -> str | None:
    """The caption rule a line triggers, or None. Credits decide alone; others need two.

    Cheap exact prefilters first (most lines are prose that no pattern matches): a
    parenthesised credit ends the line with ")", a trailing credit needs ":" and "/", and
    the two-signal patterns run only when at least two of them could fire.
    """
    if text.rstrip().endswith(")") and _CREDIT.search(text):
        return "photo-credit"
    if ":" in text and "/" in text and _CREDIT_SUFFIX.search(text):
        return "photo-credit"
    if _CREDIT_PREFIX.match(text):
        return "photo-label"
    possible = [
        (name, pattern)
        for name, pattern, could in (
            ("in-this-photo", _IN_THIS_PHOTO, "this" in text.translate(_FOLD).lower()),
            ("position-note", _POSITION, text.count(",") >= 2),
            ("weekday-date", _WEEKDAY_DATE, "day," in text),
            ("picture-verb", _PICTURE_VERB, "A" <= text[:1] <= "Z"),
        )
        if could
    ]
    if len(possible) < 2:
        return None
    signals = [name for name, pattern in possible if pattern.search(text)]
    if len(signals) >= 2:
        return "+".join(signals)
    return None
