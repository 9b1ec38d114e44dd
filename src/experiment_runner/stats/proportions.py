"""Intervals for a proportion measured once on an evaluation set (accuracy on N test examples)."""

from __future__ import annotations

import math

from scipy.special import ndtri


def wilson(successes: float, n: int, confidence: float = 0.95) -> tuple[float, float]:
    """Wilson score interval (Wilson 1927) for successes out of n trials: the interval of the true proportion that
    evaluation-set sampling alone leaves open. Equals scipy.stats.binomtest(k, n).proportion_ci(confidence, 'wilson')
    for integer k. successes may be fractional (a rate times n). (nan, nan) when n < 1."""
    if n < 1:
        return (math.nan, math.nan)
    p = min(max(successes / n, 0.0), 1.0)
    z = float(ndtri(0.5 + confidence / 2))
    denom = 1 + z * z / n
    center = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return (max(0.0, center - half), min(1.0, center + half))
