"""Learning curves across seeds: at every step, the mean, standard deviation and count of the runs that logged
a finite value there."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Curve:
    steps: np.ndarray  # (S,) sorted union of the steps the runs logged
    mean: np.ndarray  # (S,) mean over the runs with a finite value at that step
    std: np.ndarray  # (S,) sample std (ddof=1); nan where fewer than 2 runs have a value
    n: np.ndarray  # (S,) int: how many runs contributed at that step


def learning_curve(series: Sequence[Sequence[tuple[float, float]]]) -> Curve:
    """Per-step mean and spread across seeds.

    series: R runs, each a sequence of (step, value) pairs (steps need not be shared; a run logging the same step
    twice keeps its last value). Non-finite values count as missing at that step. Deterministic."""
    per_run = []
    for pairs in series:
        d = {}
        for step, value in pairs:
            d[float(step)] = float(value)
        per_run.append(d)
    steps = np.array(sorted({s for d in per_run for s in d}), dtype=float)
    if steps.size == 0:
        empty = np.empty(0)
        return Curve(empty, empty, empty, np.empty(0, dtype=int))
    pos = {s: i for i, s in enumerate(steps)}
    grid = np.full((len(per_run), steps.size), np.nan)
    for r, d in enumerate(per_run):
        for s, v in d.items():
            grid[r, pos[s]] = v
    grid[~np.isfinite(grid)] = np.nan
    n = np.count_nonzero(~np.isnan(grid), axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        total = np.nansum(grid, axis=0)
        mean = np.where(n > 0, total / np.maximum(n, 1), np.nan)
        dev = np.where(np.isnan(grid), 0.0, grid - mean[None, :])
        std = np.where(n >= 2, np.sqrt((dev**2).sum(axis=0) / np.maximum(n - 1, 1)), np.nan)
    return Curve(steps, mean, std, n)
