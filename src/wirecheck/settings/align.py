"""Settings of the align stage. Each threshold says how it was chosen."""

from __future__ import annotations

from pydantic import BaseModel


class AlignSettings(BaseModel):
    pass
