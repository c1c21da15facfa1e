"""Settings of the api stage. Each threshold says how it was chosen."""

from __future__ import annotations

from pydantic import BaseModel


class ApiSettings(BaseModel):
    pass
