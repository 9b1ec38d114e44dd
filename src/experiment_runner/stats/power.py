"""Power of the two-sample t-test and the number of seeds an observed effect would need, from the noncentral t
distribution (scipy), so no statsmodels."""

from __future__ import annotations

import math
from functools import lru_cache

from scipy import stats as st


def power_two_sample_t(d: float, n_per_arm: int, alpha: float = 0.05) -> float:
    """Power of the two-sided two-sample t-test with n_per_arm values in each arm at standardized effect d
    (Cohen's d): P(|T| > t_crit) for T ~ noncentral t(df = 2n - 2, nc = d sqrt(n/2)). Scalars; deterministic."""
    n = int(n_per_arm)
    if n < 2 or not math.isfinite(d):
        return math.nan
    from experiment_runner.stats.describe import t_quantile

    df = 2 * n - 2
    nc = abs(d) * math.sqrt(n / 2)
    crit = t_quantile(1 - alpha / 2, df)
    return float(st.nct.sf(crit, df, nc) + st.nct.cdf(-crit, df, nc))


def seeds_needed(d: float, alpha: float = 0.05, power: float = 0.8, max_n: int = 100_000) -> int | None:
    """Smallest n per arm whose two-sided two-sample t-test reaches `power` at effect size d; None when d is 0,
    not finite, or more than max_n would be needed. (d = 0.5 -> 64, 0.8 -> 26, 1.0 -> 17, as in power tables.)"""
    if not math.isfinite(d) or d == 0:
        return None
    # start from the normal approximation n = 2 ((z_{1-a/2} + z_power) / d)^2, then step to the exact answer
    z = st.norm.ppf(1 - alpha / 2) + st.norm.ppf(power)
    guess = 2 * (z / abs(d)) ** 2
    if guess > max_n:
        return None
    n = max(2, math.ceil(guess))
    if power_two_sample_t(d, n, alpha) >= power:
        while n > 2 and power_two_sample_t(d, n - 1, alpha) >= power:
            n -= 1
        return n
    while power_two_sample_t(d, n, alpha) < power:  # the t-test needs a little more than the normal approximation
        n += 1
        if n > max_n:
            return None
    return n


def min_detectable_difference(
    sd: float, n1: int, n2: int | None = None, *, alpha: float = 0.05, power: float = 0.8, paired: bool = False
) -> float | None:
    """The smallest true difference (in the metric's units) that a two-sided t-test at `alpha` detects with `power`
    given these seeds: the effect size d solving power(d) = power, times the standard deviation. Unpaired: the
    two-sample t-test with n1 and n2 values (df n1 + n2 - 2, noncentrality d sqrt(n1 n2 / (n1 + n2))), sd the pooled
    standard deviation. Paired: the one-sample t-test on n1 differences (df n1 - 1, noncentrality d sqrt(n1)), sd the
    standard deviation of the differences. None when it cannot be computed (n too small, sd not positive)."""
    if not math.isfinite(sd) or sd <= 0:
        return None
    if paired:
        if n1 < 2:
            return None
        df, scale = n1 - 1, math.sqrt(n1)
    else:
        n2 = n1 if n2 is None else n2
        if n1 < 2 or n2 < 2:
            return None
        df, scale = n1 + n2 - 2, math.sqrt(n1 * n2 / (n1 + n2))
    d = _detectable_effect(df, scale, alpha, power)
    return None if d is None else d * sd


@lru_cache(maxsize=256)
def _detectable_effect(df: int, scale: float, alpha: float, power: float) -> float | None:
    """The standardized effect a two-sided t-test (df, noncentrality d * scale) detects with `power`: the same for
    every arm with the same seeds, so computed once."""
    from scipy.optimize import brentq

    from experiment_runner.stats.describe import t_quantile

    crit = t_quantile(1 - alpha / 2, df)

    def gap(d: float) -> float:
        nc = d * scale
        reach = float(st.nct.sf(crit, df, nc) + st.nct.cdf(-crit, df, nc))
        # scipy's noncentral t gives nan far in the tail at df 1-2: there the power is 1 to double precision
        return (reach if math.isfinite(reach) else 1.0) - power

    hi = 1.0
    while gap(hi) < 0:
        hi *= 2
        if hi > 1e6:
            return None
    return float(brentq(gap, 0.0, hi, xtol=1e-13, rtol=1e-13))
