"""What a run's metric series say, as evidence per category: the first non-finite loss, exploding gradient norms
(divergence rate), a loss that does not decrease (flat from the start, or stalled), validation rising while
training falls (with the onset step), and validation suspiciously equal to or better than training throughout.
Each check states its thresholds here; the statistics are in series.py."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from experiment_runner.diagnosis import series as S
from experiment_runner.diagnosis.model import Evidence

Series = list[tuple[int | None, float]]

MIN_TREND_POINTS = 8  # loss_not_decreasing needs this many finite loss points
MIN_VAL_POINTS = 5  # overfitting / leakage need this many validation points
FLAT_RELATIVE = 0.05  # a loss that moved less than 5% overall is flat
STALL_TOTAL = 0.30  # ...and one that fell less than 30% before going flat has stalled
EXPLODE_RATIO = 100.0  # gradient norm grown this many times from its start
OVERFIT_RISE = 0.05  # validation loss at least 5% above its minimum at the end
LEAK_EQUAL = 0.02  # |val - train| / train at most 2% (median) counts as "equal"


@dataclass
class MetricFindings:
    evidence: dict[str, list[Evidence]] = field(default_factory=dict)
    facts: dict[str, dict[str, Any]] = field(default_factory=dict)
    roles: dict[str, str] = field(default_factory=dict)  # role -> metric name used

    def add(self, category: str, ev: Evidence, **facts: Any) -> None:
        self.evidence.setdefault(category, []).append(ev)
        self.facts.setdefault(category, {}).update({k: v for k, v in facts.items() if v is not None})


def _num(v: float) -> str:
    if isinstance(v, float) and not math.isfinite(v):
        return "nan" if math.isnan(v) else ("inf" if v > 0 else "-inf")
    return f"{v:.4g}"


def _jsonable(v: float) -> float | str:
    return _num(v) if isinstance(v, float) and not math.isfinite(v) else v


def _step(p) -> int | None:
    return int(p) if p is not None else None


RoleOf = Callable[[str], "str | None"]  # a metric name's role (the metric vocabulary's diagnosis_role)


def pick_roles(series: dict[str, Series], roles: RoleOf) -> dict[str, str]:
    """role -> metric name: among the names of a role, the one with the most points."""
    out: dict[str, str] = {}
    for name, points in series.items():
        role = roles(name.lower())
        if role is None or not points:
            continue
        if role not in out or len(points) > len(series[out[role]]):
            out[role] = name
    return out


def _paired_train(series: dict[str, Series], roles: RoleOf, val_name: str) -> str | None:
    """The training-loss series to compare with validation: one logged at the same cadence if there is one
    (nanoGPT's `train loss` at eval steps), else the densest."""
    names = [n for n in series if roles(n.lower()) == "train_loss"]
    if not names:
        return None
    val_len = len(series[val_name])
    same = [n for n in names if len(series[n]) == val_len]
    return same[0] if same else max(names, key=lambda n: len(series[n]))


def analyse(series: dict[str, Series], roles: RoleOf) -> MetricFindings:
    out = MetricFindings()
    picked = pick_roles(series, roles)
    out.roles = picked
    loss_names = [picked[r] for r in ("train_loss", "val_loss") if r in picked]
    nonfinite_loss = _nonfinite(series, loss_names, out)
    _gradients(series, picked.get("grad_norm"), picked.get("train_loss"), nonfinite_loss, out)
    if not nonfinite_loss and "train_loss" in picked:
        _not_decreasing(series[picked["train_loss"]], picked["train_loss"], out)
    if "val_loss" in picked and not nonfinite_loss:
        train_name = _paired_train(series, roles, picked["val_loss"])
        if train_name:
            _overfitting(series[train_name], series[picked["val_loss"]], train_name, picked["val_loss"], out)
            _leakage(series[train_name], series[picked["val_loss"]], train_name, picked["val_loss"], out)
    return out


def _nonfinite(series: dict[str, Series], names: list[str], out: MetricFindings) -> bool:
    found = False
    for name in names:
        bad = S.first_nonfinite(series[name])
        if bad is None:
            continue
        found = True
        before = ", ".join(f"{_num(v)} at step {s}" for s, v in bad.before[-3:]) or "no finite value before it"
        facts: dict[str, Any] = {"bad_step": bad.step, "bad_metric": name, "bad_value": _num(bad.value)}
        # Did the loss climb before it broke (divergence) or break from an ordinary value (a numerical hole)?
        finite_before = [v for _, v in series[name][: bad.index] if math.isfinite(v)]
        if len(finite_before) >= 3:
            low = min(finite_before)
            growth = finite_before[-1] / low if low > 0 else math.inf
            facts["pre_nan_growth"] = round(growth, 1) if math.isfinite(growth) else None
            facts["diverged_before_nan"] = growth >= 3.0
            facts["abrupt_nan"] = growth < 1.5
        last_good = bad.before[-1][0] if bad.before else None
        out.add(
            "nan_or_inf_loss",
            Evidence(
                kind="metric",
                summary=f"{name} became {_num(bad.value)} at step {bad.step} (before it: {before})",
                strength=0.95,
                step=_step(bad.step),
                value=_num(bad.value),
                data={"metric": name, "index": bad.index, "last_finite": [[s, v] for s, v in bad.before[-3:]]},
            ),
            last_good_step=last_good,
            **facts,
        )
        break  # the first loss-like series that broke is enough
    return found


def _gradients(series, grad_name, loss_name, nonfinite_loss: bool, out: MetricFindings) -> None:
    if grad_name:
        pts = series[grad_name]
        bad = S.first_nonfinite(pts)
        steps, values = S.finite(pts)
        g = S.growth(steps, values)
        start = S._median(values[: max(1, min(3, len(values)))]) if values else None
        peak = max(values[-3:]) if values else None
        ratio = (peak / start) if start and peak and start > 0 else None
        tr = S.trend(steps, [math.log10(v) if v > 0 else -math.inf for v in values]) if values else None
        if ratio is not None and ratio >= 20 and tr is not None and tr.tau > 0:
            strength = 0.9 if ratio >= EXPLODE_RATIO and tr.p < 0.05 else 0.7 if ratio >= EXPLODE_RATIO else 0.55
            rate = ""
            if g and g.steps_per_tenfold:
                rate = f"; it grew {g.factor_per_step:.3g}x per step (tenfold every {g.steps_per_tenfold:.3g} steps)"
            out.add(
                "exploding_gradients",
                Evidence(
                    kind="metric",
                    strength=strength,
                    summary=f"{grad_name} rose from {_num(start)} to {_num(peak)} ({ratio:.3g}x){rate}; Mann-Kendall "
                    f"tau={tr.tau:.2f}, p={tr.p:.2g} over {tr.n} points",
                    step=_step(pts[-1][0]),
                    value=peak,
                    data={
                        "metric": grad_name,
                        "ratio": round(ratio, 2),
                        "trend": tr.as_dict(),
                        "factor_per_step": g and round(g.factor_per_step, 4),
                        "steps_per_tenfold": g and g.steps_per_tenfold and round(g.steps_per_tenfold, 2),
                    },
                ),
                growth_factor=g and f"{g.factor_per_step:.3g}",
                steps_per_tenfold=g and g.steps_per_tenfold and f"{g.steps_per_tenfold:.3g}",
                grad_ratio=round(ratio, 1),
                last_step=_step(pts[-1][0]),
            )
        if bad is not None and not nonfinite_loss:
            out.add(
                "exploding_gradients",
                Evidence(
                    kind="metric",
                    strength=0.8,
                    step=_step(bad.step),
                    value=_num(bad.value),
                    summary=f"{grad_name} became {_num(bad.value)} at step {bad.step} while the loss stayed finite",
                    data={"metric": grad_name},
                ),
                bad_step=bad.step,
            )
    elif loss_name and not nonfinite_loss:
        # No gradient norm logged: a loss that climbs by orders of magnitude diverges all the same.
        steps, values = S.finite(series[loss_name])
        if len(values) >= MIN_TREND_POINTS:
            k = max(1, len(values) // 5)
            low_i = min(range(len(values)), key=values.__getitem__)
            tail_steps, tail_vals = steps[low_i:], values[low_i:]
            tr = S.trend(tail_steps, tail_vals)
            g = S.growth(tail_steps, tail_vals)
            if tr and tr.rising and values[-1] >= 10 * max(values[low_i], 1e-12) and values[-1] > S._median(values[:k]):
                rate = f", {g.factor_per_step:.3g}x per step" if g else ""
                out.add(
                    "exploding_gradients",
                    Evidence(
                        kind="metric",
                        strength=0.6,
                        step=_step(series[loss_name][-1][0]),
                        value=values[-1],
                        summary=f"{loss_name} diverged: from {_num(values[low_i])} at step {int(steps[low_i])} up to "
                        f"{_num(values[-1])}{rate} (Mann-Kendall tau={tr.tau:.2f}, p={tr.p:.2g})",
                        data={"metric": loss_name, "trend": tr.as_dict()},
                    ),
                    growth_factor=g and f"{g.factor_per_step:.3g}",
                    steps_per_tenfold=g and g.steps_per_tenfold and f"{g.steps_per_tenfold:.3g}",
                    last_step=_step(series[loss_name][-1][0]),
                )


def _not_decreasing(pts: Series, name: str, out: MetricFindings) -> None:
    steps, values = S.finite(pts)
    if len(values) < MIN_TREND_POINTS:
        return
    whole = S.trend(steps, values)
    if whole is None:
        return
    if whole.relative_change > -FLAT_RELATIVE:
        strength = 0.85 if not whole.falling else 0.65
        out.add(
            "loss_not_decreasing",
            Evidence(
                kind="metric",
                strength=strength,
                summary=f"{name} stayed flat from the start: {_num(whole.start)} -> {_num(whole.end)} "
                f"({whole.relative_change:+.1%}) over {whole.n} points; Mann-Kendall tau={whole.tau:.2f}, "
                f"p={whole.p:.2g}; Theil-Sen slope {whole.slope:.3g} per step",
                step=_step(pts[-1][0]),
                value=values[-1],
                data={"metric": name, "trend": whole.as_dict()},
            ),
            flat_from_start=True,
            stalled=False,
            loss_start=_num(whole.start),
            loss_end=_num(whole.end),
        )
        return
    # Fell at first: did it stall early, at a level far above where it started to fall?
    half = len(values) // 2
    late = S.trend(steps[half:], values[half:])
    cp = S.change_point(steps, values)
    if late and not late.falling and whole.relative_change > -STALL_TOTAL and abs(late.relative_change) < 0.02:
        stall_step = int(cp.step) if cp and cp.slope_after > cp.slope_before else int(steps[half])
        out.add(
            "loss_not_decreasing",
            Evidence(
                kind="metric",
                strength=0.6,
                summary=f"{name} fell only {-whole.relative_change:.1%} ({_num(whole.start)} -> {_num(whole.end)}) "
                f"and has been flat since about step {stall_step} (second half: tau={late.tau:.2f}, "
                f"p={late.p:.2g}, change {late.relative_change:+.1%})",
                step=stall_step,
                value=values[-1],
                data={"metric": name, "trend": whole.as_dict(), "late_trend": late.as_dict()},
            ),
            stalled=True,
            stall_step=stall_step,
            flat_from_start=False,
        )


def _overfitting(train: Series, val: Series, train_name: str, val_name: str, out: MetricFindings) -> None:
    vs, vv = S.finite(val)
    if len(vv) < MIN_VAL_POINTS:
        return
    # Onset: the minimum of the lightly smoothed validation loss (3-point running median resists one noisy eval).
    smooth = [S._median(vv[max(0, i - 1) : i + 2]) for i in range(len(vv))]
    k = min(range(len(smooth)), key=smooth.__getitem__)
    if len(vv) - k < 3:
        return
    after = S.trend(vs[k:], vv[k:], min_points=3)
    rise = (vv[-1] - vv[k]) / abs(vv[k]) if vv[k] else 0.0
    ts, tv = S.finite(train)
    t_after = [(s, v) for s, v in zip(ts, tv) if s >= vs[k]]
    t_trend = S.trend([p[0] for p in t_after], [p[1] for p in t_after], min_points=3) if len(t_after) >= 3 else None
    if after is None or after.tau <= 0 or rise < OVERFIT_RISE:
        return
    train_falling = t_trend is not None and t_trend.tau < 0
    if not train_falling:
        return
    strength = 0.55 + (0.2 if after.p < 0.05 else 0.1 if after.p < 0.2 else 0.0) + (0.15 if rise >= 0.2 else 0.05)
    if t_trend.p < 0.05:
        strength += 0.05
    onset_step = int(vs[k])
    cp = S.change_point(vs, vv)
    out.add(
        "overfitting",
        Evidence(
            kind="metric",
            strength=min(0.95, strength),
            step=onset_step,
            value=vv[k],
            summary=f"{val_name} bottomed at {_num(vv[k])} at step {onset_step} and rose {rise:.0%} to {_num(vv[-1])} by step "
            f"{int(vs[-1])} (Mann-Kendall tau={after.tau:.2f}, p={after.p:.2g} over {after.n} evaluations) while "
            f"{train_name} kept falling ({t_trend.relative_change:+.0%}, tau={t_trend.tau:.2f})",
            data={
                "val_trend_after_onset": after.as_dict(),
                "train_trend_after_onset": t_trend.as_dict(),
                "change_point_step": cp.step if cp else None,
            },
        ),
        onset_step=onset_step,
        best_value=_num(vv[k]),
        val_rise=f"{rise:.0%}",
        last_step=int(vs[-1]),
    )


def _aligned(train: Series, val: Series) -> list[tuple[float, float, float]]:
    """(step, train, val): each validation point with the last training value at or before its step."""
    ts, tv = S.finite(train)
    vs, vv = S.finite(val)
    out = []
    j = -1
    for s, v in zip(vs, vv):
        while j + 1 < len(ts) and ts[j + 1] <= s:
            j += 1
        if j >= 0:
            out.append((s, tv[j], v))
    return out


def _leakage(train: Series, val: Series, train_name: str, val_name: str, out: MetricFindings) -> None:
    pairs = _aligned(train, val)
    if len(pairs) < MIN_VAL_POINTS:
        return
    ts, tv = S.finite(train)
    learned = S.trend(ts, tv)
    if learned is None or learned.relative_change > -0.2:
        return  # nothing was learned: equal losses then say nothing about leakage
    gaps = [(v - t) / abs(t) if t else 0.0 for _, t, v in pairs]
    med_abs = S._median([abs(g) for g in gaps])
    close = sum(abs(g) <= 0.05 for g in gaps) / len(gaps)
    better = sum(g < -0.05 for g in gaps) / len(gaps)
    if med_abs <= LEAK_EQUAL and close >= 0.8:
        out.add(
            "data_leakage",
            Evidence(
                kind="metric",
                strength=0.75,
                summary=f"{val_name} tracks {train_name} almost exactly at all {len(pairs)} evaluations (median gap "
                f"{med_abs:.1%}, {close:.0%} within 5%) while the loss fell {-learned.relative_change:.0%}: "
                f"validation behaves like training data",
                data={"median_abs_gap": round(med_abs, 4), "share_within_5pct": round(close, 3), "pairs": len(pairs)},
            ),
            leak_kind="equal",
        )
    elif better == 1.0 and gaps[-1] < -0.1:
        # Alone this is weak: dropout or augmentation active only in training, or a train loss averaged over an
        # epoch while the model improved, give the same picture in healthy runs.
        out.add(
            "data_leakage",
            Evidence(
                kind="metric",
                strength=0.4,
                summary=f"{val_name} is better than {train_name} at every one of {len(pairs)} evaluations, by "
                f"{-gaps[-1]:.0%} at the end",
                data={"gaps": [round(g, 4) for g in gaps[-10:]]},
            ),
            leak_kind="better",
        )
