"""The verdict on a run with no finding: whether its log shows the run working, or shows nothing either way.

A diagnosis without a finding used to read "healthy" whatever the log held. On real pasted logs most failing runs
the tool missed were read that way from no evidence at all: a few info lines, a traceback-free excerpt, a series too
short to judge. A run is now called healthy only when something shows it learning: a main loss that falls clearly
(a significant Mann-Kendall trend, or three points each lower than the last by a tenth in all) to below the chance
loss where that is known, or an accuracy that rises clearly to above chance. Otherwise the verdict is undetermined,
with what would settle it.

    verdict(...) -> Verdict(outcome, shown_by, to_check)

`failed` is the diagnosis's own: a finding at the report threshold, or an exit, signal or final exception that says
the run failed."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Literal

from experiment_runner.diagnosis import series as S
from experiment_runner.diagnosis.baselines import Baseline

VerdictOutcome = Literal["failed", "healthy", "undetermined"]
Series = list[tuple[int | None, float]]

#: three points must move by this share of their start to count; also the margin an accuracy must clear chance by
MIN_RELATIVE_MOVE = 0.10
#: below this many finite points, no series says anything about learning
MIN_POINTS = 3

_LOSS_ROLES = ("train_loss", "val_loss")
_ACC_ROLES = ("val_acc", "train_acc")


@dataclass
class Verdict:
    outcome: VerdictOutcome
    shown_by: list[str] = field(default_factory=list)  # what in the log shows the run working (healthy)
    to_check: list[str] = field(default_factory=list)  # what would settle what the log leaves open


def verdict(
    *,
    failed: bool,
    ended_known: bool,
    series: dict[str, Series],
    roles: dict[str, str],
    base: Baseline,
    weak: list[str],
) -> Verdict:
    """`failed`: the diagnosis found a failure. `ended_known`: an exit code, signal or state was given. `roles`:
    role -> metric name (metric_checks.pick_roles). `weak`: the weak signals, as "category (confidence)"."""
    if failed:
        return Verdict("failed")
    shown = [s for role in _LOSS_ROLES if (s := _loss_fell(series, roles.get(role), base))]
    shown += [s for role in _ACC_ROLES if (s := _accuracy_rose(series, roles.get(role), base))]
    if not shown:
        shown = [
            s
            for role in _LOSS_ROLES + _ACC_ROLES
            if (s := _far_from_chance(series, roles.get(role), role in _LOSS_ROLES, base))
        ]
    to_check = _open_questions(series, roles, base, ended_known, weak, learning=bool(shown))
    return Verdict("healthy" if shown else "undetermined", shown, to_check)


def _finite_points(series: dict[str, Series], name: str | None) -> tuple[list[float], list[float]]:
    if not name or name not in series:
        return [], []
    return S.finite(series[name])


def _moved(steps: list[float], values: list[float], direction: Literal[-1, 1]) -> tuple[float, float] | None:
    """(start, end) when the series moves clearly in `direction` (-1 falls, +1 rises): a significant Mann-Kendall
    trend over four or more points, however small (the tail of a long run moves little, and steadily); three
    points each beyond the last and by MIN_RELATIVE_MOVE of the start (three noisy points line up one time in six)."""
    if len(values) < MIN_POINTS:
        return None
    if len(values) == MIN_POINTS:
        start, end = values[0], values[-1]
        steady = all((b - a) * direction > 0 for a, b in zip(values, values[1:]))
        scale = abs(start) if start != 0 else abs(end)
        return (start, end) if steady and (end - start) * direction >= MIN_RELATIVE_MOVE * scale else None
    tr = S.trend(steps, values)
    if tr is None or not (tr.falling if direction < 0 else tr.rising) or tr.start == tr.end:
        return None
    return tr.start, tr.end


def _loss_fell(series: dict[str, Series], name: str | None, base: Baseline) -> str | None:
    steps, values = _finite_points(series, name)
    moved = _moved(steps, values, -1)
    if moved is None:
        return None
    start, end = moved
    chance = base.chance_loss if base.ce_loss else None
    if chance is not None and end >= chance:
        return None  # fell, but only to where a uniform guess is: learned nothing yet
    tail = f", below {base.describe_chance()}" if chance is not None else ""
    return f"{name} fell {start:.4g} -> {end:.4g} over {len(values)} points{tail}"


def _accuracy_rose(series: dict[str, Series], name: str | None, base: Baseline) -> str | None:
    steps, values = _finite_points(series, name)
    moved = _moved(steps, values, 1)
    if moved is None:
        return None
    start, end = moved
    chance = base.chance_accuracy
    if chance is not None and end <= chance * (1 + MIN_RELATIVE_MOVE):
        return None  # rose, but not clear of a uniform guess
    tail = f", above chance {chance:.3g}" if chance is not None else ""
    return f"{name} rose {start:.4g} -> {end:.4g} over {len(values)} points{tail}"


def _far_from_chance(series: dict[str, Series], name: str | None, is_loss: bool, base: Baseline) -> str | None:
    """A run that learned before its first logged point: where the number of classes is known, a cross-entropy that
    ends below half the chance loss, or an accuracy that ends more than halfway from chance to a perfect score."""
    steps, values = _finite_points(series, name)
    if len(values) < MIN_POINTS or base.classes is None:
        return None
    tr = S.trend(steps, values, min_points=MIN_POINTS)
    last = tr.end if tr else values[-1]
    chance_loss = base.chance_loss if base.ce_loss else None
    if is_loss and chance_loss is not None and last < chance_loss / 2:
        return f"{name} ends at {last:.4g}, below half of {base.describe_chance()}"
    chance = base.chance_accuracy
    if not is_loss and chance is not None and last > chance + (base.acc_scale - chance) / 2:
        return f"{name} ends at {last:.4g}, more than halfway from chance {chance:.3g} to a perfect score"
    return None


def _open_questions(
    series: dict[str, Series],
    roles: dict[str, str],
    base: Baseline,
    ended_known: bool,
    weak: list[str],
    *,
    learning: bool,
) -> list[str]:
    """What the log leaves open, in the order a user would look."""
    out = []
    judged = [n for r in _LOSS_ROLES + _ACC_ROLES if (n := roles.get(r))]
    if not judged:
        out.append(
            "a metric series: no training or validation loss or accuracy was read from this log; give the lines "
            "that print them, or metrics={'loss': [...], 'val_loss': [...]}"
        )
    elif not learning:
        out.extend(
            _why_not_shown(name, series[name], role in _LOSS_ROLES, base)
            for role in _LOSS_ROLES + _ACC_ROLES
            if (name := roles.get(role))
        )
    if judged and not any(roles.get(r) for r in ("val_loss", "val_acc")):
        out.append("a held-out metric: none was read, so overfitting, underfitting and leakage cannot be judged")
    if not ended_known:
        out.append("how the run ended: exit_code (and signal); a pasted log without them is judged by its lines only")
    if weak:
        out.append("the weak signals, each below the report threshold: " + ", ".join(weak))
    return out


def _why_not_shown(name: str, points: Series, is_loss: bool, base: Baseline) -> str:
    steps, values = S.finite(points)
    if len(values) < MIN_POINTS:
        return f"more of {name}: {len(values)} finite point(s) cannot show a trend; give the whole log or its metrics"
    tr = S.trend(steps, values, min_points=MIN_POINTS)
    if tr is None or not math.isfinite(tr.relative_change):
        return f"{name}: {values[0]:.4g} -> {values[-1]:.4g}, no clear trend; compare it with its chance level"
    moved = f"{name}: {tr.start:.4g} -> {tr.end:.4g} over {tr.n} points ({tr.relative_change:+.0%}, "
    moved += f"Mann-Kendall p={tr.p:.2g})"
    if _moved(steps, values, -1 if is_loss else 1):  # it moved, and stopped short of chance
        chance = base.describe_chance() if is_loss else f"chance accuracy {base.chance_accuracy or 0:.3g}"
        return f"{moved}, but not clear of {chance}: a uniform guess scores that"
    return f"{moved}, no clear move; compare it with its chance level and a run known to learn"
