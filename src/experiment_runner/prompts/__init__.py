"""Templates (jinja2, StrictUndefined) and YAML data: the questions, red-flag probes, report layout.
Content lives here as data, not in code."""

from __future__ import annotations

from functools import cache, lru_cache
from importlib import resources
from typing import Any


@cache
def _env():
    import jinja2

    return jinja2.Environment(
        loader=jinja2.PackageLoader("experiment_runner", "prompts"),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )


def render(template: str, **context: Any) -> str:
    return _env().get_template(template).render(**context)


@cache
def load_yaml(name: str) -> Any:
    import yaml

    text = resources.files("experiment_runner.prompts").joinpath(name).read_text(encoding="utf-8")
    return yaml.safe_load(text)
