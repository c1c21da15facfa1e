"""Comparable forms of a name (tokens, phonetic keys) and the blocking keys of the index."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rigour.names import normalize_name

from wirecheck.entities.names import org_tokens, person_tokens, phonetic, token_key

PERSON_SCHEMATA = frozenset({"Person"})


@dataclass(frozen=True)
class NameForm:
    """One name of a record prepared for comparison."""

    raw: str
    literal: str  # casefolded, tokenised (rigour.normalize_name)
    tokens: tuple[str, ...]  # ASCII, no legal form / title
    key: str  # order-free token key
    compact: str  # tokens joined without spaces ("hua wei" and "huawei" agree)
    phonetics: tuple[str, ...]
    is_alias: bool = False


@lru_cache(maxsize=200_000)
def name_form(raw: str, is_person: bool, is_alias: bool = False) -> NameForm:
    tokens = person_tokens(raw) if is_person else org_tokens(raw)
    return NameForm(
        raw=raw,
        literal=normalize_name(raw) or "",
        tokens=tokens,
        key=token_key(tokens),
        compact="".join(tokens),
        phonetics=tuple(phonetic(t) for t in tokens),
        is_alias=is_alias,
    )


def key_groups(tokens: tuple[str, ...]) -> list[set[str]]:
    """Blocking keys of a name, one group per token plus one for the whole name.

    Per token: the token itself, its metaphone (spelling and transliteration variants), its
    first and last four (and, in long tokens, six) letters, and its one-letter deletions
    (SymSpell-style: "Fende" and "Fengde" share "fende", so a dropped or added letter still
    meets). For the whole name: the tokens joined without spaces ("Hua Wei" = "Huawei").
    """
    groups: list[set[str]] = [{"c:" + "".join(tokens)}]
    for token in tokens:
        keys = {"t:" + token, "d:" + token}
        if len(token) >= 3:
            keys.add("m:" + phonetic(token))
        if len(token) >= 6:
            keys.update(("a:" + token[:4], "z:" + token[-4:]))
        if len(token) >= 9:
            keys.update(("A:" + token[:6], "Z:" + token[-6:]))
        if 4 <= len(token) <= MAX_DELETION_LEN:
            keys.update("d:" + token[:i] + token[i + 1 :] for i in range(len(token)))
        groups.append(keys)
    return groups


def blocking_keys(tokens: tuple[str, ...]) -> set[str]:
    """Every key a name is indexed under."""
    return set().union(*key_groups(tokens))


# Deletion keys grow with token length; longer tokens are caught by prefix/suffix keys.
MAX_DELETION_LEN = 12
