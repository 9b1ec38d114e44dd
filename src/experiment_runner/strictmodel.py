"""The base of every model read from a person's input (YAML data, tool arguments, a brief): an unknown key is an
error naming it, so a misspelt key fails loudly instead of being silently dropped."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class StrictModel(BaseModel):
    model_config = ConfigDict(extra="forbid")


class FrozenStrictModel(StrictModel):
    """A strict model that cannot change once built: data loaded once and shared (cached catalogs)."""

    model_config = ConfigDict(frozen=True)
