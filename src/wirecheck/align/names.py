"""Party names compared the way screening compares them: legal forms and case do not count.

``fingerprints`` (keep_order) folds case, accents, punctuation and abbreviates
legal forms ("Co. Ltd." -> "co ltd"); ``rigour``'s org-type lexicon then tells
which of the remaining tokens are legal forms, so they can be dropped: "Harbin X
Technology Co. Ltd." and "Harbin X Technology" give the same key.
"""

from __future__ import annotations

from functools import lru_cache

# Short legal forms rigour keeps as words (it reads "co" as a possible name part);
# a generic lexicon, not tied to any corpus.
_EXTRA_FORMS = frozenset(
    {"co", "corp", "company", "corporation", "incorporated", "limited", "sdn", "bhd"}
)


@lru_cache(maxsize=4096)
def is_legal_form(token: str) -> bool:
    """A legal form as a word of its own ("ltd", "gmbh", "bhd")."""
    from rigour.names import remove_org_types

    return token in _EXTRA_FORMS or not remove_org_types(token).strip()


@lru_cache(maxsize=4096)
def name_key(name: str | None) -> str | None:
    """A comparison key for a party name (None stays None)."""
    if not name or not name.strip():
        return None
    import fingerprints

    printed = fingerprints.generate(name, keep_order=True) or name.lower().strip()
    words = printed.split()
    while len(words) > 1 and is_legal_form(words[-1]):
        words.pop()
    return " ".join(words)
