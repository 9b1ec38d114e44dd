"""Paired-by-seed comparison of two arms that ran the same seeds: the paired t-test, the sign-flip permutation test
of the mean difference, and a BCa bootstrap interval of the mean paired difference. Pairing removes the variation
the seed causes in both arms alike (data order, initialisation), which an unpaired test counts as noise."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from itertools import product

import numpy as np
from scipy import special

from experiment_runner.stats.compare import TTest


def paired_differences(x: dict, y: dict) -> tuple[list, np.ndarray]:
    """The seeds two arms share, sorted, and x[seed] - y[seed] for each. x, y: seed -> value."""
    seeds = sorted(set(x) & set(y), key=lambda s: (s is None, s))
    seeds = [s for s in seeds if s is not None]
    return seeds, np.array([x[s] - y[s] for s in seeds], dtype=float)


def paired_t(d) -> TTest:
    """Paired t-test on the differences d (n,), n >= 2: t = mean(d) / (sd(d) / sqrt(n)), df = n - 1, two-sided p.
    Equals scipy.stats.ttest_rel(x, y) for d = x - y. nan when every difference is the same."""
    d = np.asarray(d, dtype=float).reshape(-1)
    n = d.size
    if n < 2:
        return TTest(math.nan, math.nan, math.nan)
    sd = d.std(ddof=1)
    if sd == 0:
        return TTest(math.nan, math.nan, math.nan)
    t = d.mean() / (sd / math.sqrt(n))
    df = n - 1
    return TTest(float(t), float(df), float(2 * special.stdtr(df, -abs(t))))


@dataclass(frozen=True)
class SignFlip:
    pvalue: float
    exact: bool  # every one of the 2^n sign patterns enumerated, or a Monte Carlo sample of them
    n_patterns: int


def sign_flip_test(d, *, n_resamples: int = 9999, rng: np.random.Generator | None = None) -> SignFlip:
    """Two-sided sign-flip permutation test of mean(d) = 0 for paired differences d (n,). Under the null each
    difference is as likely positive as negative, so the null distribution of the mean is that of the means over
    sign patterns. Exact (all 2^n patterns) when 2^n <= n_resamples, else n_resamples random patterns from `rng`.
    p = min(1, 2 min(P(T <= t), P(T >= t))), the Monte Carlo version with the +1 correction: as
    scipy.stats.permutation_test((x, y), mean difference, permutation_type='samples') computes it."""
    d = np.asarray(d, dtype=float).reshape(-1)
    n = d.size
    if n == 0:
        return SignFlip(math.nan, True, 0)
    observed = d.mean()
    if 2**n <= n_resamples:
        signs = _all_signs(n)
        exact = True
    else:
        if rng is None:
            raise ValueError("a Monte Carlo sign-flip test needs rng")
        signs = np.where(rng.random((n_resamples, n)) < 0.5, -1.0, 1.0)
        exact = False
    null = (signs * d).mean(axis=1)
    gamma = abs(np.finfo(float).eps * 100 * observed)  # ties with the observed value, as scipy counts them
    less = np.count_nonzero(null <= observed + gamma)
    greater = np.count_nonzero(null >= observed - gamma)
    if exact:
        p_less, p_greater = less / len(null), greater / len(null)
    else:
        p_less, p_greater = (less + 1) / (len(null) + 1), (greater + 1) / (len(null) + 1)
    return SignFlip(float(min(1.0, 2 * min(p_less, p_greater))), exact, len(null))


@lru_cache(maxsize=32)
def _all_signs(n: int) -> np.ndarray:
    """Every one of the 2^n sign patterns, (2^n, n), in itertools.product order; read-only."""
    signs = np.array(list(product((1.0, -1.0), repeat=n)))
    signs.flags.writeable = False
    return signs


def bca_paired_intervals(
    diffs: list, *, n_resamples: int, rng: np.random.Generator, confidence: float = 0.95
) -> list[tuple[float, float]]:
    """bca_paired_interval for several arms' paired differences at once: bootstrap_means' shared draw (one matrix of
    resample counts per distinct size, applied to every arm), so each arm gets exactly its own bootstrap distribution
    at a fraction of the cost; intervals are never compared across arms, so the common random numbers do no harm."""
    from experiment_runner.stats.bootstrap import bca_interval_mean, bootstrap_means

    arrays = [np.asarray(d, dtype=float).reshape(-1) for d in diffs]
    out = [(math.nan, math.nan)] * len(arrays)
    ok = [i for i, d in enumerate(arrays) if d.size >= 2 and np.ptp(d) > 0]
    if not ok:
        return out
    dist = bootstrap_means([arrays[i] for i in ok], n_resamples, rng, draw="shared")
    cis = bca_interval_mean([arrays[i] for i in ok], dist, confidence)
    for k, i in enumerate(ok):
        out[i] = (float(cis[k, 0]), float(cis[k, 1]))
    return out


def bca_paired_interval(
    d, *, n_resamples: int, rng: np.random.Generator, confidence: float = 0.95
) -> tuple[float, float]:
    """BCa bootstrap interval of the mean paired difference (d resampled as one sample). (nan, nan) when fewer than
    2 differences or all equal. Randomness: one rng.integers() call."""
    from experiment_runner.stats.bootstrap import bca_interval_mean, bootstrap_means

    d = np.asarray(d, dtype=float).reshape(-1)
    if d.size < 2 or np.ptp(d) == 0:
        return (math.nan, math.nan)
    dist = bootstrap_means([d], n_resamples, rng, draw="direct")
    low, high = bca_interval_mean([d], dist, confidence)[0]
    return (float(low), float(high))
