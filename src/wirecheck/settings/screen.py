"""Settings of the screen stage. Each threshold says how it was chosen."""

from __future__ import annotations

from pydantic import BaseModel


class ScreenSettings(BaseModel):
    pass
