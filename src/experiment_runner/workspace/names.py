"""Names that become path components (experiment, arm, run id, manifest name) and the text rules every tool input
follows. Patterns are matched whole (re.fullmatch: `$` would let a trailing newline through) and lengths capped,
before anything touches the filesystem; a refusal names the value and the rule."""

from __future__ import annotations

import os
import re
from typing import Any

from experiment_runner.errors import UserError

EXPERIMENT_MAX = 80
ARM_MAX = 60
SWEEP_MAX = ARM_MAX - 5  # a sweep's trials are arms named '<sweep>-NNNN'
RUN_ID_MAX = 121
MANIFEST_MAX = 121
PATH_MAX = 4096  # Linux PATH_MAX, in bytes
NAME_MAX = 255  # one path component, in bytes


def _pattern(cap: int) -> str:
    """A letter or digit, then letters, digits, '.', '_' or '-': `cap` characters at most."""
    return "[A-Za-z0-9][A-Za-z0-9._-]{0," + str(cap - 1) + "}"


_EXPERIMENT = re.compile(_pattern(EXPERIMENT_MAX))
_ARM = re.compile(_pattern(ARM_MAX))
_SWEEP = re.compile(_pattern(SWEEP_MAX))
_RUN_ID = re.compile(_pattern(RUN_ID_MAX))
_MANIFEST = re.compile(_pattern(MANIFEST_MAX))
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def shown(value: object) -> str:
    """A value as a message quotes it: its repr, cut to 100 characters."""
    text = repr(value)
    return text if len(text) <= 100 else text[:97] + "..."


def _name(value: object, pattern: re.Pattern[str], what: str, cap: int, example: str) -> str:
    if isinstance(value, str) and pattern.fullmatch(value) and value not in (".", ".."):
        return value
    why = ""
    if isinstance(value, str):
        if len(value) > cap:
            why = f" ({len(value)} characters, more than {cap})"
        elif _CONTROL.search(value):
            why = " (it contains a control character such as a newline)"
    raise UserError(
        f"{what} {shown(value)} is not valid{why}: use 1-{cap} letters, digits, '.', '_' or '-', starting with a "
        f"letter or digit (e.g. {example!r})"
    )


def experiment(value: object) -> str:
    return _name(value, _EXPERIMENT, "experiment name", EXPERIMENT_MAX, "resnet-lr-sweep")


def arm(value: object) -> str:
    return _name(value, _ARM, "arm", ARM_MAX, "lr-3e-4")


def sweep(value: object) -> str:
    return _name(value, _SWEEP, "sweep name", SWEEP_MAX, "lr-grid")


def run_id(value: object) -> str:
    if isinstance(value, str) and _RUN_ID.fullmatch(value) and value not in (".", ".."):
        return value
    raise UserError(f"run id {shown(value)} is not valid: run ids look like 'baseline-s0-3fa9c2' (see list_runs)")


def is_run_id(value: str) -> bool:
    return bool(_RUN_ID.fullmatch(value)) and value not in (".", "..")


def is_experiment(value: str) -> bool:
    return bool(_EXPERIMENT.fullmatch(value)) and value not in (".", "..")


def manifest_name(value: object) -> str:
    return _name(value, _MANIFEST, "manifest name", MANIFEST_MAX, "20260101T120000Z-3fa9c2d1")


def is_manifest_name(value: str) -> bool:
    return bool(_MANIFEST.fullmatch(value)) and value not in (".", "..")


def path_text(value: str, what: str = "path") -> str:
    """A path a caller gave: no NUL or other control character, no lone surrogate, within PATH_MAX and NAME_MAX."""
    if not value:
        raise UserError(f"{what} is empty; give a path relative to the workspace root, e.g. 'data/train.csv'")
    if _CONTROL.search(value):
        raise UserError(
            f"{what} {shown(value)} is not a valid path: it contains a control character (NUL, newline, tab ...)"
        )
    try:
        raw = os.fsencode(value)
    except UnicodeEncodeError:
        raise UserError(
            f"{what} {shown(value)} is not a valid path: it contains a lone surrogate, which no file name can hold"
        ) from None
    if len(raw) > PATH_MAX:
        raise UserError(f"{what} {shown(value)} is not a valid path: it is {len(raw)} bytes long, more than {PATH_MAX}")
    long = next((p for p in raw.split(b"/") if len(p) > NAME_MAX), None)
    if long is not None:
        raise UserError(
            f"{what} {shown(value)} is not a valid path: a component of it is {len(long)} bytes long, more than "
            f"{NAME_MAX} (the longest file name)"
        )
    return value


def bad_text(obj: Any, where: str = "") -> str | None:
    """Where in a JSON-like value a string holds a lone surrogate (not valid Unicode text), or None."""
    if hasattr(obj, "model_dump"):  # a pydantic model the SDK built from the arguments
        obj = obj.model_dump(mode="python")
    if isinstance(obj, str):
        m = _SURROGATE.search(obj)
        if m is not None:
            return f"{where or 'an argument'} holds a lone surrogate (U+{ord(m.group()):04X})"
        return None
    if isinstance(obj, dict):
        for k, v in obj.items():
            here = f"{where}.{k}" if where else str(k)
            found = bad_text(k, f"a key in {where or 'the arguments'}") or bad_text(v, here)
            if found:
                return found
    elif isinstance(obj, list | tuple):
        for i, v in enumerate(obj):
            found = bad_text(v, f"{where}[{i}]")
            if found:
                return found
    return None


def check_text(obj: Any) -> None:
    """UserError when any string in `obj` is not valid Unicode (a lone surrogate such as '\\ud800')."""
    found = bad_text(obj)
    if found:
        raise UserError(f"{found}: it is not valid Unicode text; send the value as valid UTF-8")
