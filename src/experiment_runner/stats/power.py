"""Power of the two-sample t-test and the number of seeds an observed effect would need, from the noncentral t
distribution (scipy), so no statsmodels."""

from __future__ import annotations

import math

from scipy import stats as st


def power_two_sample_t(d: float, n_per_arm: int, alpha: float = 0.05) -> float:
    """Power of the two-sided two-sample t-test with n_per_arm values in each arm at standardized effect d
    (Cohen's d): P(|T| > t_crit) for T ~ noncentral t(df = 2n - 2, nc = d sqrt(n/2)). Scalars; deterministic."""
    n = int(n_per_arm)
    if n < 2 or not math.isfinite(d):
        return math.nan
    df = 2 * n - 2
    nc = abs(d) * math.sqrt(n / 2)
    crit = st.t.ppf(1 - alpha / 2, df)
    return float(st.nct.sf(crit, df, nc) + st.nct.cdf(-crit, df, nc))


def seeds_needed(d: float, alpha: float = 0.05, power: float = 0.8, max_n: int = 100_000) -> int | None:
    """Smallest n per arm whose two-sided two-sample t-test reaches `power` at effect size d; None when d is 0,
    not finite, or more than max_n would be needed. (d = 0.5 -> 64, 0.8 -> 26, 1.0 -> 17, as in power tables.)"""
    if not math.isfinite(d) or d == 0:
        return None
    lo, hi = 2, 2
    while power_two_sample_t(d, hi, alpha) < power:
        lo, hi = hi, hi * 2
        if hi > max_n:
            return None
    while lo < hi:  # power rises with n: bisect for the first n that reaches it
        mid = (lo + hi) // 2
        if power_two_sample_t(d, mid, alpha) >= power:
            hi = mid
        else:
            lo = mid + 1
    return hi
