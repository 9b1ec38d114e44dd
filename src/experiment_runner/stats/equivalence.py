"""Equivalence: two one-sided tests (TOST, Schuirmann 1987) against a margin, the smallest effect of interest, so
that "no difference" is said only when the data show the difference is smaller than anything that matters."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from scipy import special


@dataclass(frozen=True)
class Tost:
    pvalue: float  # the larger of the two one-sided p-values
    p_lower: float  # H0: difference <= -margin
    p_upper: float  # H0: difference >= +margin
    df: float
    low: float  # the (1 - 2 alpha) interval of the difference: inside (-margin, margin) iff equivalent at alpha
    high: float


def tost(x, y, margin: float, *, alpha: float = 0.05, paired: bool = False) -> Tost:
    """TOST of mean(x) - mean(y) within (-margin, +margin), margin > 0. Unpaired: Welch's statistic and df (equal to
    scipy.stats.ttest_ind(x + margin, y, equal_var=False, alternative='greater') and ttest_ind(x - margin, y, ...,
    alternative='less')); paired (x, y aligned by seed): the paired t on x - y. x: (n,), y: (m,), n, m >= 2.
    Returns nan fields when the standard error is 0 or n < 2. Deterministic."""
    x, y = np.asarray(x, float).reshape(-1), np.asarray(y, float).reshape(-1)
    nan = Tost(math.nan, math.nan, math.nan, math.nan, math.nan, math.nan)
    if margin <= 0 or not math.isfinite(margin):
        raise ValueError("the equivalence margin must be a positive number")
    if paired:
        if x.size != y.size or x.size < 2:
            return nan
        d = x - y
        diff, se, df = d.mean(), d.std(ddof=1) / math.sqrt(d.size), d.size - 1
    else:
        if x.size < 2 or y.size < 2:
            return nan
        vx, vy = x.var(ddof=1) / x.size, y.var(ddof=1) / y.size
        diff, se = x.mean() - y.mean(), math.sqrt(vx + vy)
        df = (vx + vy) ** 2 / (vx**2 / (x.size - 1) + vy**2 / (y.size - 1)) if se > 0 else math.nan
    if se == 0:
        return nan
    p_lower = float(special.stdtr(df, -((diff + margin) / se)))
    p_upper = float(special.stdtr(df, (diff - margin) / se))
    half = float(special.stdtrit(df, 1 - alpha)) * se
    return Tost(max(p_lower, p_upper), p_lower, p_upper, float(df), float(diff - half), float(diff + half))
