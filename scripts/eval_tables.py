"""Print ``wirecheck eval --json`` reports as Markdown tables (used by ``eval_all.sh``).

    python scripts/eval_tables.py NAME=REPORT.json [NAME=REPORT.json ...]
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


def main(args: list[str]) -> int:
    for arg in args:
        name, _, path = arg.partition("=")
        print(table(name, json.loads(Path(path).read_text(encoding="utf-8"))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
