"""Aggregates across tasks or datasets (Agarwal et al. 2021, "Deep RL at the edge of the statistical precipice"; the
method of their rliable library): the interquartile mean of every run's score on every task, with a stratified
bootstrap interval that resamples runs within each task, so every task keeps its weight."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
from scipy import stats as st


def iqm(values) -> float:
    """Interquartile mean: the mean of the middle 50% of the values (25% cut from each end). Equals
    scipy.stats.trim_mean(values, 0.25). values: any shape, flattened."""
    return float(st.trim_mean(np.asarray(values, dtype=float).reshape(-1), 0.25))


def stratified_iqm_replicates(
    scores: Mapping[str, Sequence[float]], *, n_resamples: int, rng: np.random.Generator
) -> np.ndarray:
    """(B,) bootstrap replicates of the IQM over every (task, run) score: each resample draws, within every task
    independently, as many runs as that task has, with replacement, and takes the IQM of all drawn scores together.
    scores: task -> (runs,) values (>= 1 per task). Randomness: one rng.integers(0, n_t, (B, n_t)) call per task, in
    the mapping's order."""
    tasks = [np.asarray(v, dtype=float).reshape(-1) for v in scores.values()]
    if not tasks or min(t.size for t in tasks) < 1:
        raise ValueError("every task needs at least one score")
    draws = [t[rng.integers(0, t.size, (n_resamples, t.size))] for t in tasks]
    return st.trim_mean(np.concatenate(draws, axis=1), 0.25, axis=1)


def percentile_interval(replicates, confidence: float = 0.95) -> tuple[float, float]:
    alpha = (1 - confidence) / 2
    low, high = np.quantile(np.asarray(replicates, dtype=float), [alpha, 1 - alpha])
    return float(low), float(high)


def stratified_bootstrap_iqm(
    scores: Mapping[str, Sequence[float]], *, n_resamples: int, rng: np.random.Generator, confidence: float = 0.95
) -> tuple[float, float, float]:
    """IQM over every (task, run) score and its percentile interval from a stratified bootstrap (see
    stratified_iqm_replicates). Returns (iqm, low, high)."""
    point = iqm(np.concatenate([np.asarray(v, dtype=float).reshape(-1) for v in scores.values()]))
    reps = stratified_iqm_replicates(scores, n_resamples=n_resamples, rng=rng)
    return (point, *percentile_interval(reps, confidence))
