"""Errors of list loading: one per bad row (the rest still loads) or one for the whole file."""

from __future__ import annotations

from dataclasses import dataclass, field


class ListFormatError(ValueError):
    """The file as a whole cannot be read as the given format (one line for the user)."""


@dataclass(frozen=True)
class ListError:
    """One malformed row: where it is and why it was skipped."""

    path: str
    row: int  # 1-based line (JSON lines) or data row (CSV) number
    reason: str

    def line(self) -> str:
        return f"{self.path}:{self.row}: {self.reason}"


@dataclass
class ErrorLog:
    """Row errors of one load. Keeps the first ``max_kept`` in full and counts the rest, so a
    file of millions of bad rows cannot exhaust memory."""

    max_kept: int = 1000
    errors: list[ListError] = field(default_factory=list)
    count: int = 0
    skipped: int = 0  # rows of other schemata (addresses, sanctions records...), not errors

    def add(self, error: ListError) -> None:
        self.count += 1
        if len(self.errors) < self.max_kept:
            self.errors.append(error)

    def summary(self) -> str:
        if not self.count:
            return "no bad rows"
        more = self.count - len(self.errors)
        tail = f" (+{more} more)" if more > 0 else ""
        return f"{self.count} bad rows skipped, first: {self.errors[0].line()}{tail}"
