"""The declared feature of a score, nomenklatura style: ``Feature(name, func, weight)``.

One record for every feature list of the project (chrome lines in ``clean.chrome``,
screening matches in ``entities.screening.features``; ``provenance.features`` can adopt
it): a named pure function of what is compared, its default weight, whether it is a
qualifier (an adjustment on top of the main evidence) and a note for the explanation.
How the values combine into a score differs per stage and stays in each stage's module.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Generic, TypeVar

FnT = TypeVar("FnT", bound=Callable[..., object])


@dataclass(frozen=True)
class Feature(Generic[FnT]):
    """A named feature function with its default weight."""

    name: str
    func: FnT
    weight: float
    qualifier: bool = False
    note: str = ""

    def weight_in(self, weights: Mapping[str, float] | None) -> float:
        """The weight a run gives this feature: its override in ``weights``, else the default."""
        return (weights or {}).get(self.name, self.weight)
