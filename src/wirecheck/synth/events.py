"""The story writers a synthetic corpus draws from, with how often each is drawn.

Each writer invents one event and writes it once per independent origin: origins state the
same facts in their own words (a different wording per origin, a different order, facts of
their own), so independent reports share entities and numbers but few word runs.
"""

from __future__ import annotations

from wirecheck.synth.business import deal_event, plant_event, strike_event
from wirecheck.synth.export_story import export_event
from wirecheck.synth.prose import Event, EventFn

# (kind, writer, weight); weights: export stories carry most findings, so most stories
EVENTS: tuple[tuple[str, EventFn, float], ...] = (
    ("export", export_event, 0.45),
    ("strike", strike_event, 0.2),
    ("deal", deal_event, 0.2),
    ("plant", plant_event, 0.15),
)

__all__ = ["EVENTS", "Event", "EventFn"]
