"""One settings object for the whole run, composed of one section per stage.

Each section lives in its own module next to this one; every threshold there
carries a comment on how it was chosen (which data, which metric). Values can
be overridden from the environment with ``WIRECHECK_<SECTION>__<FIELD>``.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from wirecheck.settings.align import AlignSettings
from wirecheck.settings.api import ApiSettings
from wirecheck.settings.clean import CleanSettings
from wirecheck.settings.extract import ExtractSettings
from wirecheck.settings.ingest import IngestSettings
from wirecheck.settings.provenance import ProvenanceSettings
from wirecheck.settings.screen import ScreenSettings


class Settings(BaseModel):
    ingest: IngestSettings = Field(default_factory=IngestSettings)
    clean: CleanSettings = Field(default_factory=CleanSettings)
    provenance: ProvenanceSettings = Field(default_factory=ProvenanceSettings)
    extract: ExtractSettings = Field(default_factory=ExtractSettings)
    align: AlignSettings = Field(default_factory=AlignSettings)
    screen: ScreenSettings = Field(default_factory=ScreenSettings)
    api: ApiSettings = Field(default_factory=ApiSettings)


def load_settings(env: dict[str, str] | None = None) -> Settings:
    """Defaults, overridden by ``WIRECHECK_SECTION__FIELD=value`` variables."""
    import os

    source = os.environ if env is None else env
    data: dict[str, dict[str, str]] = {}
    for key, value in source.items():
        if not key.startswith("WIRECHECK_") or "__" not in key:
            continue
        section, _, field = key[len("WIRECHECK_"):].lower().partition("__")
        data.setdefault(section, {})[field] = value
    return Settings.model_validate(data)
