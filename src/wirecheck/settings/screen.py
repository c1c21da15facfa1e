"""Settings of the entities/screen stage. Each threshold says how it was chosen."""

from __future__ import annotations

from pydantic import BaseModel, Field


class ScreenSettings(BaseModel):
    # Sanctions / export-control lists to screen against (paths). Empty: resolution only.
    lists: list[str] = Field(default_factory=list)
    # Format of every list: "ftm" (OpenSanctions FtM JSON lines), "simple" (OpenSanctions
    # targets.simple.csv), "csl" (US Consolidated Screening List CSV), or None to detect it
    # from the file name and first line.
    list_format: str | None = None

    # --- resolution
    # Shortest surface form kept as a name: one-letter spans are tagger noise.
    min_name_chars: int = 2
    # Two organisation names with the same number of tokens join when their order-free
    # token similarity (rapidfuzz token_sort_ratio / 100) reaches this. Chosen on the seed
    # corpus and tests/test_entities_resolve.py: 0.92 joins one- or two-letter spelling slips
    # in long names ("Kestrell"/"Kestrel") while two companies sharing a city and a
    # generic word (score ~0.6-0.8) stay apart.
    org_fuzzy_join: float = 0.92
    # Same for person full names (rapidfuzz Jaro-Winkler on the ordered tokens); 0.95 keeps
    # "Sergei/Sergey" together and different first names apart (tests).
    person_fuzzy_join: float = 0.95

    # --- screening
    # A list entry is reported when its score reaches this. Chosen on bench/bench_screen.py
    # (100k generated entries, spelling/transliteration variants of targets and hard negatives
    # sharing tokens with them): 0.70 is the highest value with recall 1.0 on the true targets;
    # see bench/results/screen.json for the precision at this value.
    match_threshold: float = 0.70
    # Candidates scored per query name after blocking (ranked by shared rare keys).
    # bench_screen: every true target ranks within the first 10; 25 leaves margin.
    max_candidates: int = 25
    # Postings read per query name, rarest keys first; common keys ("technology", a big city)
    # are never walked. bench_screen at 100k entries: 500 loses a target (recall 0.98), 1,000
    # keeps recall 1.0 at ~0.7 ms CPU per name; 2,000-3,000 add cost and no recall.
    posting_budget: int = 1000
    # Candidates whose plain name similarity (rapidfuzz token_sort_ratio or ratio of the
    # space-free names, / 100) is below this are not fully scored: a name that far off cannot
    # reach match_threshold through the weighted main features (bench_screen: no target lost).
    prefilter: float = 0.6
    # At most this many candidates per query name get the full explained score.
    # bench_screen at 100k: 4, 5 and 8 give the same recall (1.0) and precision; 5 keeps a
    # margin for names with many near-identical entries at ~0.6 ms CPU per name.
    max_scored: int = 5
    # Matches kept per entity (best first).
    max_matches: int = 5
    # Per-run overrides of feature weights, e.g. {"country_mismatch": -0.3}.
    weights: dict[str, float] = Field(default_factory=dict)
