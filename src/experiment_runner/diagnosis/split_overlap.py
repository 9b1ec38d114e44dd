"""Leakage a run states in its own settings: the data it trains on is named as a union that contains the split it
then reports scores on (`train_split='train+val'` and a validation accuracy; `DATASETS.TRAIN ('coco_2017_train',
'coco_2017_val')` and `DATASETS.TEST ('coco_2017_val',)`; `split="train+validation"` and an eval on validation).

Training on train+val is right for a final model scored on a test split: the union alone is no evidence. It becomes
evidence when the run also reports the split it trained on as its held-out score (a metric of that split, a line
scoring it, or an evaluation setting naming it); those scores then measure memory, not generalisation."""

from __future__ import annotations

import re
from collections.abc import Iterable

from experiment_runner.diagnosis.model import Evidence

_KEY = r"(?:split|subset|set|splits|data(?:set)?s?|files?|ann_files?)"
#: a bare `TRAIN:` / `TEST:` key (Detectron2's config dump) counts only before a list or a quoted value
_BARE = r"{}(?=\s*[:=]\s*[\[('\"])"
_TRAIN_SPEC = re.compile(
    rf"(?i)(?:^|[^\w.])(?P<key>train(?:ing)?[_ .-]?{_KEY}|datasets\.train|--train[-_]subset|{_BARE.format('train')})"
    r"['\"]?\s*(?:=|:|\s)\s*"
)
_EVAL_SPEC = re.compile(
    rf"(?i)(?:^|[^\w.])(?P<key>(?:val(?:id(?:ation)?)?|eval(?:uation)?|test|dev)[_ .-]?{_KEY}|datasets\.test|"
    rf"--valid[-_]subset|{_BARE.format('test')})['\"]?\s*(?:=|:|\s)\s*"
)
_HELD_OUT = re.compile(r"(?i)(?:^|[_./-])(?:val|valid|validation|dev|minival)(?:[_./\d-]|$)")
_TRAIN_NAME = re.compile(r"(?i)(?:^|[_./-])train(?:ing)?(?:[_./\d-]|$)")
_NAME = re.compile(r"[A-Za-z0-9_./-]+")
#: a line that scores a held-out split: `val acc is overall=84.18`, `val: overall=72.31`, `valid_loss 0.31`
_SCORED = re.compile(r"(?i)\b(?:val|valid|validation|dev)\b[^\n]{0,40}?\d+\.\d+")
_CLOSE = {"'": "'", '"': '"', "[": "]", "(": ")"}


def _value(text: str) -> str:
    """The setting's value: a quoted string, a bracketed list, or the next word."""
    text = text.lstrip()
    if not text:
        return ""
    close = _CLOSE.get(text[0])
    if close:
        end = text.find(close, 1)
        return text[1:end] if end > 0 else text[1:80]
    return re.split(r"[\s,;]", text, maxsplit=1)[0]


def _names(value: str) -> list[str]:
    return [n.strip("./-") for n in _NAME.findall(value.replace("+", " "))]


def _settings(pattern: re.Pattern[str], lines: Iterable[tuple[str, int, str]]) -> list[tuple[str, int, str, str]]:
    return [(s, n, m.group("key"), _value(text[m.end() :])) for s, n, text in lines for m in pattern.finditer(text)]


def trained_on_held_out(lines: list[tuple[str, int, str]], held_out_series: list[str]) -> tuple[str, Evidence] | None:
    """data_leakage evidence when the training data's names include a held-out split the run reports on."""
    for stream, n, key, value in _settings(_TRAIN_SPEC, lines):
        names = _names(value)
        held = [x for x in names if _HELD_OUT.search(x)]
        if not held or not any(_TRAIN_NAME.search(x) for x in names if x not in held):
            continue
        eval_settings = [v for _, _, _, v in _settings(_EVAL_SPEC, lines)]
        evaluated = [v for v in eval_settings if any(h == x for h in held for x in _names(v))]
        if eval_settings and not evaluated:
            continue  # the run names what it evaluates, and it is not the split trained on
        scored = [t for s, m, t in lines if (s, m) != (stream, n) and _SCORED.search(t) and not _TRAIN_SPEC.search(t)]
        if not (evaluated or held_out_series or scored):
            continue  # train+val for a final model scored on test: nothing held out was reported
        how = (
            f"an evaluation on {evaluated[0]!r}"
            if evaluated
            else f"the line {scored[0].strip()[:120]!r}"
            if scored
            else f"scores of {held_out_series[0]}"
        )
        ev = Evidence(
            kind="log",
            # a validation series alone may be a test split under the trainer's `eval_` name: weaker
            strength=0.8 if evaluated or scored else 0.6,
            stream=stream,
            line=n,
            summary=f"{stream} line {n}: the training data {key} = {value!r} contains the held-out split "
            f"{held[0]!r}, and the run reports it ({how}): those scores are on data the model trained on. To "
            "confirm: train on the training split alone, or score a split that is not in training",
            data={"rule": "trained_on_held_out", "held_out": held},
        )
        return "data_leakage", ev
    return None
