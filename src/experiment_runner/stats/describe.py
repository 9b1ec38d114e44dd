"""Per-arm summaries of one metric: n, mean, standard deviation (ddof=1), a t-based confidence interval, min, max."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from scipy import stats as st


@dataclass(frozen=True)
class Description:
    n: int
    mean: float
    std: float  # sample standard deviation (ddof=1); nan when n < 2
    sem: float  # std / sqrt(n); nan when n < 2
    ci_low: float  # t-based interval for the mean; nan when n < 2
    ci_high: float
    min: float
    max: float
    median: float


def t_interval(mean: float, std: float, n: int, confidence: float = 0.95) -> tuple[float, float]:
    """Two-sided t interval for a mean from its summary: mean +- t_{(1+c)/2, n-1} * std / sqrt(n).

    Scalars in, (low, high) out; (nan, nan) when n < 2 or std is not finite. Deterministic."""
    if n < 2 or not math.isfinite(std):
        return (math.nan, math.nan)
    half = t_quantile(0.5 + confidence / 2, n - 1) * std / math.sqrt(n)
    return (mean - half, mean + half)


@lru_cache(maxsize=1024)
def t_quantile(p: float, df: float) -> float:
    """Student t quantile (scipy), cached: a report asks for the same few degrees of freedom again and again."""
    return float(st.t.ppf(p, df))


def describe(values, confidence: float = 0.95) -> Description:
    """Summarise one arm's values of one metric.

    values: 1-D array-like of finite floats, shape (n,), one value per completed run (seed). n may be 0 or 1:
    then the spread fields are nan (a caller must not report such an arm as a result). Deterministic."""
    x = np.asarray(values, dtype=float).reshape(-1)
    if x.size and not np.all(np.isfinite(x)):
        raise ValueError("describe() takes finite values only; leave non-finite runs out and list them as failed")
    n = int(x.size)
    if n == 0:
        nan = math.nan
        return Description(0, nan, nan, nan, nan, nan, nan, nan, nan)
    mean = float(np.mean(x))
    std = float(np.std(x, ddof=1)) if n >= 2 else math.nan
    sem = std / math.sqrt(n) if n >= 2 else math.nan
    lo, hi = t_interval(mean, std, n, confidence)
    return Description(n, mean, std, sem, lo, hi, float(np.min(x)), float(np.max(x)), float(np.median(x)))
