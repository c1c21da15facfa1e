"""Settings of the clean stage. Each threshold says how it was chosen."""

from __future__ import annotations

from pydantic import BaseModel


class CleanSettings(BaseModel):
    pass
