"""Bootstrap confidence intervals for the mean of every arm, and for each arm's difference from a baseline, drawn
for all arms together instead of one scipy.stats.bootstrap call per arm.

Two ways to draw, giving each arm the same (exact) bootstrap distribution:
- "shared" (the default): one draw of B resamples of n indices, turned into an (n, B) matrix of counts (how often each
  value is drawn in each resample), is applied to every arm of size n: resample means = values @ counts / n. Arms
  thus use common random numbers: each arm's distribution is exactly its bootstrap distribution, but the Monte Carlo
  errors of different arms are correlated. Arms are never compared with one another through these replicates; each
  difference from the baseline pairs the arm's replicates with the baseline's replicates from a second, independent
  draw, as the bootstrap of two independent samples requires.
- "direct": `rng.integers(0, n, (A, B, n))`, one index per resampled value and arm. For a single arm this is exactly
  the draw scipy.stats.bootstrap makes, so from the same Generator state the intervals equal scipy's (tests check it
  to 1e-9).
Arms of different sizes get one draw per distinct size."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
import numpy.typing as npt
from scipy.special import ndtr, ndtri

Method = Literal["percentile", "bca"]
Draw = Literal["shared", "direct"]


def _resample_counts(n: int, n_resamples: int, rng: np.random.Generator) -> np.ndarray:
    """(n, B) float: how often value v is drawn in resample b, from one rng.integers(0, n, (n, B)) draw (row j holds
    every resample's j-th index)."""
    if n <= 32:  # a compare-and-count pass per value beats bincount for the few values of a seed sweep
        small = rng.integers(0, n, (n, n_resamples), dtype=np.uint8)
        counts = np.empty((n, n_resamples))
        for v in range(n):
            np.sum(small == v, axis=0, out=counts[v])
        return counts
    idx = rng.integers(0, n, (n, n_resamples))
    idx *= n_resamples
    idx += np.arange(n_resamples)
    return np.bincount(idx.ravel(), minlength=n * n_resamples).reshape(n, n_resamples).astype(np.float64)


def bootstrap_means(samples: Sequence, n_resamples: int, rng: np.random.Generator, draw: Draw = "shared") -> np.ndarray:
    """Bootstrap distribution of the mean of each sample.

    samples: A 1-D arrays of finite floats (arm a has n_a >= 1 values). rng: the only source of randomness, one
    integers() call per distinct sample size. Returns an (A, n_resamples) float array: row a holds the means of
    n_resamples resamples (with replacement, each of size n_a) of sample a. See the module docstring for `draw`."""
    arrays = [np.asarray(s, dtype=float).reshape(-1) for s in samples]
    if not arrays:
        return np.empty((0, n_resamples))
    sizes = [a.size for a in arrays]
    if min(sizes) < 1:
        raise ValueError("every sample needs at least one value to bootstrap")
    groups = {n: [i for i, size in enumerate(sizes) if size == n] for n in dict.fromkeys(sizes)}
    if len(groups) == 1:  # no copy into a fresh (A, B) array
        return _same_size_means(np.stack(arrays), n_resamples, rng, draw)
    out = np.empty((len(arrays), n_resamples))
    for rows in groups.values():
        out[rows] = _same_size_means(np.stack([arrays[i] for i in rows]), n_resamples, rng, draw)
    return out


def _same_size_means(data: np.ndarray, n_resamples: int, rng: np.random.Generator, draw: Draw) -> np.ndarray:
    """bootstrap_means of the rows of data, (A_n, n): samples of one size n, from one draw."""
    rows, n = data.shape
    if draw == "direct":
        idx = rng.integers(0, n, (rows, n_resamples, n))
        # mean over the last axis, as scipy computes it, so that ties with the estimate (BCa's bias correction
        # counts them) fall the same way to the last bit
        return np.take_along_axis(data[:, None, :], idx, axis=2).mean(axis=2)
    # resample sums (A_n, n) x (n, B); einsum's own loop, as a threaded BLAS costs more CPU than it saves here
    means = np.einsum("an,nb->ab", data, _resample_counts(n, n_resamples, rng))
    means /= n
    return means


def _lerp(a: np.ndarray, b: np.ndarray, t: float) -> np.ndarray:
    return a + (b - a) * t if t < 0.5 else b - (b - a) * (1 - t)  # numpy's linear interpolation, to the bit


class Ordered:
    """Order statistics of the rows of an (A, B) distribution, for any number of quantiles.

    With `tail` (a fraction of B), only each row's lower and upper tails are ordered at first: the values farther
    from the mean than z sd (mean and sd from a strided subsample; z for 2.5x the tail fraction under normality),
    checked to hold at least the tail's count on each side of every row, then sorted in one padded array. That is
    what percentile intervals and their Monte Carlo errors need, at about a third less than sorting every row of
    B = 10,000 (measured). An order statistic outside the tails, or a check that fails (a skewed or lumpy distribution),
    sorts the rows in full: the answers never depend on the shortcut, only the time does."""

    def __init__(self, distribution: np.ndarray, *, inplace: bool = False, tail: float | None = None):
        rows = np.atleast_2d(distribution)
        self.A, self.B = rows.shape
        self._rows, self._inplace = rows, inplace
        self._full: np.ndarray | None = None
        # (A, k) smallest / largest k of each row, ascending; set only while the rows are not sorted in full
        self._low: np.ndarray | None = None
        self._high: np.ndarray | None = None
        self.k = 0
        if tail is not None and self.B >= 2000 and self.A:
            self._select_tails(int(np.ceil(tail * self.B)) + 2)
        if self._low is None:
            self._sort()

    def _sort(self) -> np.ndarray:
        if self._inplace:  # no copy of (A, B): sort the caller's array itself
            self._rows.sort(axis=1)
            self._full = self._rows
        else:
            self._full = np.sort(self._rows, axis=1)
        self._low = self._high = None
        self.k = self.B
        return self._full

    def _select_tails(self, k: int) -> None:
        rows = self._rows
        sub = rows[:, :: max(1, self.B // 512)]
        mu, sd = sub.mean(axis=1, keepdims=True), sub.std(axis=1, keepdims=True)
        z = float(ndtri(1 - min(0.45, 2.5 * k / self.B)))  # wide margin: sd from 512 values, skew
        # both tails in one mask; compares only, since a fresh (A, B) float array costs page faults
        mask = rows < mu - z * sd
        mask |= rows > mu + z * sd
        counts = np.count_nonzero(mask, axis=1)
        if counts.min() < 2 * k or counts.max() > 12 * k:  # too few to answer, or too many to gain: sort in full
            return
        # each row's values beyond the thresholds, in row-major order on both sides, padded with inf and sorted:
        # the lower tail comes first, then the upper tail, then the padding
        padded = np.full((self.A, int(counts.max())), np.inf)
        # np.compress on the flat arrays: 4x faster here than indexing with a 2-D mask
        padded[np.arange(padded.shape[1]) < counts[:, None]] = np.compress(mask.ravel(), rows.ravel())
        padded.sort(axis=1)
        n_low = np.count_nonzero(padded < mu, axis=1)
        if n_low.min() < k or (counts - n_low).min() < k:
            return
        self._low = padded[:, :k]
        self._high = np.take_along_axis(padded, counts[:, None] - k + np.arange(k), axis=1)
        self.k = k

    @property
    def full(self) -> np.ndarray:
        """Every row sorted (sorts on first use when only the tails were ordered)."""
        return self._full if self._full is not None else self._sort()

    def at(self, i: int) -> np.ndarray:
        """The i-th smallest value (0-based) of every row: (A,)."""
        low, high = self._low, self._high
        if low is not None and high is not None:  # only the tails are ordered
            if i < self.k:
                return low[:, i]
            if i >= self.B - self.k:
                return high[:, i - (self.B - self.k)]
        return self.full[:, i]

    def quantiles(self, qs: Sequence[float]) -> np.ndarray:
        """Quantiles qs of every row, numpy's default linear method: (A, len(qs))."""
        out = np.empty((self.A, len(qs)))
        for j, q in enumerate(qs):
            v = q * (self.B - 1)
            lo = min(int(np.floor(v)), self.B - 1)
            out[:, j] = _lerp(self.at(lo), self.at(min(lo + 1, self.B - 1)), v - lo)
        return out


def _ordered(distribution) -> Ordered:
    return distribution if isinstance(distribution, Ordered) else Ordered(distribution)


def percentile_interval(distribution, confidence: float = 0.95) -> np.ndarray:
    """Percentile interval of each row of an (A, B) bootstrap distribution (an array, or its Ordered): (A, 2) of
    (low, high), numpy's default linear quantiles (the same as scipy.stats.bootstrap's). Deterministic."""
    alpha = (1 - confidence) / 2
    return _ordered(distribution).quantiles([alpha, 1 - alpha])


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
    """Row a's quantiles low[a] and high[a]: (A, 2); nan where a level is undefined."""
    out = np.full((distribution.shape[0], 2), np.nan)
    for a in range(distribution.shape[0]):
        if np.isfinite(low[a]) and np.isfinite(high[a]):
            out[a] = Ordered(distribution[a]).quantiles([low[a], high[a]])[0]
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


def bca_interval_difference(
    samples: Sequence, baseline: npt.ArrayLike, distribution: np.ndarray, confidence: float = 0.95
) -> np.ndarray:
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
    mean_ci: np.ndarray  # (A, 2) interval of each arm's mean; nan rows for arms with fewer than 2 values
    diff_ci: np.ndarray  # (A, 2) interval of mean(arm) - mean(baseline); nan for the baseline and arms without one
    mean_rows: list[int]  # the arms (indices) that have a bootstrap distribution
    mean_distribution: np.ndarray  # (len(mean_rows), B) their bootstrap means (in no particular order)
    mean_order: Ordered  # the same, for quantiles
    diff_rows: list[int]  # the arms with a difference from the baseline
    diff_distribution: np.ndarray  # (len(diff_rows), B) their bootstrap differences (in no particular order)
    diff_order: Ordered
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
    draw: Draw = "shared",
) -> BootstrapCIs:
    """Intervals for every arm's mean and every arm's difference from the baseline.

    samples: A 1-D arrays (arm a has n_a >= 1 finite values); baseline_index: which of them is the baseline (or
    None: no difference intervals). A difference's distribution pairs the arm's replicates with replicates of the
    baseline drawn independently of them (independent samples). Arms with fewer than 2 values get nan intervals.
    Randomness: only `rng` (one integers() call per distinct arm size, and with the shared draw one more for the
    baseline's side of the differences)."""
    arrays = [np.asarray(s, dtype=float).reshape(-1) for s in samples]
    A = len(arrays)
    usable = [i for i, a in enumerate(arrays) if a.size >= 2]
    mean_ci = np.full((A, 2), np.nan)
    diff_ci = np.full((A, 2), np.nan)
    if not usable:
        empty = np.empty((0, n_resamples))
        none = Ordered(empty)
        return BootstrapCIs(mean_ci, diff_ci, [], empty, none, [], empty, none, n_resamples, method, confidence)
    means = bootstrap_means([arrays[i] for i in usable], n_resamples, rng, draw)
    others = [i for i in usable if i != baseline_index] if baseline_index in usable else []
    diffs = np.empty((0, n_resamples))
    if others and baseline_index is not None:  # others are only there with a baseline
        pos = {a: k for k, a in enumerate(usable)}
        # the shared draw resampled the baseline with the arms' own counts: draw its side of the differences anew;
        # the direct draw resampled every arm independently already
        base = (
            bootstrap_means([arrays[baseline_index]], n_resamples, rng, draw)[0]
            if draw == "shared"
            else means[pos[baseline_index]].copy()
        )
        diffs = means.take([pos[a] for a in others], axis=0)
        diffs -= base
    # the pairing of replicates is used up: from here on only order statistics matter, and only in the tails (the
    # interval's ends, and 0.01 beyond them for their Monte Carlo errors), unless a caller asks for more
    tail = (1 - confidence) / 2 + 0.012
    mean_order, diff_order = Ordered(means, inplace=True, tail=tail), Ordered(diffs, inplace=True, tail=tail)
    if method == "percentile":
        mean_ci[usable] = percentile_interval(mean_order, confidence)
        if others:
            diff_ci[others] = percentile_interval(diff_order, confidence)
    else:
        mean_ci[usable] = bca_interval_mean([arrays[i] for i in usable], means, confidence)
        if others and baseline_index is not None:
            diff_ci[others] = bca_interval_difference(
                [arrays[i] for i in others], arrays[baseline_index], diffs, confidence
            )
    return BootstrapCIs(
        mean_ci, diff_ci, usable, means, mean_order, others, diffs, diff_order, n_resamples, method, confidence
    )


def quantile_mc_se(distribution, qs, n_resamples: int | None = None) -> np.ndarray:
    """Monte Carlo standard error of the q-quantiles of each row of an (A, B) bootstrap distribution (an array, or its
    Ordered), were they estimated from n_resamples draws (default B): sqrt(q (1 - q) / n) / f(x_q), the density f
    estimated from the spread of the quantiles q +- 0.01 (the asymptotic variance of a sample quantile). qs: a float
    or a sequence; returns (A,) or (A, len(qs)); 0 where the distribution is flat there."""
    single = np.isscalar(qs)
    qs = [float(qs)] if single else [float(q) for q in qs]
    ordered = _ordered(distribution)
    n = n_resamples or ordered.B
    d = 0.01
    grid = [x for q in qs for x in (max(q - d, 0.0), min(q + d, 1.0))]
    spread = ordered.quantiles(grid).reshape(ordered.A, len(qs), 2)
    width = spread[..., 1] - spread[..., 0]
    dq = np.array([min(q + d, 1.0) - max(q - d, 0.0) for q in qs])
    var = np.array([q * (1 - q) for q in qs]) / n
    with np.errstate(divide="ignore", invalid="ignore"):
        se = np.where(width > 0, np.sqrt(var) * width / dq, 0.0)
    return se[:, 0] if single else se
