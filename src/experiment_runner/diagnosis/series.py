"""Statistics over metric series, for diagnosis. Inputs are one metric's points in logging order as (step, value)
pairs (step None -> the point's index); non-finite values are kept where they matter (the first bad step) and
dropped from the trend statistics. Everything is deterministic (no resampling) and delegates to scipy:

- trend(): the Mann-Kendall test (Kendall's tau between step and value, scipy.stats.kendalltau, two-sided p) and
  the Theil-Sen slope with its 95% interval (scipy.stats.theilslopes): robust to a few wild points.
- change_point(): onset of a change, by the best two-segment piecewise-linear least-squares fit over every split
  (each segment at least `min_segment` points).
- growth(): divergence rate: Theil-Sen slope of log10(value) per step, i.e. the factor by which the value grows
  per step (and the steps it takes to grow tenfold).

Shapes: n points in, small dataclasses out; functions return None when there are too few points to say anything.
Cost stays bounded whatever n is: Theil-Sen's pairwise slopes (n^2 memory) and the change point's search over every
split (n fits of up to n points) run on at most MAX_FIT_POINTS block medians of a longer series (a run that logs
every iteration for 200,000 iterations is one diagnose_failure call); Kendall's tau runs on every point (n log n)."""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass

Point = tuple[int | None, float]

#: Theil-Sen and the change point run on at most this many points: block medians of a longer series
MAX_FIT_POINTS = 1000


def thinned(xs: list[float], ys: list[float], limit: int = MAX_FIT_POINTS) -> tuple[list[float], list[float]]:
    """At most `limit` points: the series itself, or the medians of `limit` consecutive blocks of it (step and value
    each), which keep its trend and its turns while a noisy point's weight is spread over its block."""
    n = len(xs)
    if n <= limit:
        return xs, ys
    bounds = [round(i * n / limit) for i in range(limit + 1)]
    return (
        [_median(xs[a:b]) for a, b in zip(bounds, bounds[1:])],
        [_median(ys[a:b]) for a, b in zip(bounds, bounds[1:])],
    )


def steps_values(series: list[Point]) -> tuple[list[float], list[float]]:
    """Steps (the index where a point has none) and values, non-finite ones included."""
    steps, values = [], []
    for i, (step, value) in enumerate(series):
        steps.append(float(step) if step is not None else float(i))
        values.append(float(value))
    return steps, values


def finite(series: list[Point]) -> tuple[list[float], list[float]]:
    steps, values = steps_values(series)
    pairs = [(s, v) for s, v in zip(steps, values) if math.isfinite(v)]
    return [p[0] for p in pairs], [p[1] for p in pairs]


@dataclass
class FirstBad:
    index: int
    step: int | None
    value: float
    before: list[tuple[int | None, float]]  # up to 5 finite points just before it


def first_nonfinite(series: list[Point]) -> FirstBad | None:
    for i, (step, value) in enumerate(series):
        if not math.isfinite(value):
            before = [(s, v) for s, v in series[max(0, i - 5) : i] if math.isfinite(v)]
            return FirstBad(i, step, value, before)
    return None


def placeholder_first(series: list[Point], min_points: int) -> bool:
    """Every value after the first is finite (at least `min_points` in all): a NaN/Inf the series may hold at its
    first point stood in for a measurement not made yet (an evaluation loss printed before the first evaluation)."""
    return len(series) >= min_points and all(math.isfinite(v) for _, v in series[1:])


@dataclass
class Trend:
    n: int
    tau: float
    p: float
    slope: float  # Theil-Sen, value per step
    slope_low: float
    slope_high: float
    start: float  # median of the first fifth (at least 2 points)
    end: float  # median of the last fifth
    relative_change: float  # (end - start) / |start|

    @property
    def falling(self) -> bool:
        return self.tau < 0 and self.p < 0.05

    @property
    def rising(self) -> bool:
        return self.tau > 0 and self.p < 0.05

    def as_dict(self) -> dict:
        return {k: _round(v) for k, v in asdict(self).items()}


def _round(v):
    return float(f"{v:.4g}") if isinstance(v, float) and math.isfinite(v) else v


def _median(xs: list[float]) -> float:
    s = sorted(xs)
    n = len(s)
    return s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2


def trend(steps: list[float], values: list[float], min_points: int = 4) -> Trend | None:
    """Mann-Kendall trend and Theil-Sen slope of finite points; None below `min_points`."""
    from scipy import stats

    pts = [(s, v) for s, v in zip(steps, values) if math.isfinite(v)]
    n = len(pts)
    if n < min_points:
        return None
    xs = [p[0] for p in pts]
    ys = [p[1] for p in pts]
    if len(set(ys)) == 1:  # a constant series: no trend at all (kendalltau is undefined)
        tau, p = 0.0, 1.0
    else:
        res = stats.kendalltau(xs, ys)
        tau, p = float(res.statistic), float(res.pvalue)
        if not math.isfinite(p):
            tau, p = 0.0, 1.0
    if len(set(xs)) > 1:
        import numpy as np

        fx, fy = thinned(xs, ys)
        with np.errstate(invalid="ignore"):  # steps repeated many times leave the interval's variance below 0: NaN
            ts = stats.theilslopes(fy, fx, alpha=0.95)
        slope, low, high = float(ts.slope), float(ts.low_slope), float(ts.high_slope)
    else:
        slope = low = high = 0.0
    k = max(2, n // 5)
    start, end = _median(ys[:k]), _median(ys[-k:])
    rel = (end - start) / abs(start) if start != 0 else (0.0 if end == 0 else math.copysign(math.inf, end))
    return Trend(n, tau, p, slope, low, high, start, end, rel)


@dataclass
class ChangePoint:
    index: int  # first point of the second segment
    step: float
    slope_before: float
    slope_after: float
    sse: float
    sse_one_line: float


def change_point(steps: list[float], values: list[float], min_segment: int = 3) -> ChangePoint | None:
    """The split into two least-squares lines with the smallest total squared error (finite points only; of at most
    MAX_FIT_POINTS block medians, whose index is then the block's first point)."""
    import numpy as np

    pts = [(s, v) for s, v in zip(steps, values) if math.isfinite(v)]
    full = len(pts)
    fx, fy = thinned([p[0] for p in pts], [p[1] for p in pts])
    pts = list(zip(fx, fy))
    n = len(pts)
    if n < 2 * min_segment:
        return None
    x = np.array([p[0] for p in pts], dtype=float)
    y = np.array([p[1] for p in pts], dtype=float)

    def fit(xs, ys):
        if len(set(xs.tolist())) < 2:
            return 0.0, float(((ys - ys.mean()) ** 2).sum())
        a, b = np.polyfit(xs, ys, 1)
        return float(a), float(((ys - (a * xs + b)) ** 2).sum())

    _, sse_one = fit(x, y)
    best = None
    for k in range(min_segment, n - min_segment + 1):
        a1, e1 = fit(x[:k], y[:k])
        a2, e2 = fit(x[k:], y[k:])
        if best is None or e1 + e2 < best.sse:
            best = ChangePoint(round(k * full / n), float(x[k]), a1, a2, e1 + e2, sse_one)
    return best


@dataclass
class Growth:
    factor_per_step: float  # value multiplies by this each step (Theil-Sen on log10)
    steps_per_tenfold: float | None  # None when not growing
    ratio: float  # last value / first value
    n: int


def growth(steps: list[float], values: list[float], min_points: int = 4) -> Growth | None:
    """Divergence rate of a positive series: how fast it grows, from the Theil-Sen slope of log10(value)."""
    from scipy import stats

    pts = [(s, v) for s, v in zip(steps, values) if math.isfinite(v) and v > 0]
    if len(pts) < min_points or len({p[0] for p in pts}) < 2:
        return None
    import numpy as np

    xs, logs = thinned([p[0] for p in pts], [math.log10(p[1]) for p in pts])
    with np.errstate(invalid="ignore"):  # only the slope is used; its interval may be NaN for repeated steps
        slope = float(stats.theilslopes(logs, xs).slope)
    per_tenfold = (1.0 / slope) if slope > 0 else None
    return Growth(10**slope, per_tenfold, pts[-1][1] / pts[0][1], len(pts))
