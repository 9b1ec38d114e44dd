"""A trial's objective from its runs' parsed metrics (the run store's series): each run's value (its final or best
value of the objective metric), the trial's value (their mean over seeds), and the intermediate values a pruner is
fed (the mean over seeds at each step every seed has reached)."""

from __future__ import annotations

import math
import statistics

from experiment_runner.sweeps.model import Aggregation, Direction

Series = list[tuple[int | None, float]]


def run_value(series: Series, aggregation: Aggregation, direction: Direction) -> float | None:
    """The run's value of the objective (None when it logged no finite one)."""
    values = [v for _, v in series if math.isfinite(v)]
    if not values:
        return None
    if aggregation == "final":
        last = series[-1][1]
        return last if math.isfinite(last) else None
    return max(values) if direction == "max" else min(values)


def trial_value(values: list[float | None]) -> float | None:
    """The mean over the trial's seeds; None unless every seed gave a value."""
    if not values or any(v is None for v in values):
        return None
    return statistics.fmean(v for v in values if v is not None)


def intermediate(per_run: list[Series]) -> list[tuple[int, float]]:
    """(step, mean over seeds) for every step all the trial's runs have logged the objective at, in step order."""
    if not per_run:
        return []
    by_run = [{s: v for s, v in series if s is not None and math.isfinite(v)} for series in per_run]
    common = set(by_run[0]).intersection(*by_run[1:])
    return [(s, statistics.fmean(r[s] for r in by_run)) for s in sorted(common)]
