"""Expected maximum validation performance as a function of the number of trials (Dodge et al. 2019, "Show Your
Work: Improved Reporting of Experimental Results", EMNLP): the expectation of the best of n configurations drawn
with replacement from the empirical distribution of the N scores a search produced, and its variance.

With v_(1) <= ... <= v_(N) sorted ascending, the best of n draws is v_(i) with probability
(i/N)^n - ((i-1)/N)^n, so E[max] = sum_i v_(i) w_i and Var = sum_i v_(i)^2 w_i - E[max]^2. Pure arithmetic: no
randomness, shapes are plain sequences of floats."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class ExpectedBest:
    n: int  # trials drawn
    mean: float  # E[best of n]
    variance: float

    @property
    def std(self) -> float:
        return math.sqrt(max(0.0, self.variance))


def expected_best(scores: Sequence[float], n: int, *, higher_is_better: bool = True) -> ExpectedBest:
    """E[best of n draws with replacement] from `scores` (finite values, at least one) and its variance; the best
    is the maximum, or the minimum when lower is better."""
    if n < 1:
        raise ValueError(f"n must be at least 1 (got {n})")
    values = [float(v) for v in scores if math.isfinite(v)]
    if not values:
        raise ValueError("no finite score to draw from")
    sign = 1.0 if higher_is_better else -1.0
    ordered = sorted(sign * v for v in values)
    total = len(ordered)
    mean = second = 0.0
    for i, v in enumerate(ordered, start=1):
        w = (i / total) ** n - ((i - 1) / total) ** n
        mean += w * v
        second += w * v * v
    return ExpectedBest(n=n, mean=sign * mean, variance=second - mean * mean)


def curve(scores: Sequence[float], *, higher_is_better: bool = True) -> list[ExpectedBest]:
    """expected_best for n = 1 .. N (the number of finite scores)."""
    n_scores = sum(1 for v in scores if math.isfinite(v))
    return [expected_best(scores, n, higher_is_better=higher_is_better) for n in range(1, n_scores + 1)]
