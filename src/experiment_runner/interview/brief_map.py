"""Answered interview fields in the shape draft_brief takes, where the mapping is obvious: the dataset's name goes
to data.dataset, a seed count to constraints.seeds, hyperparameters read off the words to model.hyperparameters.
A goal only implied by the hypothesis is left out: that text would be invented, not the person's."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from experiment_runner.interview import textmatch
from experiment_runner.interview.catalog import CompiledField
from experiment_runner.interview.model import AnsweredField


def _number(text: str) -> Any:
    for cast in (int, float):
        try:
            return cast(text)
        except ValueError:
            pass
    return text


def _set(tree: dict[str, Any], dotted: str, value: Any) -> None:
    *parents, leaf = dotted.split(".")
    for p in parents:
        tree = tree.setdefault(p, {})
    tree[leaf] = value


def entries(field: CompiledField, answered: AnsweredField, hits: list[textmatch.Hit]) -> list[tuple[str, Any]]:
    """(dotted brief path, value) pairs for one answered field."""
    target = field.spec.brief
    if answered.implied_by is not None:
        return []
    if target.value == "count":
        n = answered.values.get("n")
        return [(target.path, int(n))] if n is not None else []
    out: list[tuple[str, Any]] = []
    hyper = {k: _number(v) for k, v in answered.values.items()} if target.groups_to else {}
    direct = answered.answer_to == field.spec.id
    if direct or field.spec.evidence != "match":
        text = answered.evidence
    else:
        plain = [h for h in hits if not (target.groups_to and set(h.groups) - {"value"})]
        words: list[str] = []
        for h in plain[:1] if target.value == "first" else plain:
            w = textmatch.tidy(h.value)
            if w and w.lower() not in (x.lower() for x in words):
                words.append(w)
        text = ", ".join(words)
    if text:
        out.append((target.path, text))
    if hyper and target.groups_to:
        out.append((target.groups_to, hyper))
    return out


def build(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A partial brief, validated against draft_brief's model; a value the model rejects is left out."""
    from experiment_runner.briefs.model import Brief

    kept = list(pairs)
    while True:
        tree: dict[str, Any] = {}
        for path, value in kept:
            _set(tree, path, value)
        try:
            return Brief.model_validate(tree).model_dump(mode="json", exclude_unset=True)
        except ValidationError as e:
            bad = {".".join(str(p) for p in err["loc"][:2]) for err in e.errors()}
            remaining = [
                (p, v)
                for p, v in kept
                if not any(p == b or p.startswith(b + ".") or b.startswith(p + ".") for b in bad)
            ]
            if len(remaining) == len(kept):
                return {}
            kept = remaining
