"""Bootstrap confidence intervals for the mean of every arm, and for each arm's difference from a baseline, from
ONE vectorised draw for all arms together (instead of one scipy.stats.bootstrap call per arm).

With equal group sizes the draw is `rng.integers(0, n, (A, B, n))`: for a single arm that is exactly the draw
scipy.stats.bootstrap makes, so with the same Generator state this module reproduces scipy's percentile and
BCa intervals (tests check it to 1e-9). Arms of unequal size share one draw with a per-arm upper bound."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Sequence

import numpy as np
from scipy.special import ndtr, ndtri

Method = Literal["percentile", "bca"]


def bootstrap_means(samples: Sequence, n_resamples: int, rng: np.random.Generator) -> np.ndarray:
    """Bootstrap distribution of the mean of each sample.

    samples: A 1-D arrays of finite floats (arm a has n_a >= 1 values). rng: the only source of randomness.
    Returns an (A, n_resamples) float array: row a holds the means of n_resamples resamples (with replacement,
    each of size n_a) of sample a."""
    arrays = [np.asarray(s, dtype=float).reshape(-1) for s in samples]
    if not arrays:
        return np.empty((0, n_resamples))
    sizes = np.array([a.size for a in arrays])
    if np.any(sizes < 1):
        raise ValueError("every sample needs at least one value to bootstrap")
    A, n_max = len(arrays), int(sizes.max())
    if np.all(sizes == n_max):
        data = np.stack(arrays)  # (A, n)
        idx = rng.integers(0, n_max, (A, n_resamples, n_max))
        return np.take_along_axis(data[:, None, :], idx, axis=2).mean(axis=2)
    data = np.zeros((A, n_max))
    for a, arr in enumerate(arrays):
        data[a, : arr.size] = arr
    idx = rng.integers(0, sizes[:, None, None], (A, n_resamples, n_max))
    drawn = np.take_along_axis(data[:, None, :], idx, axis=2)
    keep = np.arange(n_max)[None, None, :] < sizes[:, None, None]  # draws past n_a are not part of the resample
    return np.where(keep, drawn, 0.0).sum(axis=2) / sizes[:, None]


def percentile_interval(distribution: np.ndarray, confidence: float = 0.95) -> np.ndarray:
    """Percentile interval of each row of an (A, B) bootstrap distribution: (A, 2) array of (low, high),
    numpy's default linear quantiles (the same as scipy.stats.bootstrap's). Deterministic."""
    alpha = (1 - confidence) / 2
    q = np.quantile(distribution, [alpha, 1 - alpha], axis=-1)  # (2, A)
    return np.moveaxis(q, 0, -1)


def _z0(distribution: np.ndarray, theta_hat: np.ndarray) -> np.ndarray:
    """Bias correction: the normal quantile of the share of resamples below the estimate (ties count half)."""
    th = theta_hat[:, None]
    below = np.count_nonzero(distribution < th, axis=1) + np.count_nonzero(distribution <= th, axis=1)
    return ndtri(below / (2 * distribution.shape[1]))


def _jackknife_terms(x: np.ndarray) -> tuple[float, float]:
    """sum(U^3)/n^3 and sum(U^2)/n^2 of the jackknife influence values of the mean (Efron & Tibshirani 14.15)."""
    n = x.size
    leave_one_out = (x.sum() - x) / (n - 1)
    u = (n - 1) * (leave_one_out.mean() - leave_one_out)
    return float(np.sum(u**3) / n**3), float(np.sum(u**2) / n**2)


def _bca_levels(z0: np.ndarray, accel: np.ndarray, confidence: float) -> tuple[np.ndarray, np.ndarray]:
    z_alpha = float(ndtri((1 - confidence) / 2))
    num1 = z0 + z_alpha
    num2 = z0 - z_alpha
    with np.errstate(divide="ignore", invalid="ignore"):
        return ndtr(z0 + num1 / (1 - accel * num1)), ndtr(z0 + num2 / (1 - accel * num2))


def _quantiles_per_row(distribution: np.ndarray, low: np.ndarray, high: np.ndarray) -> np.ndarray:
    out = np.full((distribution.shape[0], 2), np.nan)
    for a in range(distribution.shape[0]):
        if np.isfinite(low[a]) and np.isfinite(high[a]):
            out[a] = np.quantile(distribution[a], [low[a], high[a]])
    return out


def bca_interval_mean(samples: Sequence, distribution: np.ndarray, confidence: float = 0.95) -> np.ndarray:
    """Bias-corrected and accelerated interval for each sample's mean (Efron & Tibshirani eq. 14.9-14.15, as in
    scipy.stats.bootstrap(method='BCa')). samples: A 1-D arrays; distribution: (A, B) from bootstrap_means.
    Returns (A, 2); a row is nan when the interval is undefined (fewer than 2 values, or all values equal)."""
    arrays = [np.asarray(s, dtype=float).reshape(-1) for s in samples]
    theta = np.array([a.mean() for a in arrays])
    z0 = _z0(distribution, theta)
    accel = np.full(len(arrays), np.nan)
    for i, x in enumerate(arrays):
        if x.size >= 2:
            num, den = _jackknife_terms(x)
            accel[i] = num / 6 / den**1.5 if den > 0 else np.nan
    low, high = _bca_levels(z0, accel, confidence)
    return _quantiles_per_row(distribution, low, high)


def bca_interval_difference(samples: Sequence, baseline: Sequence, distribution: np.ndarray, confidence: float = 0.95) -> np.ndarray:
    """BCa interval for mean(sample_a) - mean(baseline), two independent samples (scipy's multi-sample BCa).
    samples: A 1-D arrays; baseline: 1-D array; distribution: (A, B) bootstrap distribution of the differences."""
    base = np.asarray(baseline, dtype=float).reshape(-1)
    arrays = [np.asarray(s, dtype=float).reshape(-1) for s in samples]
    theta = np.array([a.mean() - base.mean() for a in arrays])
    z0 = _z0(distribution, theta)
    b_num, b_den = _jackknife_terms(base) if base.size >= 2 else (np.nan, np.nan)
    accel = np.full(len(arrays), np.nan)
    for i, x in enumerate(arrays):
        if x.size >= 2 and base.size >= 2:
            num, den = _jackknife_terms(x)
            # the baseline enters with the opposite sign, so its cubed terms flip sign
            total_den = den + b_den
            accel[i] = (num - b_num) / 6 / total_den**1.5 if total_den > 0 else np.nan
    low, high = _bca_levels(z0, accel, confidence)
    return _quantiles_per_row(distribution, low, high)


@dataclass(frozen=True)
class BootstrapCIs:
    mean_ci: np.ndarray  # (A, 2) interval of each arm's mean
    diff_ci: np.ndarray  # (A, 2) interval of mean(arm) - mean(baseline); the baseline's own row is nan
    mean_distribution: np.ndarray  # (A, B)
    n_resamples: int
    method: str
    confidence: float


def bootstrap_cis(
    samples: Sequence,
    baseline_index: int | None,
    *,
    n_resamples: int = 10_000,
    confidence: float = 0.95,
    method: Method = "percentile",
    rng: np.random.Generator,
) -> BootstrapCIs:
    """Intervals for every arm's mean and every arm's difference from the baseline, from one draw for all arms.

    samples: A 1-D arrays (arm a has n_a >= 1 finite values); baseline_index: which of them is the baseline (or
    None: no difference intervals). The difference's distribution pairs the arm's resampled means with the
    baseline's (independent resamples of independent samples). Arms with fewer than 2 values get nan intervals.
    Randomness: only `rng`, consumed by a single integers() draw."""
    arrays = [np.asarray(s, dtype=float).reshape(-1) for s in samples]
    A = len(arrays)
    usable = [i for i, a in enumerate(arrays) if a.size >= 2]
    mean_ci = np.full((A, 2), np.nan)
    diff_ci = np.full((A, 2), np.nan)
    dist_all = np.full((A, n_resamples), np.nan)
    if not usable:
        return BootstrapCIs(mean_ci, diff_ci, dist_all, n_resamples, method, confidence)
    dist = bootstrap_means([arrays[i] for i in usable], n_resamples, rng)
    dist_all[usable] = dist
    if method == "percentile":
        mean_ci[usable] = percentile_interval(dist, confidence)
    else:
        mean_ci[usable] = bca_interval_mean([arrays[i] for i in usable], dist, confidence)
    if baseline_index is not None and baseline_index in usable:
        others = [i for i in usable if i != baseline_index]
        if others:
            diffs = dist_all[others] - dist_all[baseline_index][None, :]
            if method == "percentile":
                diff_ci[others] = percentile_interval(diffs, confidence)
            else:
                diff_ci[others] = bca_interval_difference([arrays[i] for i in others], arrays[baseline_index], diffs, confidence)
    return BootstrapCIs(mean_ci, diff_ci, dist_all, n_resamples, method, confidence)


def quantile_mc_se(distribution: np.ndarray, q: float, n_resamples: int | None = None) -> np.ndarray:
    """Monte Carlo standard error of the q-quantile of each row of an (A, B) bootstrap distribution, were it
    estimated from n_resamples draws (default B): sqrt(q (1 - q) / n) / f(x_q), the density f estimated from the
    spread of the quantiles q +- 0.01 (the asymptotic variance of a sample quantile). Returns (A,); nan rows stay nan."""
    B = distribution.shape[-1]
    n = n_resamples or B
    d = 0.01
    lo, hi = max(q - d, 0.0), min(q + d, 1.0)
    spread = np.quantile(distribution, [lo, hi], axis=-1)
    width = spread[1] - spread[0]
    with np.errstate(divide="ignore", invalid="ignore"):
        density = (hi - lo) / width
        return np.where(width > 0, np.sqrt(q * (1 - q) / n) / density, 0.0)
