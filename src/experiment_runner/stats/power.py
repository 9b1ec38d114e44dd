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
