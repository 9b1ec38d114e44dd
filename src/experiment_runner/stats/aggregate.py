"""Aggregates across tasks or datasets (Agarwal et al. 2021, "Deep RL at the edge of the statistical precipice"):
the interquartile mean of every run's score on every task, with a stratified bootstrap interval that resamples runs
within each task, so every task keeps its weight."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
from scipy import stats as st


def iqm(values) -> float:
    """Interquartile mean: the mean of the middle 50% of the values (25% cut from each end). Equals
    scipy.stats.trim_mean(values, 0.25). values: any shape, flattened."""
    return float(st.trim_mean(np.asarray(values, dtype=float).reshape(-1), 0.25))


def stratified_bootstrap_iqm(
    scores: Mapping[str, Sequence[float]], *, n_resamples: int, rng: np.random.Generator, confidence: float = 0.95
) -> tuple[float, float, float]:
    """IQM over every (task, run) score and its percentile interval from a stratified bootstrap: each resample draws,
    within every task independently, as many runs as that task has, with replacement. scores: task -> (runs,) values
    (>= 1 per task). Returns (iqm, low, high). Randomness: one rng.integers() call per task."""
    tasks = [np.asarray(v, dtype=float).reshape(-1) for v in scores.values()]
    if not tasks or min(t.size for t in tasks) < 1:
        raise ValueError("every task needs at least one score")
    point = iqm(np.concatenate(tasks))
    draws = [t[rng.integers(0, t.size, (n_resamples, t.size))] for t in tasks]
    stacked = np.concatenate(draws, axis=1)  # (B, total runs)
    reps = st.trim_mean(stacked, 0.25, axis=1)
    alpha = (1 - confidence) / 2
    low, high = np.quantile(reps, [alpha, 1 - alpha])
    return point, float(low), float(high)
