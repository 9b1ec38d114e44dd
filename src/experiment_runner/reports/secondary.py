"""Each reported arm against the baseline on a secondary metric, tested the way the plan tests the primary one (its
test, its correction over the arms, its alpha). compile_report prints no verdicts on secondary metrics, but people
test them by hand and write 'its WA is also higher (Welch p = 0.004)': check_report holds such a sentence to these
tests, as it holds a sentence about the primary metric to the report's own comparisons."""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class SecondaryTest:
    arm: str
    baseline: str
    metric: str
    test: str
    p: float | None
    p_adjusted: float | None
    significant: bool
    better: bool | None  # the arm's mean is better in the metric's direction (None: equal or not computable)


def secondary_tests(an) -> dict[tuple[str, str], SecondaryTest]:
    """(arm, metric) -> its test against the baseline, for every metric but the primary one."""
    from experiment_runner.reports.sources import lower_is_better
    from experiment_runner.stats import compare as cmp_

    plan = an.plan
    out: dict[tuple[str, str], SecondaryTest] = {}
    for metric in an.metrics:
        if metric == plan.primary_metric:
            continue
        base = an.cells.get((an.baseline, metric))
        if base is None:
            continue
        higher = not lower_is_better(metric)
        found: list[tuple[str, float, bool | None]] = []
        for arm in an.arms:
            cell = an.cells.get((arm, metric))
            if arm == an.baseline or cell is None:
                continue
            x, y = cell.values, base.values
            p = math.nan
            if len(x) >= 2 and len(y) >= 2:
                if plan.test == "mann_whitney":
                    p = cmp_.mann_whitney(x, y).pvalue
                elif plan.test == "student_t":
                    p = cmp_.student_t(x, y).pvalue
                else:
                    p = cmp_.welch_t(x, y).pvalue
            diff = (cell.mean - base.mean) if cell.mean is not None and base.mean is not None else math.nan
            better = ((diff > 0) == higher) if math.isfinite(diff) and diff != 0 else None
            found.append((arm, p, better))
        ps = [p for _, p, _ in found]
        adjusted = cmp_.holm(ps) if plan.correction == "holm" and len(ps) > 1 else ps
        for (arm, p, better), pa in zip(found, adjusted):
            ok = pa is not None and math.isfinite(pa)
            out[(arm, metric)] = SecondaryTest(
                arm=arm,
                baseline=an.baseline,
                metric=metric,
                test=plan.test,
                p=p if math.isfinite(p) else None,
                p_adjusted=pa if ok else None,
                significant=ok and pa < plan.alpha,
                better=better,
            )
    return out
