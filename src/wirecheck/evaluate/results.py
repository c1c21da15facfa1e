"""Typed results of ``wirecheck eval``: one score row per finding type."""

from __future__ import annotations

from pydantic import BaseModel, Field


class FindingScore(BaseModel):
    """Precision/recall of one finding type, with the counts and the misses behind them.

    ``support`` is the number of gold items. A finding type whose data the analysis lacks
    scores recall 0 (``note`` says so); one the gold file does not cover has support 0.
    """

    finding: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    support: int = 0
    extra: dict[str, float] = Field(default_factory=dict)  # e.g. {"ari": 0.93}
    note: str = ""
    misses: list[str] = Field(default_factory=list)  # gold items not found (and false finds)

    @property
    def precision(self) -> float:
        found = self.tp + self.fp
        return self.tp / found if found else 0.0

    @property
    def recall(self) -> float:
        expected = self.tp + self.fn
        return self.tp / expected if expected else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def tally_exact(self, got: object, want: object, label: str) -> None:
        """Score one gold item by exact value: a hit when ``got == want``; else a miss, and a
        false find too when something (not None) was predicted."""
        self.support += 1
        if got == want:
            self.tp += 1
            return
        self.fn += 1
        self.fp += got is not None
        self.misses.append(f"{label}: {got} (gold {want})")

    def as_row(self) -> dict[str, object]:
        row: dict[str, object] = {
            "finding": self.finding,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "support": self.support,
        }
        row.update({k: round(v, 4) for k, v in self.extra.items()})
        if self.note:
            row["note"] = self.note
        row["misses"] = self.misses
        return row


class EvalReport(BaseModel):
    gold: str = ""
    articles: int = 0
    matched_articles: int = 0  # analysis articles that have a gold key
    scores: list[FindingScore] = Field(default_factory=list)

    def score(self, finding: str) -> FindingScore:
        for row in self.scores:
            if row.finding == finding:
                return row
        raise KeyError(finding)

    def to_json_dict(self) -> dict[str, object]:
        return {
            "gold": self.gold,
            "articles": self.articles,
            "matched_articles": self.matched_articles,
            "scores": [row.as_row() for row in self.scores],
        }
