"""Where runs execute. A backend starts runs the store already holds as `queued`, tells the store what became of
them, and stops them. The store and the tools stay backend-agnostic: they call `get_backend(spec.backend)`.
Backend-specific facts live in `RunState.scheduler` (a dict), never in new top-level state fields."""

from __future__ import annotations

import importlib

from experiment_runner.runs.backends.base import Backend, LaunchPlan

#: name -> module holding `BACKEND` (an instance of Backend). A new backend adds its line here.
BACKEND_MODULES = {
    "local": "experiment_runner.runs.backends.local",
    "slurm": "experiment_runner.runs.backends.slurm",
}

_cache: dict[str, Backend] = {}


def available() -> list[str]:
    return sorted(BACKEND_MODULES)


def get_backend(name: str) -> Backend:
    if name not in _cache:
        if name not in BACKEND_MODULES:
            from experiment_runner.errors import UserError

            raise UserError(f"backend {name!r} is not available in this installation; valid: {', '.join(available())}")
        _cache[name] = importlib.import_module(BACKEND_MODULES[name]).BACKEND
    return _cache[name]


__all__ = ["Backend", "LaunchPlan", "available", "get_backend", "BACKEND_MODULES"]
