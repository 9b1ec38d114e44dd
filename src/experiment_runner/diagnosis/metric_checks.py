"""What a run's metric series say, as evidence per category: the first non-finite loss (and how much the loss grew
before it), exploding gradient norms (divergence rate), a loss that does not decrease (flat from the start, or
stalled), validation rising while training falls (with the onset step); and, measured against the run's chance
level (baselines.py), the verdicts of learning.py: finite blow-ups, pinned losses, accuracy at chance or constant,
underfitting, a decisive single-evaluation gap, and leakage on positive evidence only. Each check states its
thresholds where it is defined; the statistics are in series.py."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import partial
from typing import Any

from experiment_runner.diagnosis import learning as L
from experiment_runner.diagnosis import series as S
from experiment_runner.diagnosis.baselines import MAX_GUESSED_CLASSES, Baseline, baseline, printed_floor
from experiment_runner.diagnosis.model import REPORT_THRESHOLD, Evidence

Series = list[tuple[int | None, float]]

MIN_TREND_POINTS = 8  # loss_not_decreasing needs this many finite loss points
MIN_VAL_POINTS = 5  # overfitting / leakage need this many validation points
FLAT_RELATIVE = 0.05  # a loss that moved less than 5% overall is flat
STEADY_FALL_POINTS = 10  # ... unless it fell at every one of this many points
STALL_TOTAL = 0.30  # ...and one that fell less than 30% before going flat has stalled
EXPLODE_RATIO = 100.0  # gradient norm grown this many times from its start
#: A gradient norm and a loss both this large are no normal level for any kind of loss: a cross-entropy's norm
#: is O(1-10) and a regression of standardised targets starts near 1. With the norm still climbing and the loss
#: not falling, the run is diverging, whether or not the log shows its calm start.
HUGE_LEVEL = 1e4
HUGE_MIN_POINTS = 6
FITTED_SET_RATIO = 10.0  # XGBoost's first numbered evaluation set this far below the second is the training data
TOGETHER_GRAD = 1e5  # a gradient norm this large beside a loss above HUGE_LEVEL in the same record
OVERFIT_RISE = 0.05  # validation loss at least 5% above its minimum at the end
OVERFIT_TRAIN_FALL = 0.10  # training loss at least 10% lower at the end than at the validation minimum
PRE_NAN_EXPLOSION = 100.0  # the loss grew this many times over its finite values before the first NaN
MAGNITUDE_EXPLOSION = 10.0  # or its last two finite values are this many times larger in size than its first ones
#: A flat loss within this share of ln k (k = 2..MAX_GUESSED_CLASSES), with its values spread less than that around
#: their median, is a constant guess over k classes (or over a skewed k-class prior just below ln k).
CHANCE_MATCH = 0.012
SCATTERED_SPREAD = 0.05  # a flat-from-the-start window this noisy (relative median deviation) cannot show a stall
MID_RUN_STRENGTH = 0.35  # a flat window that begins mid-run, with no chance level to pin it: a weak signal
#: The training loss and the held-out loss each printing one and the same value at every evaluation from the first,
#: at this many evaluations of advancing epochs (or steps), each value with at least FROZEN_DIGITS significant
#: digits (a repeat rounding cannot explain): two measurements on different data that never move, so the model's
#: output does not move. A learning model changes its training loss in the fourth digit every epoch.
FROZEN_PAIR_MIN = 3
#: A held-out loss that fell significantly (Mann-Kendall) and by at least this many times the share the stalled
#: training loss fell: the model kept learning; the training loss is measured on inputs made harder (augmentation,
#: dropout, masking) and its plateau is that handicap, not a stop
OUTLEARNED_RATIO = 2.0
FROZEN_PAIR_MIN = 3
FROZEN_DIGITS = 3


@dataclass
class MetricFindings:
    evidence: dict[str, list[Evidence]] = field(default_factory=dict)
    facts: dict[str, dict[str, Any]] = field(default_factory=dict)
    roles: dict[str, str] = field(default_factory=dict)  # role -> metric name used
    baseline: Baseline = field(default_factory=lambda: Baseline("unknown"))

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


#: the deviations a regression is fitted to minimise (XGBoost's `rmse`, Keras' `mse`, `mae`): its loss by another
#: name. Rates of misclassification (`error`, `merror`) are not: they are 1 - accuracy, bounded, with no chance loss.
_REGRESSION_ERROR = re.compile(r"(?:^|[^a-z])r?ms(?:l)?e(?:$|[^a-z])|(?:^|[^a-z])ma(?:p)?e(?:$|[^a-z])")


def _errors_as_loss(series: dict[str, Series], roles: RoleOf) -> RoleOf:
    """A run that logs no loss at all is judged on the deviation it minimises: a regression's train and validation
    error (rmse, mse, mae) take the loss roles, split by split."""
    if any(roles(n.lower()) in ("train_loss", "val_loss") for n, pts in series.items() if pts):
        return roles
    from experiment_runner.metrics.vocabulary import describe

    # XGBoost names each evaluation set `<set>-<metric>`: beside a `train-rmse`, a `validate-rmse` (whatever the
    # set is called) is the same deviation on another set, the held-out one
    trained = {_set_metric(n) for n, pts in series.items() if pts and describe(n).split == "train"}

    def role(name: str) -> str | None:
        found = roles(name)
        if found is not None:
            return found
        d = describe(name)
        norm = d.split is not None and d.role == "other" and _is_norm_deviation(name)
        if norm or (d.role == "error" and _REGRESSION_ERROR.search(name)):
            if d.split is None and _set_metric(name) in trained:
                return "val_loss"
            return "train_loss" if d.split in (None, "train") else "val_loss"
        return None

    return role


def _is_norm_deviation(name: str) -> bool:
    """LightGBM names a regression's deviation by its norm after the set (`training's l2`, `valid_1's l1`, R's
    `valid's l2:0.1003`): a set and `l1`/`l2` and nothing else (`l2_reg`, `grad_l2_norm` are no deviation)."""
    from experiment_runner.metrics.vocabulary import tokens

    toks = tokens(name)
    return len(toks) == 2 and toks[1] in ("l1", "l2")


#: an accuracy never above this share of its scale, at every one of 3+ values, has never been a classifier's
ZERO_ACCURACY = 0.01


def _without_meaningless_accuracy(series: dict[str, Series]) -> dict[str, Series]:
    """Keras prints `acc` for a regression too, where it is (almost) always 0. No classifier scores zero on every
    example for a whole run (a constant answer scores its class's share), so when every accuracy series stays at
    zero it measures nothing: the run is judged without it, on its losses."""
    from experiment_runner.metrics.vocabulary import describe

    accs = {n: S.finite(pts)[1] for n, pts in series.items() if describe(n).role == "accuracy"}
    if not accs or any(len(vs) < 3 for vs in accs.values()):
        return series
    # a percentage scale reads 100 where a fraction reads 1; a zero accuracy is near zero on either
    if any(max(vs) > ZERO_ACCURACY for vs in accs.values()):
        return series
    return {n: pts for n, pts in series.items() if n not in accs}


def _set_metric(name: str) -> str | None:
    """The metric of an evaluation set's `<set>-<metric>` / `<set>_<metric>` name (None when it has no set part)."""
    parts = re.split(r"[-_]", name.lower(), maxsplit=1)
    return parts[1] if len(parts) == 2 else None


_NUMBERED_SET = re.compile(r"^(?:validation|valid|eval)_(\d+)_(.+)$")


def _fitted_eval_set(series: dict[str, Series], roles: RoleOf) -> RoleOf:
    """XGBoost's scikit-learn wrapper names its evaluation sets `validation_0`, `validation_1`, ... in the order
    given, and the usual order is the training data first. With no training loss logged, a first set whose loss ends
    an order of magnitude below the next one's is the data the model was fitted on: two held-out samples of one
    distribution cannot differ so."""
    if any(roles(n.lower()) == "train_loss" for n, pts in series.items() if pts):
        return roles
    sets: dict[str, dict[int, str]] = {}
    for name, pts in series.items():
        m = _NUMBERED_SET.match(name.lower())
        if m and pts and roles(name.lower()) == "val_loss":
            sets.setdefault(m.group(2), {})[int(m.group(1))] = name
    fitted: set[str] = set()
    for numbered in sets.values():
        if 0 not in numbered or 1 not in numbered:
            continue
        first, second = (S.finite(series[numbered[i]])[1] for i in (0, 1))
        if first and second and second[-1] > 0 and first[-1] <= second[-1] / FITTED_SET_RATIO:
            fitted.add(numbered[0].lower())
    if not fitted:
        return roles

    def role(name: str) -> str | None:
        return "train_loss" if name in fitted else roles(name)

    return role


def _paired_train(series: dict[str, Series], roles: RoleOf, val_name: str) -> str | None:
    """The training-loss series to compare with validation: one logged at the same cadence if there is one
    (nanoGPT's `train loss` at eval steps), else the densest."""
    names = [n for n in series if roles(n.lower()) == "train_loss"]
    if not names:
        return None
    val_len = len(series[val_name])
    same = [n for n in names if len(series[n]) == val_len]
    return same[0] if same else max(names, key=lambda n: len(series[n]))


def analyse(
    series: dict[str, Series],
    roles: RoleOf,
    *,
    records: list[dict] | None = None,
    num_classes: float | None = None,
    head_lines: list[str] | None = None,
) -> MetricFindings:
    """Evidence from the series. `records` (the parsed or stored metric records, in order) pair each evaluation with
    the training values logged with it; `num_classes` and `head_lines` (the log's first lines, for a printed model)
    help find the chance level."""
    out = MetricFindings()
    series = _without_meaningless_accuracy(series)
    roles = _fitted_eval_set(series, _errors_as_loss(series, roles))
    picked = pick_roles(series, roles)
    out.roles = picked
    train, val = picked.get("train_loss"), picked.get("val_loss")
    base = baseline(
        series,
        train or val,
        num_classes=num_classes,
        head_lines=head_lines,
        acc_names=[n for n in (picked.get("train_acc"), picked.get("val_acc")) if n],
    )
    out.baseline = base
    loss_names = [n for n in (train, val) if n]
    broken = loss_names or _component_losses(series) or _broken_table_terms(series, records)
    nonfinite_loss = _nonfinite(series, broken, out, _epochs(records, series, broken))
    _gradients(series, picked.get("grad_norm"), train, nonfinite_loss, out, base.task, base)
    if nonfinite_loss:
        return out
    acc_series = [series[n] for n in (picked.get("train_acc"), picked.get("val_acc")) if n]
    pinned = L.pinned_loss(series[train], train, base, acc_series, series.get("epoch")) if train else None
    if pinned and pinned[0].data.get("classes") and base.classes is None:
        # a loss pinned at exactly ln C says how many classes there are
        c = pinned[0].data["classes"]
        base = replace(base, classes=c, classes_from=f"{train} is pinned at exactly ln {c}")
        out.baseline = base
    div = L.divergence(series, loss_names, base)
    if div:
        out.add("exploding_gradients", div[0], **div[1])
    if train:
        _stuck_training_loss(series, records, train, val, pinned, base, out)
    accuracies = {n: series[n] for n in (picked.get("val_acc"), picked.get("train_acc")) if n}
    guess = L.uniform_guess(series[train], train, accuracies, base) if train and not div else None
    for name in loss_names:
        if not div and not guess and len(series[name]) < MIN_TREND_POINTS:
            guess = L.uniform_at_end(series[name], name, accuracies, base)
    if guess:
        out.add("loss_not_decreasing", guess[0], **guess[1])
    # validation first; training accuracy when validation says nothing (one test value at the end, say): a
    # training accuracy frozen at one value is the same constant answer
    accs = [n for n in dict.fromkeys((picked.get("val_acc"), picked.get("train_acc"))) if n]
    found = None
    repeated = partial(L.repeated_score, losses=[series[n] for n in loss_names])
    for acc in accs:
        others = [series[o] for o in accs if o != acc]
        for check in (partial(L.constant_accuracy, others=others), L.accuracy_at_chance, repeated):
            found = check(series[acc], acc, base)
            if found:
                # held-out accuracy at chance while the training loss fell by half or more (and not from a blow-up):
                # memorised, not learned
                learned = _loss_fell(series, train) or _fitting_alone(series, picked, base)
                memorised = acc == picked.get("val_acc") and learned and not div
                if memorised:
                    found[0].strength = 0.5
                    found[0].summary += (
                        f", while {train} fell by more than half: the model memorised the training set"
                        if _loss_fell(series, train)
                        else f", while {picked.get('train_acc')} rose clear of chance and {val} rose: the model "
                        "fits its training data and gets worse on data it has not seen"
                    )
                out.add("overfitting" if memorised else "loss_not_decreasing", found[0], **found[1])
                break
        if found:
            break
    if train and "loss_not_decreasing" in out.evidence:
        _rose_above_start(series[train], out)
    evals = L.evaluations(records, series, picked)
    if train:
        _underfitting(series, roles, evals, base, val, head_lines, out)
    gap = L.decisive_gap(evals, base, stepped=val is not None and any(s is not None for s, _ in series[val]))
    gap = gap or L.memorised_gap(evals, base)
    if gap:
        out.add("overfitting", gap[0], **gap[1])
    if val:
        train_name = _paired_train(series, roles, val)
        if train_name:
            on_epochs = _epochs(records, series, [train_name, val])
            _overfitting(series[train_name], series[val], train_name, val, out, on_epochs, L.accuracy_gap(evals, base))
    leak = L.leakage(evals, base, _val_error(series, roles))
    if leak:
        out.add("data_leakage", leak[0], **leak[1])
    disagree = L.held_out_disagreement(series, base)
    if disagree:
        out.add("data_leakage", disagree[0], **disagree[1])
    return out


def _stuck_training_loss(
    series: dict[str, Series],
    records: list[dict] | None,
    train: str,
    val: str | None,
    pinned: tuple[Evidence, dict[str, Any]] | None,
    base: Baseline,
    out: MetricFindings,
) -> None:
    """loss_not_decreasing from the training loss: frozen beside its held-out loss, pinned at a chance level, or
    flat / stalled by its trend (which a held-out loss that kept falling far more demotes to a weak signal)."""
    frozen = _frozen_pair(records, train, val) if val else None
    if frozen:
        out.add("loss_not_decreasing", frozen[0], **frozen[1])
    if pinned:
        out.add("loss_not_decreasing", pinned[0], **pinned[1])
        return
    _not_decreasing(series[train], train, out, _mid_run(series[train], series.get("epoch")), base)
    if val:
        _stall_outlearned(series[val], val, out)


def _frozen_pair(records: list[dict] | None, train: str, val: str) -> tuple[Evidence, dict[str, Any]] | None:
    """Evidence that the output does not move: every record that carries both the training and the held-out loss
    (at least FROZEN_PAIR_MIN, each at a later epoch or step than the one before: a progress bar reprinting one
    line is not an evaluation) shows the same training value and the same held-out value, each with FROZEN_DIGITS
    significant digits or more."""
    pairs = [r for r in records or [] if _finite(r.get(train)) and _finite(r.get(val))]
    if len(pairs) < FROZEN_PAIR_MIN or not _advancing(pairs):
        return None
    t, v = float(pairs[0][train]), float(pairs[0][val])
    if (
        any(r[train] != t or r[val] != v for r in pairs)
        or min(L.printed_digits(t), L.printed_digits(v)) < FROZEN_DIGITS
    ):
        return None
    ev = Evidence(
        kind="metric",
        strength=0.8,
        value=t,
        summary=f"{train} is exactly {_num(t)} and {val} exactly {_num(v)} at every one of {len(pairs)} evaluations "
        "from the first: neither moved in any digit, so the model's output does not move (no gradient reaches the "
        "weights, or the updates are zero)",
        data={"metric": train, "frozen_evaluations": len(pairs)},
    )
    return ev, {"frozen_loss": _num(t), "frozen_val_loss": _num(v)}


def _finite(value: Any) -> bool:
    return isinstance(value, float | int) and math.isfinite(value)


def _advancing(records: list[dict]) -> bool:
    """Each record at a later epoch (or, without epochs, a later step) than the one before."""
    for key in ("epoch", "step"):
        marks = [r.get(key) for r in records]
        numbers = [float(m) for m in marks if isinstance(m, float | int)]
        if len(numbers) == len(marks):
            return all(b > a for a, b in zip(numbers, numbers[1:]))
    return False


def _underfitting(
    series: dict[str, Series],
    roles: RoleOf,
    evals: list[L.Eval],
    base: Baseline,
    val: str | None,
    head_lines: list[str] | None,
    out: MetricFindings,
) -> None:
    """A plateau with no gap to close: judged against the chance level, and against the noise floor the log prints
    where it prints one (a plateau at the floor is the task's limit; far above it, the model underfits)."""
    starts = [v for n in _main_losses(series, roles) for v in S.finite(series[n])[1][:2]]
    floor = printed_floor(head_lines)
    under = L.underfitting(evals, starts, base, _val_error(series, roles), floor)
    if floor is not None and val and (under is None or under[0].strength < 0.5):
        under = L.above_printed_floor(evals, floor, val, base, _val_error(series, roles)) or under
    if under is None and not (head_lines and any("label_smoothing" in t for t in head_lines)):
        under = L.underconfident_plateau(evals, base)
    if under:
        _stall_is_underfitting(under[0], out)
        out.add("underfitting", under[0], **under[1])
        if under[0].strength >= 0.5:
            _drop_stall(out)


def _where(pts: Series, i: int, step: int) -> str:
    """`step N` when the run logged steps, else the evaluation's place (a step made up from the index would
    mislead)."""
    return f"step {step}" if any(s is not None for s, _ in pts) else f"evaluation {i + 1}"


def _fitting_alone(series: dict[str, Series], picked: dict[str, str], base: Baseline) -> bool:
    """The training side learned while the held-out side got worse: training accuracy rose from its first value to
    beyond the chance band (the band accuracy_at_chance allows around 1/C) and the validation loss ends above its
    first value. Beside a held-out accuracy at chance, that is a model fitting what it trains on and nothing else;
    a model that learns nothing leaves its training accuracy at chance too."""
    train_acc, val = picked.get("train_acc"), picked.get("val_loss")
    if not train_acc or not val or base.chance_accuracy is None or base.classes is None:
        return False
    _, accs = S.finite(series[train_acc])
    _, vals = S.finite(series[val])
    if len(accs) < 2 or len(vals) < 2:
        return False
    band = min(0.05, 0.3 / base.classes) * base.acc_scale
    return accs[-1] > accs[0] and accs[-1] - base.chance_accuracy > band and vals[-1] > vals[0]


def _loss_fell(series: dict[str, Series], name: str | None, by: float = 0.5) -> bool:
    """The loss ended at least `by` (a share) below where it started."""
    if not name:
        return False
    _, values = S.finite(series[name])
    if len(values) < 4:
        return False
    k = max(1, len(values) // 5)
    start, end = S._median(values[:k]), S._median(values[-k:])
    return start > 0 and end <= (1 - by) * start


def _learning_to_the_end(series: dict[str, Series], name: str | None, ratio: float) -> bool:
    """A norm that grew less than EXPLODE_RATIO times beside a loss that fell by a quarter or more and is at its
    lowest at the end: the model leaving its first plateau (gradients grow as it starts to fit), not a divergence,
    which raises the loss or stalls it."""
    if not name or ratio >= EXPLODE_RATIO or not _loss_fell(series, name, by=0.25):
        return False
    _, values = S.finite(series[name])
    k = max(2, len(values) // 5)
    return min(values[-k:]) <= min(values)


def _rose_above_start(pts: Series, out: MetricFindings) -> None:
    """A loss that stalls after climbing well above its first value (half as much again) was pushed up by its
    own updates: the learning rate is too high for it to settle, and advice must not suggest a higher one."""
    _, values = S.finite(pts)
    if len(values) < 3 or values[0] <= 0:
        return
    peak = max(values[1:])
    if peak >= 1.5 * values[0]:
        out.facts.setdefault("loss_not_decreasing", {}).update({"loss_rose": True, "loss_peak": _num(peak)})


def _stall_is_underfitting(under: Evidence, out: MetricFindings) -> None:
    """Without a scale (a regression's error has no chance level) the underfitting shape alone stays weak: a noisy
    task converges the same way. A trend test that finds the training loss flat or stalled says the run did stop
    learning; with validation levelled off beside it after a real fall from the first value, that stop is the
    underfitting picture, so the finding takes the stall's weight and the stall (a robust fit that skips the first
    fall, hence 'flat from the start') is dropped."""
    stalls = [e for e in out.evidence.get("loss_not_decreasing", []) if "trend" in e.data]
    if under.strength >= REPORT_THRESHOLD or not stalls:
        return
    under.strength = max(e.data.get("stall_strength", e.strength) for e in stalls)
    kept = [e for e in out.evidence["loss_not_decreasing"] if "trend" not in e.data]
    if kept:
        out.evidence["loss_not_decreasing"] = kept
    else:
        out.evidence.pop("loss_not_decreasing", None)
        out.facts.pop("loss_not_decreasing", None)


def _stall_outlearned(val_pts: Series, val: str, out: MetricFindings) -> None:
    """A training loss that stalled after a small fall says the model stopped learning; a held-out loss that fell
    significantly over the run and OUTLEARNED_RATIO times as far says it did not: the training measurement carries
    a handicap the held-out one does not. The stall stays a weak signal."""
    stalls = [e for e in out.evidence.get("loss_not_decreasing", []) if e.data.get("late_trend")]
    if not stalls:
        return
    steps, values = S.finite(val_pts)
    held = S.trend(steps, values)
    if held is None or not held.falling:
        return
    for e in stalls:
        fell = -e.data["trend"]["relative_change"]
        if -held.relative_change >= OUTLEARNED_RATIO * max(fell, 0.0) and e.strength > MID_RUN_STRENGTH:
            e.strength = MID_RUN_STRENGTH
            e.summary += (
                f"; but {val} fell {-held.relative_change:.1%} over the run ({_num(held.start)} -> "
                f"{_num(held.end)}), {OUTLEARNED_RATIO:g}x as far or more: the model kept learning, the training "
                "loss is measured under a handicap (augmentation, dropout)"
            )


def _drop_stall(out: MetricFindings) -> None:
    """A stall after a small fall is the underfitting picture when validation levels off with training: the
    underfitting finding says it, with the validation side that loss_not_decreasing lacks."""
    evs = [e for e in out.evidence.get("loss_not_decreasing", []) if not e.data.get("late_trend")]
    if evs:
        out.evidence["loss_not_decreasing"] = evs
    else:
        out.evidence.pop("loss_not_decreasing", None)
        out.facts.pop("loss_not_decreasing", None)


def _main_losses(series: dict[str, Series], roles: RoleOf) -> list[str]:
    return [n for n in series if roles(n.lower()) in ("train_loss", "val_loss")]


def _val_error(series: dict[str, Series], roles: RoleOf) -> Series | None:
    from experiment_runner.metrics.vocabulary import describe

    for name, pts in series.items():
        d = describe(name)
        if d.role == "error" and d.split in ("val", "test") and pts:
            return pts
    return None


def _epochs(records: list[dict] | None, series: dict[str, Series], names: list[str]) -> dict[str, list[Any]]:
    """Per series logged without steps, the epoch of each of its values, when every record that holds it names
    one (`epoch 3 train_loss 0.41`, Keras's `Epoch 4/12`): where a value sits, said as the log says it."""
    out: dict[str, list[Any]] = {}
    for name in names:
        if not records or any(s is not None for s, _ in series[name]):
            continue
        epochs = [r.get("epoch") for r in records if name in r]
        if len(epochs) == len(series[name]) and all(isinstance(e, (int, float)) for e in epochs):
            out[name] = epochs
    return out


def _at_point(step: Any, index: int, epochs: list[Any] | None) -> str:
    """`at step N` when the run logged steps, `at epoch N` when it logged only epochs, else nothing to say."""
    if step is not None:
        return f" at step {step}"
    if epochs is not None and 0 <= index < len(epochs):
        return f" at epoch {epochs[index]:g}"
    return ""


def _nonfinite(series: dict[str, Series], names: list[str], out: MetricFindings, epochs: dict[str, list[Any]]) -> bool:
    found = False
    for name in names:
        bad = S.first_nonfinite(series[name])
        if bad is None:
            continue
        found = True
        ep = epochs.get(name)
        before = (
            ", ".join(
                f"{_num(v)}{_at_point(s, bad.index - len(bad.before[-3:]) + j, ep)}"
                for j, (s, v) in enumerate(bad.before[-3:])
            )
            or "no finite value before it"
        )
        facts: dict[str, Any] = {"bad_step": bad.step, "bad_metric": name, "bad_value": _num(bad.value)}
        # Did the loss climb before it broke (divergence) or break from an ordinary value (a numerical hole)?
        finite_before = [v for _, v in series[name][: bad.index] if math.isfinite(v)]
        if len(finite_before) >= 3:
            low = min(finite_before)
            growth = finite_before[-1] / low if low > 0 else math.inf
            facts["pre_nan_growth"] = f"{growth:.3g}" if math.isfinite(growth) else None
            facts["diverged_before_nan"] = growth >= 3.0
            facts["abrupt_nan"] = growth < 1.5
        last_good = bad.before[-1][0] if bad.before else None
        if facts.get("pre_nan_growth") is None and len(finite_before) >= 3:
            facts["pre_nan_growth"] = "over 1e300"
        growth = finite_before[-1] / min(finite_before) if len(finite_before) >= 3 and min(finite_before) > 0 else 0
        # a loss that can go negative (a likelihood, an unbounded objective) diverges in magnitude, either sign:
        # its last finite values against the run's own first ones
        magnitude = _magnitude_growth(finite_before)
        if magnitude >= MAGNITUDE_EXPLOSION:
            growth = max(growth, magnitude)
        # a finite value no target scale explains before the break is the divergence, however few values show it
        implausible = bool(finite_before) and max(finite_before) >= L.LOSS_IMPLAUSIBLE
        if implausible and min(finite_before) > 0:
            growth = max(growth, finite_before[-1] / min(finite_before))
        if growth >= PRE_NAN_EXPLOSION or magnitude >= MAGNITUDE_EXPLOSION or implausible:
            # Orders of magnitude of finite growth first: the divergence is the cause, the NaN its end.
            indexed = [(i, s, v) for i, (s, v) in enumerate(series[name][: bad.index]) if math.isfinite(v)]
            pts = [(s, v) for _, s, v in indexed]
            low_i = min(range(len(pts)), key=lambda i: pts[i][1])
            if pts[low_i][1] <= 0 or pts[low_i][1] == pts[-1][1]:
                low_i = 0  # grew in magnitude: from where it started
            bad_at = _at_point(bad.step, bad.index, ep)
            low_at, last_at = _at_point(pts[low_i][0], indexed[low_i][0], ep), _at_point(pts[-1][0], indexed[-1][0], ep)
            out.add(
                "exploding_gradients",
                Evidence(
                    kind="metric",
                    strength=0.9,
                    step=_step(pts[low_i][0]),
                    value=pts[-1][1],
                    summary=f"{name} grew from {_num(pts[low_i][1])}{low_at} to {_num(pts[-1][1])}{last_at} "
                    f"({growth:.3g}x) while still finite, then became {_num(bad.value)}{bad_at}",
                    data={"metric": name, "start_step": pts[low_i][0], "growth": growth},
                ),
                last_step=_step(pts[-1][0]),
            )
        out.add(
            "nan_or_inf_loss",
            Evidence(
                kind="metric",
                summary=f"{name} became {_num(bad.value)}{_at_point(bad.step, bad.index, ep)} (before it: {before})",
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


def _component_losses(series: dict[str, Series]) -> list[str]:
    """With no main loss, the named terms of one (`kd_loss`, `loss_cls`, `aux_loss`: the vocabulary's loss role, not
    `loss_scale` or `nan_count`): a NaN in any term is a NaN in the loss they add up to. A term whose only
    non-finite value is its first one, finite ever after, printed a placeholder before its first measurement (an
    evaluation not run yet) and says nothing."""
    from experiment_runner.metrics.vocabulary import describe

    return [n for n, pts in series.items() if pts and describe(n).role == "loss" and not S.placeholder_first(pts, 2)]


def _broken_table_terms(series: dict[str, Series], records: list[dict] | None) -> list[str]:
    """With no named loss, the unnamed columns of a training table (a detector's box/obj/cls): series of no known
    role printed on the row of an epoch or step counter. They count as losses by their place only when two or more
    of them turn non-finite on the same row, as the terms of one loss do; a single odd column says nothing."""
    from experiment_runner.metrics.vocabulary import describe

    for rec in records or []:
        if not any(describe(k).role == "counter" for k in rec):
            continue
        terms = [
            k
            for k, v in rec.items()
            if k in series and describe(k).role == "other" and isinstance(v, float) and not math.isfinite(v)
        ]
        if len(terms) >= 2:
            return terms
    return []


def _magnitude_growth(finite_before: list[float]) -> float:
    """How many times the magnitude of the last finite values exceeds that of the first ones; 0 when the first
    values are zero or there are too few values to tell a start from an end."""
    if len(finite_before) < 3:
        return 0.0
    k = max(1, len(finite_before) // 4)
    first = sorted(abs(v) for v in finite_before[:k])[k // 2]
    last = min(abs(v) for v in finite_before[-2:])
    return last / first if first > 0 else 0.0


def _gradients(
    series,
    grad_name,
    loss_name,
    nonfinite_loss: bool,
    out: MetricFindings,
    task: str = "unknown",
    base: Baseline | None = None,
) -> None:
    if grad_name:
        pts = series[grad_name]
        bad = S.first_nonfinite(pts)
        steps, values = S.finite(pts)
        g = S.growth(steps, values)
        start = S._median(values[: max(1, min(3, len(values)))]) if values else None
        peak = max(values[-3:]) if values else None
        ratio = (peak / start) if start and peak and start > 0 else None
        tr = S.trend(steps, [math.log10(v) if v > 0 else -math.inf for v in values]) if values else None
        if (
            ratio is not None
            and start is not None
            and peak is not None
            and ratio >= 20
            and tr is not None
            and tr.tau > 0
        ):
            strength = 0.9 if ratio >= EXPLODE_RATIO and tr.p < 0.05 else 0.7 if ratio >= EXPLODE_RATIO else 0.55
            if peak >= TOGETHER_GRAD * 1e3 and tr.p < 0.05:
                strength = max(strength, 0.9)  # a norm of 1e8 and still climbing has blown up, whatever its start
            if (
                bad is None
                and not nonfinite_loss
                and (_loss_fell(series, loss_name) or _learning_to_the_end(series, loss_name, ratio))
            ):
                # the norm grew while the loss kept falling and nothing broke: large late gradients (memorising,
                # sharpening), not a divergence
                strength = min(strength, 0.3)
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
                        "start_step": steps[0] if steps else None,
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
        elif bad is None and not nonfinite_loss and loss_name:
            _huge_and_climbing(grad_name, pts, loss_name, series[loss_name], out)
        if not nonfinite_loss and loss_name and task != "regression" and "exploding_gradients" not in out.evidence:
            _huge_together(grad_name, pts, loss_name, series[loss_name], out, classifier=task != "unknown")
        frozen = L.frozen_after_nan_gradient(pts, series[loss_name]) if bad is not None and loss_name else None
        frozen = frozen or (
            _zero_loss_at_nan_gradient(pts, series[loss_name]) if bad is not None and loss_name else None
        )
        if frozen and not nonfinite_loss:
            out.add("nan_or_inf_loss", frozen[0], **frozen[1])
        if bad is not None and not nonfinite_loss:
            grew = ratio is not None and ratio >= 20
            # a norm that is finite again at the end was one skipped step (a loss scaler's overflow, a guarded
            # update), unless the loss froze after it: the NaN never reached the weights
            recovered = math.isfinite(pts[-1][1]) and not frozen
            summary = f"{grad_name} became {_num(bad.value)} at step {bad.step} while the loss stayed finite"
            if recovered:
                summary += (
                    f", and is finite again ({_num(pts[-1][1])} at step {pts[-1][0]}): a skipped step, not gradients "
                    "that stay broken"
                )
            out.add(
                "exploding_gradients",
                Evidence(
                    kind="metric",
                    # a NaN norm with no growth before it is a numerical hole (or a skipped fp16 step), not a
                    # norm that exploded; a frozen loss after it says the NaN reached the weights
                    strength=0.15 if recovered and not grew else 0.8 if grew else 0.45,
                    step=_step(bad.step),
                    value=_num(bad.value),
                    summary=summary,
                    data={"metric": grad_name, "recovered": recovered},
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
            climbed = tr and tr.rising and values[-1] >= 10 * max(values[low_i], 1e-12)
            if climbed and _back_to_chance(loss_name, values, low_i, base, out):
                return
            if tr and climbed and values[-1] > S._median(values[:k]):
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


def _back_to_chance(name: str, values: list[float], low_i: int, base: Baseline | None, out: MetricFindings) -> bool:
    """A loss that climbed from its low back to a chance level (ln C for the run's C, or ln k for a small k, held by
    its last values) and stays there: the model unlearned to a uniform guess, a collapse that stops learning. A
    divergence runs orders of magnitude past any chance level and keeps going; this one stops exactly there."""
    k = max(2, len(values) // 5)
    tail = values[-k:]
    chance = _near_chance(tail, base or Baseline("unknown"))
    if chance is None or min(tail) <= 10 * max(values[low_i], 1e-12):
        return False
    out.add(
        "loss_not_decreasing",
        Evidence(
            kind="metric",
            strength=0.8,
            value=tail[-1],
            summary=f"{name} climbed from {_num(values[low_i])} back to {_num(tail[-1])}, the chance loss {chance}, "
            f"and its last {k} values stay there: the model has unlearned to a uniform guess, not diverged",
            data={"metric": name, "low": values[low_i], "chance": chance},
        ),
        flat_from_start=False,
        stalled=True,
    )
    return True


def _huge_and_climbing(grad_name: str, grads: Series, loss_name: str, loss: Series, out: MetricFindings) -> None:
    """A blow-up seen without its start (a log that begins mid-run, a resumed job): the gradient norm and the loss
    both sit orders of magnitude above any normal level, the norm keeps climbing and the loss does not fall."""
    g_steps, g_values = S.finite(grads)
    l_steps, l_values = S.finite(loss)
    if len(g_values) < HUGE_MIN_POINTS or len(l_values) < HUGE_MIN_POINTS:
        return
    g_level, l_level = S._median(g_values), S._median(l_values)
    if g_level < HUGE_LEVEL or l_level < HUGE_LEVEL:
        return
    g_trend, l_trend = S.trend(g_steps, g_values), S.trend(l_steps, l_values)
    if g_trend is None or l_trend is None or not g_trend.rising or l_trend.falling:
        return
    out.add(
        "exploding_gradients",
        Evidence(
            kind="metric",
            strength=0.8,
            step=_step(g_steps[0]),
            value=g_values[-1],
            summary=f"{grad_name} sits at {_num(g_level)} and keeps climbing ({_num(g_values[0])} -> "
            f"{_num(g_values[-1])}; Mann-Kendall tau={g_trend.tau:.2f}, p={g_trend.p:.2g}) while {loss_name} stays "
            f"at {_num(l_level)} without falling: both orders of magnitude above any normal level, a divergence "
            "already under way where the log begins",
            data={"metric": grad_name, "grad_level": g_level, "loss_level": l_level, "trend": g_trend.as_dict()},
        ),
        last_step=_step(grads[-1][0]),
    )


def _zero_loss_at_nan_gradient(grads: Series, loss: Series) -> tuple[Evidence, dict[str, Any]] | None:
    """The loss printed as exactly 0 in the records whose gradient norm is NaN/Inf. No trained model scores a loss
    of exactly zero beside a non-finite gradient: a trainer that drops non-finite losses from the average it logs
    (transformers' `logging_nan_inf_filter`, on by default) has nothing left to average when every step of the
    logging window was NaN, and prints 0.0. The loss was NaN; the zero is the filter's."""
    hits = [(st, g) for st, g, v in _paired(grads, loss) if not math.isfinite(g) and v == 0.0]
    if not hits:
        return None
    st, g = hits[0]
    ev = Evidence(
        kind="metric",
        strength=0.9,
        step=_step(st),
        value=_num(g),
        summary=f"the loss is printed as exactly 0 beside a gradient norm of {_num(g)} in {len(hits)} record(s): "
        "every loss in those logging windows was NaN/Inf and the trainer's filter of non-finite losses left 0 to log",
        data={"zero_loss_records": len(hits)},
    )
    return ev, {"bad_step": st, "frozen_at": "0"}


def _paired(grads: Series, loss: Series) -> list[tuple[int | None, float, float]]:
    """(step, norm, loss) logged together: by step, or by position when neither series has steps."""
    if any(st is not None for st, _ in grads):
        by_step = {st: v for st, v in loss if st is not None}
        return [(st, g, by_step[st]) for st, g in grads if st in by_step]
    if len(grads) == len(loss) and all(st is None for st, _ in loss):
        return [(None, g, v) for (_, g), (_, v) in zip(grads, loss)]
    return []


def _huge_together(
    grad_name: str, grads: Series, loss_name: str, loss: Series, out: MetricFindings, *, classifier: bool
) -> None:
    """A log too short for a trend (one to five records: a paste of the lines around the failure) whose gradient
    norm and loss are both orders of magnitude beyond any normal level in the same record (mmdet's `loss:
    2461733416.9, grad_norm: 1170372919273.5`): two measurements of one blow-up, even from one line. A classifier's
    loss (an accuracy or a cross-entropy is logged) has no target scale to excuse it; a loss of unknown kind may be
    a regression on raw targets, so its norm must be beyond what even those reach (1e8). Longer logs are left to the
    trend rules."""
    pairs = [(st, g, v) for st, g, v in _paired(grads, loss) if math.isfinite(g) and math.isfinite(v)]
    if not pairs or len(pairs) >= HUGE_MIN_POINTS:
        return
    floor = TOGETHER_GRAD if classifier else TOGETHER_GRAD * 1e3
    huge = [(st, g, v) for st, g, v in pairs if g >= floor and v >= HUGE_LEVEL]
    if not huge:
        return
    losses = [v for _, _, v in pairs]
    trend = S.trend([float(i) for i in range(len(losses))], losses) if len(losses) >= 3 else None
    if trend is not None and trend.falling and losses[-1] <= losses[0] / 3:
        return  # a loss of a large scale falling steadily (raw targets, a summed loss): learning, not a blow-up
    st, g, v = max(huge, key=lambda p: p[1])
    last = pairs[-1][2]
    still = last >= HUGE_LEVEL
    where = f" at step {st}" if st is not None else ""
    state = "and the loss is still there at the end" if still else f"and the loss is back to {_num(last)} at the end"
    out.add(
        "exploding_gradients",
        Evidence(
            kind="metric",
            strength=0.85 if still else 0.6,
            step=_step(st),
            value=g,
            summary=f"{grad_name} {_num(g)} with {loss_name} {_num(v)}{where}: both orders of magnitude beyond any "
            f"normal level in {len(huge)} of {len(pairs)} records logged together, {state}; the weights blew up",
            data={"metric": grad_name, "grad": g, "loss": v, "records": len(huge), "still": still},
        ),
        last_step=_step(pairs[-1][0]),
    )


def _mid_run(pts: Series, epochs: Series | None) -> str | None:
    """Where the log begins, when that is past the start of training by more than the log covers: the first epoch
    (HF's fractional 0.38, a printed `Train Epoch: 4`) or step is larger than the span the window itself shows. A
    paste of a few lines from the middle of a run then cannot say whether the loss fell before it: a flat window
    there is the plateau every run reaches (a fine-tune's low loss, a noisy per-batch loss), not a run that never
    learned. A log that starts at its start (epoch 0 or 1, step 0..span) is not mid-run."""
    for label, axis in (
        ("epoch", [v for _, v in (epochs or [])]),
        ("step", [float(s) for s, _ in pts if s is not None]),
    ):
        seen = [v for v in axis if math.isfinite(v)]
        if len(seen) >= 2 and seen[0] > 0 and seen[0] > max(seen) - seen[0]:
            return f"{label} {_num(seen[0])}"
    return None


def _scattered(values: list[float]) -> bool:
    """The values scatter around their median by more than SCATTERED_SPREAD of it (median absolute deviation): a
    per-batch loss on small batches. A loss that does not move repeats its level to a few parts in a thousand (every
    flat-from-the-start case of the diagnosis sets spreads 0.3% or less); one that scatters by a quarter of its level
    over a dozen points may hold any fall a longer window would show."""
    level = S._median(values)
    return level > 0 and S._median([abs(v - level) for v in values]) > SCATTERED_SPREAD * level


def _near_chance(values: list[float], base: Baseline) -> str | None:
    """The flat level is a chance loss: ln C for the run's known C, or ln k for a small k when the values barely
    spread around it (a constant guess prints nearly the same loss on every batch)."""
    level = S._median(values)
    if level <= 0:
        return None
    spread = S._median([abs(v - level) for v in values]) / level
    chance = base.chance_loss
    if chance and abs(level - chance) <= CHANCE_MATCH * 2 * chance:
        return f"ln {base.classes} = {_num(chance)}"
    if spread > CHANCE_MATCH:
        return None
    for k in range(2, MAX_GUESSED_CLASSES + 1):
        if abs(level - math.log(k)) <= CHANCE_MATCH * math.log(k):
            return f"ln {k} = {_num(math.log(k))}"
    return None


def _not_decreasing(
    pts: Series, name: str, out: MetricFindings, mid_run: str | None = None, base: Baseline | None = None
) -> None:
    steps, values = S.finite(pts)
    if len(values) < MIN_TREND_POINTS:
        _rising_throughout(pts, name, out)
        return
    whole = S.trend(steps, values)
    if whole is None:
        return
    if whole.relative_change > -FLAT_RELATIVE:
        # a small fall that is not slowing down (the second half falls significantly, at least as steeply as the
        # first) is a loss still decreasing when the log ends: the first steps of a long run, not a stall
        half = len(values) // 2
        early, late = S.trend(steps[:half], values[:half]), S.trend(steps[half:], values[half:])
        still = (
            whole.falling
            and late is not None
            and late.falling
            and (early is None or not early.falling or abs(late.slope) >= abs(early.slope))
        )
        # lower at every evaluation than at the one before, over a long window and at no chance level: a curve
        # that improves on each of its points is learning (a boosted model's error shrinking by a little each
        # round), however small its share of its own level; a stalled loss repeats or wanders around its level
        steady = (
            len(values) >= STEADY_FALL_POINTS
            and all(b < a for a, b in zip(values, values[1:]))
            and not _near_chance(values, base or Baseline("unknown"))
        )
        strength = 0.85 if not whole.falling else 0.3 if still else 0.65
        scattered = (
            mid_run is None  # a mid-run window says so below, the stronger reason
            and _scattered(values)
            and not whole.rising
            and not _near_chance(values, base or Baseline("unknown"))
        )
        if scattered:
            strength = min(strength, MID_RUN_STRENGTH)
        # with validation levelled off beside it, the same small steady fall is the underfitting picture (a
        # booster's training error always creeps down): _stall_is_underfitting lends that finding the stall's weight
        stall_strength = strength
        if steady:
            strength = 0.3
        how = (
            f"fell at every one of its {len(values)} points, though slowly"
            if steady
            else "scatters too widely around its level for this window to show a fall (a per-batch loss: its noise "
            "hides any trend a window this short could resolve)"
            if scattered
            else "is still falling at the end, though slowly"
            if still
            else "stayed flat from the start"
        )
        if mid_run and stall_strength > MID_RUN_STRENGTH and not _near_chance(values, base or Baseline("unknown")):
            stall_strength = MID_RUN_STRENGTH
        if mid_run and strength > MID_RUN_STRENGTH and not _near_chance(values, base or Baseline("unknown")):
            strength = MID_RUN_STRENGTH
            how = (
                f"is flat over a window that begins mid-run (at {mid_run}, further in than the window spans) at no "
                "chance level: the plateau of a run that learned before the log begins, unless its start says "
                "otherwise"
            )
        out.add(
            "loss_not_decreasing",
            Evidence(
                kind="metric",
                strength=strength,
                summary=f"{name} {how}: {_num(whole.start)} -> {_num(whole.end)} "
                f"({whole.relative_change:+.1%}) over {whole.n} points; Mann-Kendall tau={whole.tau:.2f}, "
                f"p={whole.p:.2g}; Theil-Sen slope {whole.slope:.3g} per step",
                step=_step(pts[-1][0]),
                value=values[-1],
                data={"metric": name, "trend": whole.as_dict(), "stall_strength": stall_strength},
            ),
            flat_from_start=True,
            stalled=False,
            loss_start=_num(whole.start),
            loss_end=_num(whole.end),
        )
        return
    # Fell at first: did it stall early, at a level far above where it started to fall? Stalled = the last fifth
    # is no lower than the lowest value of the first fifth, give or take its own noise: no new low since (a trend
    # test alone is thrown by spikes, which a stalled run at a too-high learning rate has)
    half = len(values) // 2
    late = S.trend(steps[half:], values[half:])
    cp = S.change_point(steps, values)
    k = max(2, len(values) // 5)
    early_low = min(values[:k])
    tail = values[-k:]
    end = S._median(tail)
    noise = S._median([abs(v - end) for v in tail])
    if late and whole.relative_change > -STALL_TOTAL and end >= early_low - 2 * noise:
        stall_step = int(cp.step) if cp and cp.slope_after > cp.slope_before else int(steps[half])
        low_at = _step(steps[values.index(early_low)])
        # mid-run, or scattered too widely for its low to be more than noise: a plateau, not a stall
        # (the plateau's own scatter: its last values around their median, the fall before it left out)
        quiet = (mid_run is not None or _scattered(tail)) and not _near_chance(values, base or Baseline("unknown"))
        out.add(
            "loss_not_decreasing",
            Evidence(
                kind="metric",
                strength=MID_RUN_STRENGTH if quiet else 0.6,
                summary=f"{name} fell only {-whole.relative_change:.1%} ({_num(whole.start)} -> {_num(whole.end)}) "
                f"and has made no new low since {_num(early_low)} at step {low_at}: the last {k} values sit at "
                f"{_num(end)} (spread {_num(noise)})"
                + (
                    f"; the window begins mid-run (at {mid_run}): a plateau, not a stall"
                    if quiet and mid_run
                    else "; it scatters too widely for its low to be more than noise"
                    if quiet
                    else ""
                ),
                step=stall_step,
                value=values[-1],
                data={
                    "metric": name,
                    "trend": whole.as_dict(),
                    "late_trend": late.as_dict(),
                    "low": early_low,
                    "low_step": low_at,
                    "end_level": end,
                    "end_noise": noise,
                },
            ),
            stalled=True,
            stall_step=stall_step,
            flat_from_start=False,
        )


def _rising_throughout(pts: Series, name: str, out: MetricFindings) -> None:
    """Too few points for a trend test, but a training loss above its previous value at every one of 3+ points,
    and FLAT_RELATIVE above its first in all, never fell once: the updates push it up from the start. The first
    point must be the start of training (step or round 0 or 1): three rising batches pasted from mid-run are per-batch
    noise, not a run that never learned. Growth by an order of magnitude is divergence's to judge."""
    steps, values = S.finite(pts)
    if len(values) < 3 or values[0] <= 0 or any(b <= a for a, b in zip(values, values[1:])):
        return
    first_step = pts[0][0]
    if first_step is None or float(first_step) > 1:
        return
    rise = values[-1] / values[0] - 1
    if rise < FLAT_RELATIVE or rise >= 9:
        return
    out.add(
        "loss_not_decreasing",
        Evidence(
            kind="metric",
            strength=0.7,
            summary=f"{name} rose at every one of its {len(values)} points from the first: {_num(values[0])} -> "
            f"{_num(values[-1])} ({rise:+.1%}); it never fell once",
            step=_step(pts[-1][0]),
            value=values[-1],
            data={"metric": name, "rise": rise},
        ),
        flat_from_start=True,
        stalled=False,
        loss_rose=True,
        loss_start=_num(values[0]),
        loss_end=_num(values[-1]),
    )


def _rose_every_eval(values: list[float], k: int) -> bool:
    """Three or more evaluations after the minimum, each above the one before."""
    after = values[k:]
    return len(after) >= 4 and all(b > a for a, b in zip(after, after[1:]))


def _turned_up(values: list[float], k: int) -> bool:
    """A validation loss that rose at every evaluation after its minimum (three or more) and gave back half of what
    it fell before it: a turn on its own scale, however small a share of its level (Keras' val_loss far below a
    dropout-inflated training loss moves by tenths of a percent)."""
    if not _rose_every_eval(values, k):
        return False
    fell = max(values[: k + 1]) - values[k]
    return fell > 0 and values[-1] - values[k] >= 0.5 * fell


def _on_epochs(pts: Series, epochs: list[Any]) -> tuple[list[float], list[float]]:
    pairs = [(float(e), v) for e, (_, v) in zip(epochs, pts) if math.isfinite(v)]
    return [p[0] for p in pairs], [p[1] for p in pairs]


def _overfitting(
    train: Series,
    val: Series,
    train_name: str,
    val_name: str,
    out: MetricFindings,
    epochs: dict[str, list[Any]] | None = None,
    acc_gap: float | None = None,
) -> None:
    """`acc_gap`: training accuracy minus validation accuracy at the last evaluation (a share), when both are
    logged."""
    # Two series logged without steps at different cadences (a Trainer's `loss` every 10 epochs, its `eval_loss`
    # every epoch) share no index: when the records give both an epoch, that is the axis they share.
    tx, vx = (epochs or {}).get(train_name), (epochs or {}).get(val_name)
    shared = tx is not None and vx is not None
    vs, vv = _on_epochs(val, vx) if vx is not None and tx is not None else S.finite(val)
    if len(vv) < MIN_VAL_POINTS:
        return
    # Onset: the minimum of the lightly smoothed validation loss (3-point running median resists one noisy eval).
    smooth = [S._median(vv[max(0, i - 1) : i + 2]) for i in range(len(vv))]
    k = min(range(len(smooth)), key=smooth.__getitem__)
    if len(vv) - k < 3:
        return
    after = S.trend(vs[k:], vv[k:], min_points=3)
    # The level the run ended at is the median of its last evaluations: one noisy last evaluation of a small
    # validation set is no rise.
    end = S._median(vv[-3:])
    rise = (end - vv[k]) / abs(vv[k]) if vv[k] else 0.0
    ts, tv = _on_epochs(train, tx) if tx is not None and vx is not None else S.finite(train)
    t_after = [(s, v) for s, v in zip(ts, tv) if s >= vs[k]]
    t_trend = S.trend([p[0] for p in t_after], [p[1] for p in t_after], min_points=3) if len(t_after) >= 3 else None
    t_vals = [p[1] for p in t_after]
    # a turn on validation's own scale needs training falling at every evaluation of it
    # ... or rising at every evaluation beside an accuracy gap already decisive: two signs of one turn
    gapped = acc_gap is not None and acc_gap >= L.GAP_ACC and _rose_every_eval(vv, k)
    turned = (_turned_up(vv, k) or gapped) and len(t_vals) >= 4 and all(b < a for a, b in zip(t_vals, t_vals[1:]))
    if after is None or after.tau <= 0 or (rise < OVERFIT_RISE and not turned):
        return
    if t_trend is None or t_trend.tau >= 0 or (t_trend.relative_change > -OVERFIT_TRAIN_FALL and not turned):
        # validation rising while training does not fall is no memorising; nor is it while training has
        # converged (a fall of a few percent): a small validation set's loss then wanders on its own
        return
    strength = 0.55 + (0.2 if after.p < 0.05 else 0.1 if after.p < 0.2 else 0.0) + (0.15 if rise >= 0.2 else 0.05)
    if t_trend.p < 0.05:
        strength += 0.05
    onset_step = int(vs[k])
    cp = S.change_point(vs, vv)
    how = (
        f"{rise:.0%}"
        if rise >= OVERFIT_RISE
        else "at every evaluation since, giving back over half of its fall,"
        if _turned_up(vv, k)
        else f"at every evaluation since, with training accuracy {acc_gap:.0%} above validation's at the end,"
    )

    def where(i: int) -> str:
        return f"epoch {vs[i]:g}" if shared else _where(val, i, int(vs[i]))

    out.add(
        "overfitting",
        Evidence(
            kind="metric",
            strength=min(0.95, strength),
            step=onset_step,
            value=vv[k],
            summary=f"{val_name} bottomed at {_num(vv[k])} {where(k)} and rose {how} to {_num(end)} "
            f"(median of the last 3) by {where(len(vv) - 1)} "
            f"(Mann-Kendall tau={after.tau:.2f}, p={after.p:.2g} over {after.n} evaluations) "
            f"while {train_name} kept falling ({t_trend.relative_change:+.0%}, tau={t_trend.tau:.2f})",
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
