"""A search space over a command: which parameters its {name} placeholders take, every configuration of a grid,
random draws from it, and a configuration written into the command."""

from __future__ import annotations

import itertools
import math
import random
import re

from experiment_runner.errors import UserError
from experiment_runner.sweeps.model import ParamSpec, Value

PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
RESERVED = ("seed",)


def placeholders(command: list[str]) -> list[str]:
    """The {name} placeholders of a command, in order of first use ({seed} excluded)."""
    found = [m.group(1) for arg in command for m in PLACEHOLDER.finditer(arg)]
    return [n for n in dict.fromkeys(found) if n not in RESERVED]


def check_space(space: dict[str, ParamSpec], command: list[str]) -> None:
    """Refuse a space that is empty, names a reserved parameter, or does not match the command's placeholders."""
    if not space:
        raise UserError(
            'space is empty: give at least one parameter, e.g. {"lr": {"low": 1e-4, "high": 1e-1, "log": true}}, '
            'and put it in the command as "{lr}"'
        )
    for name in space:
        if name in RESERVED:
            raise UserError(f"parameter {name!r} is reserved: each run's seed fills {{seed}}; use seeds or n_seeds")
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise UserError(f"parameter name {name!r} is not valid: letters, digits and '_', not starting with a digit")
    used = placeholders(command)
    unused = [n for n in space if n not in used]
    if unused:
        raise UserError(
            f"parameter(s) {', '.join(unused)} do not occur in the command {command}: put each where it goes, e.g. "
            f'"--{unused[0]}", "{{{unused[0]}}}" (or "model.{unused[0]}={{{unused[0]}}}" for a config override); '
            f"placeholders in the command: {', '.join('{' + n + '}' for n in used) or 'none'}"
        )
    unknown = [n for n in used if n not in space]
    if unknown:
        raise UserError(
            f"the command has placeholder(s) {', '.join('{' + n + '}' for n in unknown)} that the space does not "
            f"define; parameters in the space: {', '.join(space)}"
        )


def grid(space: dict[str, ParamSpec]) -> list[dict[str, Value]]:
    """Every combination of the parameters' values, the first parameter varying slowest."""
    ranged = [n for n, p in space.items() if p.values is None]
    if ranged:
        raise UserError(
            f"a grid needs a list of values for every parameter; {', '.join(ranged)} "
            f"{'is' if len(ranged) == 1 else 'are'} a range: give values (e.g. [1e-3, 1e-2, 1e-1]) "
            "or use sampler 'random' or 'tpe'"
        )
    names = list(space)
    return [
        dict(zip(names, combo, strict=True)) for combo in itertools.product(*(space[n].values or [] for n in names))
    ]


def draw(space: dict[str, ParamSpec], n: int, seed: int) -> list[dict[str, Value]]:
    """n configurations drawn independently (uniform, or log-uniform for a log range) with a seeded generator."""
    rng = random.Random(seed)
    return [{name: _draw_one(p, rng) for name, p in space.items()} for _ in range(n)]


def _draw_one(p: ParamSpec, rng: random.Random) -> Value:
    if p.values is not None:
        return rng.choice(p.values)
    low, high = float(p.low or 0.0), float(p.high or 0.0)
    if p.type == "int":
        if p.log:
            return min(int(high), max(int(low), round(math.exp(rng.uniform(math.log(low), math.log(high))))))
        return rng.randint(math.ceil(low), math.floor(high))
    if p.log:
        return round_sig(math.exp(rng.uniform(math.log(low), math.log(high))))
    return round_sig(rng.uniform(low, high))


def round_sig(x: float, digits: int = 6) -> float:
    """A float to `digits` significant digits: what goes into the command and the record, so both agree."""
    return float(f"{x:.{digits}g}")


def text(value: Value) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float):
        return f"{value:.6g}"
    return str(value)


def fill(command: list[str], params: dict[str, Value]) -> list[str]:
    """The command with the configuration's values in its placeholders ({seed} is left for each run)."""

    def sub(m: re.Match[str]) -> str:
        name = m.group(1)
        return m.group(0) if name in RESERVED else text(params[name])

    return [PLACEHOLDER.sub(sub, arg) for arg in command]


def describe(params: dict[str, Value]) -> str:
    return ", ".join(f"{k}={text(v)}" for k, v in params.items())
