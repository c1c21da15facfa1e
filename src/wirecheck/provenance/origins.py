"""Origins named by agency or outlet, and families of one agency counted as one origin.

Runs after families are built. Each family is named from the strongest origin credit
among its members (dateline, byline, sign-off, copyright, an agency named in any
language, house-style marks), else the outlet or the URL host of its origin text, else
"unknown". Families whose names are confidently the same agency or outlet (both named
by credits of weight >= ``CONFIDENT``) are one origin: a first story and its
write-through share no derivation edge, yet one newsroom wrote both.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import urlparse

from wirecheck.model import Article, Family, OriginGroup
from wirecheck.provenance.agencies import fold, resolve
from wirecheck.provenance.credits import Credit, credits

# A credit at least this sure names whose text a family is (a dateline, byline, sign-off,
# an agency named in the text); a site's own copyright line or "X reported" is weaker.
CONFIDENT = 0.6
_DATELINE_HEAD = 600  # a dateline counts only near the top (later ones quote other stories)
_OUTLET_WEIGHT = 0.3
_HOST_WEIGHT = 0.2
_BYLINE_WEIGHT = 0.9
_BYLINE_OUTLET_WEIGHT = 0.8
_BY_LINE = re.compile(r"^(?:By|BY|Written by|Reporting by)\s+(.{2,160}?)\s*$")
_BYLINE_HEAD_LINES = 6
# A byline's last comma part names an outlet when it is an acronym or has a press word.
_PRESS_WORD = re.compile(
    r"\b(?:News|Press|Times|Post|Agency|Wire|Radio|TV|Television|Journal|Herald|Tribune|"
    r"Daily|Network|Media)\b"
)


@dataclass(frozen=True)
class OriginName:
    name: str
    kind: str
    weight: float
    article: str

    @property
    def key(self) -> str:
        agency = resolve(self.name)
        return "agency:" + agency.name if agency else "name:" + fold(self.name)


def article_origin(article: Article) -> OriginName | None:
    """The surest origin credit of one text (its body, removed lines and byline)."""
    found: list[OriginName] = []
    removed = "\n".join(r.text for r in article.removed)
    for text in (article.body, removed):
        found.extend(_from_credit(c, article.id) for c in credits(text) if _counts(c))
    for line in _byline_lines(article):
        by = _byline_origin(line)
        if by is not None:
            found.append(OriginName(by[0], "byline", by[1], article.id))
    return max(found, key=lambda o: o.weight) if found else None


def _byline_lines(article: Article) -> list[str]:
    """The byline the cleaner kept, and "By ..." lines left at the top of the body or
    among the removed lines (a byline the cleaner did not recognise as one)."""
    head = article.body.split("\n")[:_BYLINE_HEAD_LINES] + [r.text for r in article.removed]
    lines = [m.group(1) for line in head if (m := _BY_LINE.match(line.strip()))]
    return ([article.byline] if article.byline else []) + lines


def _counts(credit: Credit) -> bool:
    return credit.origin and (credit.kind != "dateline" or credit.start < _DATELINE_HEAD)


def _from_credit(credit: Credit, article_id: str) -> OriginName:
    return OriginName(credit.name, credit.kind, credit.weight, article_id)


def _byline_origin(byline: str | None) -> tuple[str, float] | None:
    """ "By Some Agency" names the agency; "By A. Writer, OUTLET" names the outlet."""
    if not byline:
        return None
    agency = resolve(byline)
    if agency is not None:
        return agency.name, _BYLINE_WEIGHT
    parts = [p.strip() for p in byline.split(",")]
    last = parts[-1] if len(parts) >= 2 else ""
    if not last or len(last.split()) > 4:
        return None
    agency = resolve(last)
    if agency is not None:
        return agency.name, _BYLINE_WEIGHT
    if (last.isupper() and len(last) >= 2) or _PRESS_WORD.search(last):
        return last, _BYLINE_OUTLET_WEIGHT
    return None


def cited_agencies(article: Article) -> list[str]:
    """Agencies the text names as a source of a fact ("according to X", "X reported"),
    in order of first mention: shown as "cites X", never taken as the text's origin (an
    own report or another agency's copy cites an agency as often as its own text does;
    "told X" names whom a speaker talked to and is left out)."""
    found = (
        c.name for c in credits(article.body) if c.agency and not c.origin and c.kind != "told"
    )
    return list(dict.fromkeys(found))


def family_origin(members: Sequence[Article], origin: Article) -> tuple[OriginName | None, str]:
    """The name of a family's origin, with the reason."""
    named = [o for o in (article_origin(m) for m in members) if o is not None]
    if named:
        # the surest credit; on a tie the origin text's own credit
        best = max(named, key=lambda o: (o.weight, o.article == origin.id))
        return best, f"origin credit {best.kind!r} names {best.name!r} (weight {best.weight:.1f})"
    cites = _cites_note(members)
    if origin.outlet:
        name = OriginName(origin.outlet, "outlet", _OUTLET_WEIGHT, origin.id)
        return name, "origin taken from the outlet of the earliest source text" + cites
    host = _host(origin.url)
    if host:
        name = OriginName(host, "url", _HOST_WEIGHT, origin.id)
        return name, "no credit line and no outlet: origin named by the URL host" + cites
    return None, "no credit line, outlet or URL: origin unknown" + cites


def _cites_note(members: Sequence[Article]) -> str:
    names = list(dict.fromkeys(n for m in members for n in cited_agencies(m)))
    if not names:
        return ""
    shown = ", ".join(repr(n) for n in names)
    return f"; cites {shown} (named as a source of facts, not credited as the origin)"


def _host(url: str | None) -> str:
    if not url:
        return ""
    host = urlparse(url).hostname or ""
    return host.removeprefix("www.")


def resolve_origins(
    families: Sequence[Family], articles: Mapping[str, Article]
) -> tuple[list[Family], list[OriginGroup]]:
    """Families with their origin named (and why), and the origin groups of a story:
    families confidently of one agency or outlet form one group, every other family
    stands alone."""
    named: list[Family] = []
    groups: dict[str, list[tuple[Family, OriginName]]] = {}
    alone: list[OriginGroup] = []
    for fam in families:
        members = [articles[a] for a in fam.articles if a in articles]
        origin = articles.get(fam.origin_article or "")
        if not members or origin is None:
            named.append(fam)
            alone.append(OriginGroup(name=fam.origin, families=[fam.id], reason=fam.reason))
            continue
        name, reason = family_origin(members, origin)
        if len(members) > 1:
            reason = f"{len(members)} texts joined by derivation edges; " + reason
        fam = fam.model_copy(update={"origin": name.name if name else None, "reason": reason})
        named.append(fam)
        if name is None or name.weight < CONFIDENT:
            alone.append(
                OriginGroup(
                    name=fam.origin, families=[fam.id], reason=_alone(name, _cites_note(members))
                )
            )
        else:
            groups.setdefault(name.key, []).append((fam, name))
    shared = [_group(rows) for rows in groups.values()]
    return named, sorted(shared + alone, key=lambda g: g.families[0])


def _alone(name: OriginName | None, cites: str) -> str:
    if name is None:
        return "one family, origin unknown" + cites
    return f"one family; its origin {name.name!r} is named by a weak credit ({name.kind})" + cites


def _group(rows: list[tuple[Family, OriginName]]) -> OriginGroup:
    fams = sorted(f.id for f, _ in rows)
    name = rows[0][1].name
    if len(rows) == 1:
        reason = f"one family credited to {name!r} ({rows[0][1].kind})"
    else:
        kinds = ", ".join(sorted({o.kind for _, o in rows}))
        reason = (
            f"{len(rows)} families credited to {name!r} ({kinds}, each weight >= {CONFIDENT}): "
            "one newsroom's texts count as one origin even when neither derives from the other"
        )
    return OriginGroup(name=name, families=fams, reason=reason)
