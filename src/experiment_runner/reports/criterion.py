"""The pre-registered success criterion read as a threshold, and each comparison judged against it: met, not met or
inconclusive, with the threshold said. A criterion is free text ('wide's val_acc exceeds narrow's by at least 0.02
with p < 0.05', '+1 point over the baseline, significant', 'val_accuracy >= 0.93'); what can be read from it is a
difference from the baseline or a level for the arm's mean, in the metric's units (points and percent of a
fraction-valued metric are divided by 100), and whether significance is asked for. Without a readable threshold the
plan's smallest effect of interest stands in for a difference threshold; without either, the report says the
criterion must be judged by hand."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

_NUM = r"[-+\u2212]?\d+(?:\.\d+)?"
_UNIT = r"%|percentage points?|points?|pp|pts?"
_DIFF = re.compile(
    rf"(?:\bby\s+(?:at\s+least\s+|more\s+than\s+|>=?\s*|≥\s*)?(?P<a>{_NUM})\s*(?P<ua>{_UNIT})?)"
    rf"|(?:(?P<b>[+\u2212-]\s?\d+(?:\.\d+)?)\s*(?P<ub>{_UNIT})?)"
    rf"|(?:(?P<c>\d+(?:\.\d+)?)\s*(?P<uc>{_UNIT})\s+(?:or\s+more\s+)?"
    r"(?:over|above|better|higher|lower|below|gain|improvement|of\s+improvement))",
    re.I,
)
_LEVEL = re.compile(
    rf"(?P<op>>=|≥|>|<=|≤|<|\bat\s+least\b|\bat\s+most\b|\babove\b|\bbelow\b|\bexceeds?\b)\s*(?P<v>{_NUM})\s*(?P<u>%)?",
    re.I,
)
_SIGNIFICANT = re.compile(r"\bsignifican|\bp\s*[<≤]", re.I)


@dataclass(frozen=True)
class Threshold:
    kind: str  # 'difference' (arm - baseline, in the plan's better direction) or 'level' (the arm's mean)
    value: float  # in the metric's units
    at_least: bool  # level: the mean must be >= value (else <=)
    significant: bool  # the criterion also asks for a significant test
    text: str  # as said in the report


def _scale(value: float, unit: str | None, fraction: bool) -> float:
    if fraction and (unit or value > 1):
        return value / 100
    return value


def read(text: str | None, *, fraction: bool, smallest_effect: float | None) -> Threshold | None:
    """The threshold a success criterion states (see the module docstring), or None."""
    sig = bool(text and _SIGNIFICANT.search(text))
    if text:
        body = re.sub(r"\bp\s*[<≤=]\s*\d*\.?\d+", " ", text, flags=re.I)  # 'p < 0.05' is the significance, not a level
        body = re.sub(r"\balpha\s*=?\s*\d*\.?\d+", " ", body, flags=re.I)
        body = re.sub(r"\b\d+\s+(?:seeds?|runs?)\b", " ", body, flags=re.I)
        m = _DIFF.search(body)
        if m:
            raw = m.group("a") or m.group("b") or m.group("c")
            unit = m.group("ua") or m.group("ub") or m.group("uc")
            value = abs(float(raw.replace("\u2212", "-").replace(" ", "")))
            return Threshold("difference", _scale(value, unit, fraction), True, sig, m.group(0).strip())
        m = _LEVEL.search(body)
        if m:
            op = m.group("op").lower()
            at_least = op in (">=", "≥", ">", "at least", "above", "exceeds", "exceed")
            value = float(m.group("v").replace("\u2212", "-"))
            return Threshold("level", _scale(value, m.group("u"), fraction), at_least, sig, m.group(0).strip())
    if smallest_effect is not None:
        return Threshold(
            "difference", smallest_effect, True, True, f"the smallest effect of interest, {smallest_effect:g}"
        )
    return None


def judge(c, plan, cell, *, fraction: bool, decimals: int) -> str | None:
    """One comparison against the plan's success criterion: 'met', 'not met' or 'inconclusive', with the threshold
    and the numbers that decide it. None when the plan has no criterion and no smallest effect of interest."""
    from experiment_runner.reports.analyse import fmt

    if not plan.success_criteria and plan.smallest_effect is None:
        return None
    th = read(plan.success_criteria, fraction=fraction, smallest_effect=plan.smallest_effect)
    said = f' ("{plan.success_criteria}")' if plan.success_criteria else ""
    head = f"Success criterion{said}, {c.arm} vs {c.baseline}:"
    if th is None:
        return f"{head} not read as a threshold on {c.metric}; judge it by hand from the comparison above."
    sign = 1.0 if plan.higher_is_better else -1.0
    if th.kind == "difference":
        if c.difference is None:
            return f"{head} inconclusive: no difference could be computed (too few values)."
        gain = sign * c.difference
        ci = c.difference_ci
        if c.paired is not None and c.paired.ci_bca.low is not None:
            ci = c.paired.ci_bca
        ends = [sign * v for v in (ci.low, ci.high) if v is not None]
        best = max(ends) if ends else None
        thr = f"an improvement of at least {fmt(th.value, decimals)} in {c.metric}" + (
            ", significant" if th.significant else ""
        )
        got = f"observed {'+' if gain >= 0 else ''}{fmt(gain, decimals)}"
        significant_better = c.significant and c.better is True
        if gain >= th.value and (significant_better or not th.significant):
            return f"{head} met (threshold: {thr}; {got}, {_test(c)})."
        if (best is not None and best < th.value) or (c.significant and c.better is False):
            why = (
                "the interval of the difference lies below the threshold"
                if best is not None and best < th.value
                else "the arm is significantly worse"
            )
            return f"{head} not met (threshold: {thr}; {got}, {why})."
        return f"{head} inconclusive (threshold: {thr}; {got}, {_test(c)}; the interval still includes the threshold)."
    lo, hi = cell.ci_t.low, cell.ci_t.high
    op = ">=" if th.at_least else "<="
    thr = f"mean {c.metric} {op} {fmt(th.value, decimals)}"
    if lo is None or hi is None or cell.mean is None:
        return f"{head} inconclusive (threshold: {thr}; the arm has no interval)."
    inside = (lo >= th.value) if th.at_least else (hi <= th.value)
    outside = (hi < th.value) if th.at_least else (lo > th.value)
    got = f"mean {fmt(cell.mean, decimals)}, 95% t-interval [{fmt(lo, decimals)}, {fmt(hi, decimals)}]"
    if inside and (c.significant or not th.significant):
        return f"{head} met (threshold: {thr}; {got})."
    if outside:
        return f"{head} not met (threshold: {thr}; {got})."
    return f"{head} inconclusive (threshold: {thr}; {got} includes the threshold)."


def _test(c) -> str:
    p = c.p_adjusted if c.p_adjusted is not None else c.p
    if p is None or not math.isfinite(p):
        return "not tested"
    from experiment_runner.reports.analyse import p_eq

    return f"p {p_eq(p)}" + (" (significant)" if c.significant else " (not significant)")
