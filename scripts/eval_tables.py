"""Print ``wirecheck eval --json`` reports as Markdown tables (used by ``eval_all.sh``).

    python scripts/eval_tables.py NAME=REPORT.json [NAME=REPORT.json ...]
    python scripts/eval_tables.py --compare BEFORE_DIR AFTER_DIR NAME [NAME ...]

``--compare`` reads BEFORE_DIR/NAME.json and AFTER_DIR/NAME.json (the EVALS directories of two
``eval_all.sh`` runs) and prints every row with both sides and whether it got better or worse.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

COLUMNS = ("finding", "precision", "recall", "f1", "tp", "fp", "fn", "support")


def _extra(row: dict[str, Any]) -> str:
    skip = {*COLUMNS, "misses", "note"}
    parts = [f"{k}={v}" for k, v in row.items() if k not in skip]
    return "; ".join(parts + ([str(row["note"])] if row.get("note") else []))


def table(name: str, report: dict[str, Any]) -> str:
    head = f"### {name} ({report.get('matched_articles')} of {report.get('articles')} articles)"
    lines = [head, "", "| " + " | ".join((*COLUMNS, "notes")) + " |",
             "|" + "---|" * (len(COLUMNS) + 1)]
    for row in report.get("scores", []):
        cells = [str(row.get(c, "")) for c in COLUMNS] + [_extra(row)]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def _prf(row: dict[str, Any] | None) -> tuple[float, float, float] | None:
    if row is None or row.get("f1") is None:
        return None
    return tuple(float(row.get(k) or 0.0) for k in ("precision", "recall", "f1"))  # type: ignore[return-value]


def _verdict(before: tuple[float, ...] | None, after: tuple[float, ...] | None) -> str:
    if before is None or after is None:
        return "new" if before is None else "gone"
    if after == before:
        return "same"
    worse = any(a < b - 1e-9 for a, b in zip(after, before, strict=True))
    better = any(a > b + 1e-9 for a, b in zip(after, before, strict=True))
    return "mixed" if worse and better else ("worse" if worse else "better")


def _fmt(prf: tuple[float, ...] | None) -> str:
    return "-" if prf is None else " / ".join(f"{v:.4g}" for v in prf)


def compare(before_dir: Path, after_dir: Path, names: list[str]) -> str:
    lines = ["| corpus | finding | before P / R / F1 | after P / R / F1 | change |",
             "|---|---|---|---|---|"]
    counts: dict[str, int] = {}
    for name in names:
        reports = [json.loads((d / f"{name}.json").read_text(encoding="utf-8"))
                   for d in (before_dir, after_dir)]
        rows = [{r["finding"]: r for r in rep.get("scores", [])} for rep in reports]
        for finding in dict.fromkeys([*rows[0], *rows[1]]):
            old, new = _prf(rows[0].get(finding)), _prf(rows[1].get(finding))
            verdict = _verdict(old, new)
            counts[verdict] = counts.get(verdict, 0) + 1
            lines.append(f"| {name} | {finding} | {_fmt(old)} | {_fmt(new)} | {verdict} |")
    summary = ", ".join(f"{n} {v}" for v, n in sorted(counts.items()))
    return "\n".join(lines) + f"\n\nRows: {summary}\n"


def main(args: list[str]) -> int:
    if args[:1] == ["--compare"]:
        print(compare(Path(args[1]), Path(args[2]), args[3:]))
        return 0
    for arg in args:
        name, _, path = arg.partition("=")
        print(table(name, json.loads(Path(path).read_text(encoding="utf-8"))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
