"""One arm against the baseline: Welch's and Student's t-tests, Mann-Whitney U, Hedges' g, the probability of
improvement, and Holm's correction over several comparisons. All tests are two-sided; all functions are
deterministic."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from scipy import special
from scipy import stats as st


@dataclass(frozen=True)
class TTest:
    statistic: float
    df: float
    pvalue: float


def _as_1d(x) -> np.ndarray:
    a = np.asarray(x, dtype=float).reshape(-1)
    if not np.all(np.isfinite(a)):
        raise ValueError("tests take finite values only")
    return a


def welch_t(x, y) -> TTest:
    """Welch's unequal-variance t-test of mean(x) - mean(y).

    x: (n,), y: (m,) finite floats, n, m >= 2. t = (mx - my) / sqrt(vx/n + vy/m) with ddof=1 variances,
    Welch-Satterthwaite df, two-sided p. Equals scipy.stats.ttest_ind(x, y, equal_var=False). When both samples
    are constant the statistic is undefined: nan (p nan)."""
    x, y = _as_1d(x), _as_1d(y)
    n, m = x.size, y.size
    if n < 2 or m < 2:
        return TTest(math.nan, math.nan, math.nan)
    vx, vy = x.var(ddof=1) / n, y.var(ddof=1) / m
    se2 = vx + vy
    if se2 == 0:
        return TTest(math.nan, math.nan, math.nan)
    t = (x.mean() - y.mean()) / math.sqrt(se2)
    df = se2**2 / (vx**2 / (n - 1) + vy**2 / (m - 1))
    return TTest(float(t), float(df), float(2 * special.stdtr(df, -abs(t))))


def student_t(x, y) -> TTest:
    """Student's pooled-variance t-test of mean(x) - mean(y): x (n,), y (m,), n, m >= 2, df = n + m - 2,
    two-sided p. Equals scipy.stats.ttest_ind(x, y, equal_var=True)."""
    x, y = _as_1d(x), _as_1d(y)
    n, m = x.size, y.size
    if n < 2 or m < 2:
        return TTest(math.nan, math.nan, math.nan)
    df = n + m - 2
    pooled = ((n - 1) * x.var(ddof=1) + (m - 1) * y.var(ddof=1)) / df
    if pooled == 0:
        return TTest(math.nan, math.nan, math.nan)
    t = (x.mean() - y.mean()) / math.sqrt(pooled * (1 / n + 1 / m))
    return TTest(float(t), float(df), float(2 * special.stdtr(df, -abs(t))))


@dataclass(frozen=True)
class UTest:
    statistic: float  # U of x: the number of pairs (x_i, y_j) with x_i > y_j, ties counting one half
    pvalue: float
    method: str  # 'exact' (no ties, small samples) or 'asymptotic'


def mann_whitney(x, y) -> UTest:
    """Mann-Whitney U test, two-sided, through scipy.stats.mannwhitneyu (exact null distribution when there are
    no ties and both samples are small, else the normal approximation with tie and continuity corrections).
    x: (n,), y: (m,) finite floats, n, m >= 1."""
    x, y = _as_1d(x), _as_1d(y)
    if x.size < 1 or y.size < 1:
        return UTest(math.nan, math.nan, "none")
    res = st.mannwhitneyu(x, y, alternative="two-sided", method="auto")
    ties = np.unique(np.concatenate([x, y])).size < x.size + y.size
    method = "exact" if (not ties and max(x.size, y.size) <= 8) else "asymptotic"
    return UTest(float(res.statistic), float(res.pvalue), method)


def min_mann_whitney_p(n: int, m: int) -> float:
    """The smallest two-sided p the exact Mann-Whitney test can give with n and m values: 2 / C(n + m, n).
    With 3 seeds against 3 it is 0.1, so that test can never reach 0.05 there."""
    return min(1.0, 2.0 / math.comb(n + m, n))


def hedges_g(x, y) -> float:
    """Hedges' g of x against y: (mean(x) - mean(y)) / pooled sd (ddof=1), times the exact small-sample
    correction J(df) = Gamma(df/2) / (sqrt(df/2) Gamma((df-1)/2)), df = n + m - 2 (Hedges 1981).
    x: (n,), y: (m,), n + m >= 3. nan when the pooled sd is 0."""
    x, y = _as_1d(x), _as_1d(y)
    n, m = x.size, y.size
    df = n + m - 2
    if n < 1 or m < 1 or df < 2:
        return math.nan
    pooled = ((n - 1) * (x.var(ddof=1) if n > 1 else 0.0) + (m - 1) * (y.var(ddof=1) if m > 1 else 0.0)) / df
    if pooled <= 0:
        return math.nan
    d = (x.mean() - y.mean()) / math.sqrt(pooled)
    j = math.exp(special.gammaln(df / 2) - special.gammaln((df - 1) / 2)) / math.sqrt(df / 2)
    return float(d * j)


def probability_of_improvement(x, y, higher_is_better: bool = True) -> float:
    """P(X > Y) for X drawn from x and Y from y (ties count one half), flipped to P(X < Y) when lower is
    better: the share of (x_i, y_j) pairs in which x is the better one. Equals U / (n m) of the Mann-Whitney
    statistic (Agarwal et al. 2021, rliable's 'probability of improvement' on one task). x: (n,), y: (m,)."""
    x, y = _as_1d(x), _as_1d(y)
    if x.size == 0 or y.size == 0:
        return math.nan
    diff = x[:, None] - y[None, :]
    if not higher_is_better:
        diff = -diff
    return float((np.count_nonzero(diff > 0) + 0.5 * np.count_nonzero(diff == 0)) / diff.size)


def holm(pvalues) -> np.ndarray:
    """Holm's step-down adjusted p-values (Holm 1979), controlling the family-wise error rate.

    pvalues: (k,) in [0, 1], nan allowed (left out of the family and returned as nan). Sorted ascending,
    p_(i) becomes max_{j <= i} min(1, (k - j + 1) p_(j)); returned in the input order."""
    p = np.asarray(pvalues, dtype=float).reshape(-1)
    out = np.full(p.shape, np.nan)
    ok = np.flatnonzero(np.isfinite(p))
    k = ok.size
    if k == 0:
        return out
    order = ok[np.argsort(p[ok], kind="stable")]
    scaled = np.minimum(1.0, (k - np.arange(k)) * p[order])
    out[order] = np.maximum.accumulate(scaled)
    return out
