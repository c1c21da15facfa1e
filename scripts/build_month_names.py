"""Write ``src/wirecheck/data/month_names.json`` from babel's CLDR data.

Run after upgrading babel; ``tests/test_provenance_event_keys.py`` fails while the shipped
file differs from what the installed babel gives.

    PYTHONPATH=src python scripts/build_month_names.py
"""

from __future__ import annotations

import json
from pathlib import Path

from wirecheck.provenance.event_keys import MONTHS_FILE, cldr_month_names

OUT = Path(__file__).resolve().parents[1] / "src" / "wirecheck" / "data" / MONTHS_FILE


def main() -> None:
    names = cldr_month_names()
    OUT.write_text(json.dumps(names, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(names)} month names")


if __name__ == "__main__":
    main()
