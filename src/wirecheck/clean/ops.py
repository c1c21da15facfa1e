"""An optional operation counter for the batch-level passes (tests check linear work)."""

from __future__ import annotations

from collections import Counter

# Operation name ("pairs", "postings"...) -> how many times it ran. Passed by tests only;
# the cleaner itself runs with ``None`` and counts nothing.
OpCounter = Counter[str]
