"""Renders prompts/failure_playbook.yaml for one finding: each cause or step is the first of its variants whose
{fields} are all known, and items with `if:`/`unless:` are kept only when the fact holds / does not."""

from __future__ import annotations

import string
from collections.abc import Callable
from functools import lru_cache
from typing import Any

PLAYBOOK_FILE = "failure_playbook.yaml"


@lru_cache(maxsize=1)
def playbook() -> dict[str, Any]:
    from experiment_runner.prompts import load_yaml

    data = load_yaml(PLAYBOOK_FILE)
    from experiment_runner.diagnosis.model import CATEGORIES

    missing = [c for c in CATEGORIES if c not in data["categories"]]
    if missing:  # a category without advice would be a finding that says nothing: refuse at load
        raise ValueError(f"{PLAYBOOK_FILE} has no entry for {missing}")
    return data


def metric_roles() -> Callable[[str], str | None]:
    """The role of a metric name for the series checks (train_loss, val_loss, train_acc, val_acc, grad_norm or
    None): the one metric vocabulary's answer."""
    from experiment_runner.metrics.vocabulary import diagnosis_role

    return diagnosis_role


def _fields(template: str) -> list[str]:
    return [name for _, name, _, _ in string.Formatter().parse(template) if name]


def _render_item(item: Any, fields: dict[str, Any], facts: dict[str, Any]) -> str | None:
    """A list is variants (the first that renders wins), a mapping is conditional text, a string a template."""
    if isinstance(item, list):
        for variant in item:
            text = _render_item(variant, fields, facts)
            if text:
                return text
        return None
    if isinstance(item, dict):
        if "if" in item and not facts.get(item["if"]):
            return None
        if "unless" in item and facts.get(item["unless"]):
            return None
        return _render_item(item["text"], fields, facts)
    if all(fields.get(name) not in (None, "") for name in _fields(item)):
        return item.format(**{k: fields[k] for k in _fields(item)})
    return None


def render(category: str, fields: dict[str, Any], facts: dict[str, Any]) -> tuple[str, list[str], list[str], str]:
    """(title, causes, next steps, cheapest experiment) for a category."""
    entry = playbook()["categories"][category]
    causes = [c for c in (_render_item(i, fields, facts) for i in entry["causes"]) if c]
    steps = [s for s in (_render_item(i, fields, facts) for i in entry["next_steps"]) if s]
    cheapest = _render_item(entry["cheapest"], fields, facts) or ""
    return entry["title"], causes, steps, cheapest
