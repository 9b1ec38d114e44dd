"""Verdicts on broken-but-finite runs: what the loss and accuracy say measured against the chance level
(baselines.py), not only against their own trend.

- divergence: a loss far above the chance loss (10x ln C), or a cross-entropy above CE_IMPLAUSIBLE whatever C,
  or, for a loss of unknown kind, 10x its first value later on. Ranked by where the run ends: still far above
  chance (diverged), back near it (a spike it survived), or pinned at it (the spike left a dead network: the
  pinned loss is then the stronger finding).
- a pinned loss: the training loss identical to its printed precision for its last PINNED_MIN values
  (PINNED_MIN_PRECISE when it is printed to PRECISE_DIGITS significant digits or more), not at zero: nothing
  changes any more; at exactly ln C it is a uniform guess over C classes.
- accuracy (validation, else training): the same value at every one of its last CONSTANT_ACC_MIN evaluations (the
  model gives every input the same class: the majority share), or at chance (1/C) at the end.
- underfitting: training and validation loss level off together (no gap) after a fall of only 5-50% from the
  start, with accuracy above chance: the model learns a little and then stops, far from what the data allows. A
  validation at a new best on every measure at its last evaluation is a run stopped while improving (hedged only).
- a decisive train/validation gap from a single evaluation (overfitting): training accuracy at least GAP_ACC above
  validation accuracy and validation loss at least GAP_LOSS_RATIO times training loss; without accuracies, a
  validation loss 10x the training loss and at least 1 above it.
- leakage needs positive evidence: validation identical to training at every evaluation, or each validation loss
  equal to the next epoch's training loss (one batch an epoch): the validation set is the training set; or
  tracking it to a near-perfect result (too good to be true: an error at zero, a loss down to 1% of its start), or
  a test split scored at the end far worse than validation by the margins of a decisive
  gap (two held-out estimates of one model cannot differ so much unless one was trained on); validation merely
  better than training is weak (dropout and augmentation do that).
- a loss frozen at one value after the gradient norm became NaN: the weights are NaN (nan_or_inf_loss)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from experiment_runner.diagnosis import series as S
from experiment_runner.diagnosis.baselines import CE_IMPLAUSIBLE, Baseline, Floor, ln_classes
from experiment_runner.diagnosis.model import Evidence

Series = list[tuple[int | None, float]]

SPIKE_CHANCE_RATIO = 10.0
#: A loss of any kind this large is no starting level: a mean squared error of 1e15 is an error of 3e7 per output,
#: beyond the scale of any target, and a cross-entropy of it would need e**1e15 classes. Weights have blown up.
LOSS_IMPLAUSIBLE = 1e15
SPIKE_FIRST_RATIO = 10.0
ELEVATED_RATIO = 3.0
#: a spike this many times the loss's own scale (its running level's size, or its spread where larger) above that
#: level is orders of magnitude, not noise; LASTING_RATIO: what the values after it must still reach (at least
#: LASTING_VALUES of them) for an excursion that lasted, not one odd batch
SPIKE_LEVEL_RATIO = 1000.0
LASTING_RATIO = 10.0
LASTING_VALUES = 2
LEVEL_WINDOW = 20  # values before the spike its running level is measured over
STEADY_SCALE_RANGE = 2.0  # a loss whose values all lie within this factor of each other holds one level
STEADY_SCALE_CEILING = 1e4  # ...and only below this: a loss of 1e4 and more is a blow-up whatever its scale
STEADY_SCALE_STRENGTH = 0.35  # a weak signal: a high steady loss from the start is the loss's own scale
PINNED_MIN = 8
PINNED_MIN_PRECISE, PRECISE_DIGITS = 4, 5  # a loss printed to 5+ significant digits: 4 repeats pin it
JOINT_PIN_MIN, JOINT_DIGITS = 3, 4  # 3 repeats pin a 4-digit loss when an accuracy repeats with it
CONSTANT_ACC_MIN = 5
CONSTANT_ACC_PAIRED = 4  # ...or this many when another accuracy of the run is frozen as long
#: a short log (a few epochs) whose held-out score takes one printed value at this many evaluations (and at 60% of
#: them), while every value of every main loss stays within REPEATED_LOSS_MOVE of its first: a constant answer
REPEATED_SCORE_MIN = 3
REPEATED_LOSS_MOVE = 0.05
UNDERFIT_EVALS = 6
UNDERFIT_FLAT = 0.02
UNDERFIT_GAP = 0.10
UNDERFIT_FAR_CHANCE = 0.6  # a plateau at this share of the chance loss or more is far from what the task allows
UNDERFIT_TRAIN_FALL = 0.05  # the training loss fell this share over the last half: still fitting, not underfitting
GAP_ACC = 0.25
GAP_LOSS_RATIO = 3.0
GAP_STEADY_EVALS = 8  # validation evaluations it takes to see that validation holds its best beside a gap
GAP_BEST_MARGIN = 0.05  # ... within this share of its lowest loss at the end
LEAK_EQUAL = 0.02
#: validation equal to the next epoch's training loss at this many evaluations (all of them), each printed to at
#: least LAGGED_DIGITS significant digits: two 4-digit losses agreeing by chance twice over is out of reach
LAGGED_MIN, LAGGED_DIGITS = 2, 4
MEMORISED_EVALS = 3
MEMORISED_RATIO = 100.0  # validation loss this many times the training loss
MEMORISED_ACC = 0.99  # training accuracy at its ceiling
MEMORISED_FIT = 10.0  # the training loss fell at least this many times since validation's best
MEMORISED_DROP = 0.01  # validation accuracy more than this below its best since it and at the end
UNIFORM_MIN_LOSSES = 3
UNIFORM_FLAT = 0.05  # loss (and accuracy) within 5% over the second half: flat
UNIFORM_TOLERANCE = 0.03  # the loss within 3% of -ln(accuracy)


def _num(v: float) -> str:
    return f"{v:.4g}"


def _step(s: float | None) -> int | None:
    return int(s) if s is not None else None


def _stepped(pts: Series) -> bool:
    return any(s is not None for s, _ in pts)


def _at(pts: Series, i: int, steps: list[float]) -> str:
    """Where the i-th finite value is, in words: its step when the run logged one, else its place in the log."""
    if _stepped(pts):
        return f"at step {_step(steps[i])}"
    return f"at logged value {i + 1} of {len(steps)}"


@dataclass
class Eval:
    """One evaluation: validation values with the training values logged with them (or last before them)."""

    position: float
    train_loss: float | None
    val_loss: float | None
    train_acc: float | None
    val_acc: float | None


@dataclass
class Pair:
    """An evaluation with both losses known."""

    position: float
    train_loss: float
    val_loss: float
    train_acc: float | None
    val_acc: float | None


def _pairs(evals: list[Eval]) -> list[Pair]:
    return [
        Pair(e.position, e.train_loss, e.val_loss, e.train_acc, e.val_acc)
        for e in evals
        if e.train_loss is not None and e.val_loss is not None
    ]


def evaluations(records: list[dict] | None, series: dict[str, Series], roles: dict[str, str]) -> list[Eval]:
    """Evaluations in logging order. From the records when there are any (a Keras or Lightning epoch line holds
    both splits; a HuggingFace eval dict follows the training dict it goes with), else by step."""
    names = {r: roles.get(r) for r in ("train_loss", "val_loss", "train_acc", "val_acc")}
    val_names = {n for r, n in names.items() if r.startswith("val") and n}
    if not val_names:
        return []
    out: list[Eval] = []
    if records:
        from experiment_runner.runs.metricsio import SOURCE_RANK

        def rank(rec: dict) -> int:
            return SOURCE_RANK.get(rec.get("source"), len(SOURCE_RANK))  # type: ignore[arg-type]

        # the same evaluation may be stored twice (printed, and in a framework's metric file): count the most
        # trusted copy, as the series do
        best = min((rank(r) for r in records if any(n in r for n in val_names)), default=0)
        last: dict[str, float] = {}
        for i, rec in enumerate(records):
            for role, name in names.items():
                v = rec.get(name) if name else None
                if isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v):
                    last[role] = float(v)
            if rank(rec) == best and any(isinstance(rec.get(n), (int, float)) for n in val_names):
                step = rec.get("step")
                out.append(Eval(float(step) if step is not None else float(i), *(last.get(r) for r in names)))
        return out
    val_name = names["val_loss"] or names["val_acc"]
    if val_name is None:
        return out
    vs, _ = S.finite(series[val_name])
    cols = {}
    for role, name in names.items():
        if name:
            cols[role] = S.finite(series[name])
    for s in vs:
        vals = []
        for role in ("train_loss", "val_loss", "train_acc", "val_acc"):
            steps, values = cols.get(role, ([], []))
            before = [v for st, v in zip(steps, values) if st <= s]
            vals.append(before[-1] if before else None)
        out.append(Eval(s, *vals))
    return out


# --- divergence -------------------------------------------------------------------------------------------------


def divergence(series: dict[str, Series], names: list[str], base: Baseline) -> tuple[Evidence, dict[str, Any]] | None:
    """The strongest finite blow-up among the loss series named."""
    best: tuple[float, Evidence, dict[str, Any]] | None = None
    for name in names:
        steps, values = S.finite(series[name])
        if not values or (len(values) < 2 and not (base.ce_loss and values[0] >= CE_IMPLAUSIBLE)):
            continue  # one value says something only when no chance level explains it
        peak_i = max(range(len(values)), key=values.__getitem__)
        peak = values[peak_i]
        if _initial_only(series[name], values, peak_i):
            continue
        chance = base.chance_loss
        end = S._median(values[-3:])
        if chance and peak >= SPIKE_CHANCE_RATIO * chance:
            ref, ratio, against = chance, peak / chance, base.describe_chance()
        elif base.ce_loss and peak >= CE_IMPLAUSIBLE:
            ref, ratio, against = None, None, "any chance level"
        elif (
            not base.ce_loss
            and peak_i > 0
            and values[0] > 0
            # a loss of unknown kind may spike on one odd batch: two values that high, or the run ending on it, are
            # a blow-up
            and peak >= SPIKE_FIRST_RATIO * values[0]
            and (sum(v >= SPIKE_FIRST_RATIO * values[0] for v in values) >= 2 or peak_i == len(values) - 1)
        ):
            ref, ratio, against = values[0], peak / values[0], f"its first value {_num(values[0])}"
        elif not base.ce_loss and (level := _spike_over_level(values, peak_i)) is not None:
            ref, ratio = level[1], (peak - level[0]) / level[1]
            against = f"the loss's own scale {_num(level[1])} above its running level {_num(level[0])} before it"
        elif peak >= LOSS_IMPLAUSIBLE:
            ref, ratio, against = None, None, "any loss of real data"
        else:
            continue
        if ref is None and peak_i == 0 and _learned_well(series, base):
            continue  # a summed (not averaged) loss starts high and falls while accuracy climbs: no blow-up
        pinned = _pinned_run(values)
        if ref is None and _own_scale_from_start(series[name], values):
            strength, state = (
                STEADY_SCALE_STRENGTH,
                (
                    f"but it has held one level ({_num(min(values))}-{_num(max(values))}) since the first steps "
                    "the log shows: the scale of the loss itself (a margin softmax's s, a summed loss), not a "
                    "blow-up, unless its chance level says otherwise"
                ),
            )
        elif ref is not None and end >= ELEVATED_RATIO * ref:
            strength, state = 0.9, f"still {end / ref:.2g}x that at the end ({_num(end)})"
        elif ref is None and peak >= LOSS_IMPLAUSIBLE > end and not (base.ce_loss and end >= CE_IMPLAUSIBLE):
            strength, state = 0.7, f"back to {_num(end)} at the end (a blow-up it survived, or is still leaving)"
        elif ref is None:
            strength, state = 0.8, f"it ends at {_num(end)}"
        elif pinned >= PINNED_MIN and abs(values[-1] - ref) <= 0.01 * ref:
            strength, state = 0.55, f"then pinned at {_num(values[-1])} for its last {pinned} values"
        else:
            strength, state = 0.7, f"back to {_num(end)} at the end"
        if ratio:
            size = f"{ratio:.3g}x {against}"
        elif base.ce_loss and peak >= CE_IMPLAUSIBLE:
            size = f"a cross-entropy no chance level explains (above {CE_IMPLAUSIBLE:g})"
        else:
            size = f"a loss no target scale explains (above {LOSS_IMPLAUSIBLE:g}: an RMS error of 3e7 per output)"
        ev = Evidence(
            kind="metric",
            strength=strength,
            step=_step(steps[peak_i]),
            value=peak,
            summary=f"{name} reached {_num(peak)} {_at(series[name], peak_i, steps)}: {size}; {state}; every value "
            "finite",
            data={
                "metric": name,
                "peak": peak,
                "peak_step": steps[peak_i],
                "start_step": steps[0],
                "end": end,
                "chance_loss": chance,
                "classes": base.classes,
            },
        )
        facts = {"spike_step": _step(steps[peak_i]), "spike_value": _num(peak), "last_step": _step(steps[-1])}
        if best is None or strength > best[0]:
            best = (strength, ev, facts)
    return (best[1], best[2]) if best else None


def _spike_over_level(values: list[float], peak_i: int) -> tuple[float, float] | None:
    """(level, scale) when the peak stands SPIKE_LEVEL_RATIO times the loss's own scale above its running level
    (the median of the LEVEL_WINDOW values before it; the scale is that level's size or the window's spread, the
    larger) and LASTING_VALUES more values stay LASTING_RATIO times that scale above it: orders of magnitude, and an
    excursion that took steps to leave, not one odd batch. Measured from the level, not from zero, so that a loss
    that can be negative (a density's negative log-likelihood, an ELBO) is judged on the same footing as one that
    cannot."""
    window = values[max(0, peak_i - LEVEL_WINDOW) : peak_i]
    if len(window) < 3:
        return None
    level = S._median(window)
    spread = S._median([abs(v - level) for v in window])
    scale = max(abs(level), spread)
    if scale <= 0 or values[peak_i] - level < SPIKE_LEVEL_RATIO * scale:
        return None
    lasting = sum(v - level >= LASTING_RATIO * scale for i, v in enumerate(values) if i != peak_i and i > peak_i - 2)
    return (level, scale) if lasting >= LASTING_VALUES else None


def _own_scale_from_start(pts: Series, values: list[float]) -> bool:
    """A loss above any cross-entropy's chance level that sits at one level (within STEADY_SCALE_RANGE) from the
    first steps of training the log shows (its first step no further in than the log spans), below the sizes only a
    blow-up reaches: nothing grew, so nothing diverged. ArcFace/CosFace scale the logits by s = 30-64 and start
    near s*m + ln C (50-70); a loss summed over tokens or terms starts just as high. A blow-up moves: it grows
    from a normal level, or falls far from a first blown-up value (the HF Trainer at lr=5: 52 -> 2.9)."""
    stepped = [st for st, v in pts if st is not None and math.isfinite(v)]
    if len(values) < 3 or len(stepped) < 3 or min(values) <= 0:
        return False
    from_start = stepped[0] <= stepped[-1] - stepped[0]
    return from_start and max(values) <= STEADY_SCALE_RANGE * min(values) and max(values) < STEADY_SCALE_CEILING


def _initial_only(pts: Series, values: list[float], peak_i: int) -> bool:
    """The highest value is one the run logged at step 0, before any update (caffe's `Iteration 0, loss =
    87.3366`, a log-loss saturated by the initial weights), and nothing logged after step 0 comes within a tenth of
    it: nothing grew, the run started there and left it. A series logged by epoch says nothing of the kind (epoch 0
    is a whole epoch of updates)."""
    finite = [(s, v) for s, v in pts if math.isfinite(v)]
    stepped = [s for s, _ in finite if s is not None]
    if peak_i != 0 or not stepped or stepped[0] != 0:
        return False
    # caffe prints the same iteration's loss again unstepped (`Train net output #0: loss = ...`): what comes
    # before the first later step is still step 0
    first_later = next((i for i, (s, _) in enumerate(finite) if s is not None and s > 0), None)
    if first_later is None:
        return False
    return max(v for _, v in finite[first_later:]) < values[0] / SPIKE_FIRST_RATIO


def _learned_well(series: dict[str, Series], base: Baseline) -> bool:
    """Some accuracy the run logged ends high (80% of its scale or more)."""
    from experiment_runner.metrics.vocabulary import describe

    for name, pts in series.items():
        if describe(name).role == "accuracy":
            _, values = S.finite(pts)
            if values and values[-1] >= 0.8 * base.acc_scale:
                return True
    return False


def printed_digits(v: float) -> int:
    """Significant digits the shortest repr of a value keeps (what the run printed, more or less)."""
    text = repr(abs(v)).lower().split("e")[0].replace(".", "").lstrip("0")
    return len(text.rstrip("0")) or 1


def _print_unit(v: float) -> float:
    """One unit of the last decimal the shortest repr of a value keeps (`5.7257` -> 0.0001)."""
    text = repr(abs(v)).lower()
    if "e" in text or "." not in text:
        return abs(v) * 1e-3
    decimals = len(text.split(".")[1].rstrip("0"))
    return 10.0**-decimals


# --- a loss that does not move ------------------------------------------------------------------------------------


def _pinned_run(values: list[float]) -> int:
    """How many of the last values equal the last one (to 1e-9 relative: the printed precision)."""
    if not values:
        return 0
    last, n = values[-1], 0
    for v in reversed(values):
        if abs(v - last) > 1e-9 * max(1.0, abs(last)):
            break
        n += 1
    return n


def _refreshed_each_step(steps: list[float], epochs: Series | None, run: int) -> bool:
    """The last `run` records are at most one batch apart inside one epoch, as a progress bar refreshed on every
    batch prints them (tqdm redraws a batch once more when its postfix is set; records one step apart across
    epochs are epoch summaries, each measured anew)."""
    same_epoch = {v for _, v in (epochs or [])[-run:] if math.isfinite(v)}
    return (
        len(steps) >= 2
        and len(same_epoch) == 1
        and steps[-1] > steps[0]
        and all(math.isfinite(a) and 0 <= b - a <= 1 for a, b in zip(steps, steps[1:]))
    )


def _frozen_with(run: int, accuracies: list[Series], base: Baseline) -> str | None:
    """The last value (as printed) of an accuracy logged with the loss that repeats it at least `run` times, to
    3+ significant digits, and is not high: a second measurement frozen at the same evaluations."""
    for pts in accuracies:
        _, values = S.finite(pts)
        if values and _pinned_run(values) >= run and printed_digits(values[-1]) >= 3:
            if values[-1] <= 0.8 * base.acc_scale:
                return _num(values[-1])
    return None


def pinned_loss(
    pts: Series, name: str, base: Baseline, accuracies: list[Series] | None = None, epochs: Series | None = None
) -> tuple[Evidence, dict[str, Any]] | None:
    """`accuracies`: accuracy series logged with the loss. A loss and an accuracy that repeat their values
    together at the same evaluations are two independent measurements frozen: JOINT_PIN_MIN repeats are enough
    when the loss is printed to JOINT_DIGITS significant digits. `epochs`: the epoch series logged with it."""
    steps, values = S.finite(pts)
    run = _pinned_run(values)
    if not values:
        return None
    level = values[-1]
    digits = printed_digits(level)
    joint = (
        _frozen_with(run, accuracies or [], base)
        if JOINT_PIN_MIN <= run and digits >= JOINT_DIGITS and run >= 0.3 * len(values)
        else None
    )
    # the finer the print, the fewer repeats it takes: a loss that still moves does not repeat five digits by chance
    needed = PINNED_MIN_PRECISE if digits >= PRECISE_DIGITS else PINNED_MIN
    if (run < needed and joint is None) or run < 0.3 * len(values):
        return None
    if level <= 0.05 * max(values) or level <= 1e-6:
        return None  # a loss at (printed) zero has converged, not stopped
    if digits < 3 and not ln_classes(level, max_classes=1000, tolerance=0.002):
        return None  # printed too coarsely (`0.35`) for a repeat to mean it stopped moving
    c = base.classes if base.chance_loss and abs(level - base.chance_loss) <= 0.002 * base.chance_loss else None
    # ln C lies ever closer to ln (C+1) as C grows: a match counts within the precision the value was printed to
    tol = min(0.0005, _print_unit(level) / level)
    c = c or (ln_classes(level, max_classes=1000, tolerance=tol) if base.task != "regression" else None)
    if c is None and _stepped(pts) and _refreshed_each_step(steps[len(values) - run :], epochs, run):
        # a value repeated on records at most a step apart is a progress bar reprinting its postfix between two
        # logging intervals (Lightning's `loss=0.158` on every batch): a per-batch loss that was measured anew
        # differs from batch to batch unless the model guesses uniformly, which the ln C match above would see
        return None
    since = _step(steps[len(values) - run])
    where = f" (since step {since})" if _stepped(pts) else ""
    if c:
        text = (
            f"{name} is exactly {_num(level)} = ln {c} for its last {run} values{where}: the model gives every class "
            f"the same probability, a uniform guess over {c} classes"
        )
        strength = 0.92
    else:
        text = f"{name} is exactly {_num(level)} for its last {run} values{where}: nothing changes any more"
        strength = 0.85
    if joint is not None:
        text += f" (the accuracy logged with it is exactly {joint} at the same evaluations: the model is frozen)"
    ev = Evidence(
        kind="metric",
        strength=strength,
        step=since,
        value=level,
        summary=text,
        data={"metric": name, "pinned_values": run, "classes": c},
    )
    return ev, {"flat_from_start": False, "pinned_at": _num(level), "pinned_since": since}


def uniform_guess(
    pts: Series, name: str, accuracies: dict[str, Series], base: Baseline
) -> tuple[Evidence, dict[str, Any]] | None:
    """A uniform guess over C classes has loss ln C and accuracy 1/C. A loss that stays flat at -ln(accuracy) while
    that accuracy never moves is that guess, whatever C is and whether or not the log says it (caffe's 8.26 with a
    test accuracy of 0.00028 = 1/3571: ln 3571 = 8.18)."""
    _, values = S.finite(pts)
    tail = values[len(values) // 2 :] if len(values) >= 4 else values[1:]
    if len(values) < UNIFORM_MIN_LOSSES or not tail:
        return None
    level = S._median(tail)
    if level <= 0 or (max(tail) - min(tail)) > UNIFORM_FLAT * level:
        return None
    for acc_name, acc_pts in accuracies.items():
        _, accs = S.finite(acc_pts)
        if len(accs) < 2:
            continue
        acc = accs[-1] / base.acc_scale
        if not 0 < acc <= 0.5 or max(accs) - min(accs) > UNIFORM_FLAT * accs[-1]:
            continue  # an accuracy that moved was learning something
        guess = -math.log(acc)
        if abs(level - guess) > UNIFORM_TOLERANCE * guess:
            continue
        classes = round(1 / acc)
        ev = Evidence(
            kind="metric",
            strength=0.85,
            value=level,
            summary=f"{name} stays at {_num(level)} while {acc_name} is {_num(accs[-1])} at each of its {len(accs)} "
            f"evaluations: ln(1/{_num(acc)}) = {_num(guess)}, the loss and the accuracy of a uniform guess over about "
            f"{classes} classes; nothing is learned",
            data={"metric": name, "accuracy": acc_name, "classes": classes, "level": level},
        )
        return ev, {"flat_from_start": True, "uniform_guess_classes": classes}
    return None


def uniform_at_end(
    pts: Series, name: str, accuracies: dict[str, Series], base: Baseline
) -> tuple[Evidence, dict[str, Any]] | None:
    """Too few points for a trend, but two measurements that name the same C: the last loss is ln C to the digits
    it was printed with and an accuracy logged beside it ends at exactly 1/C, after a loss that never went below ln
    C (a VGG on CIFAR-10 ending at `Loss: 2.303` with train and test accuracy 10.00%). A run that learned anything
    leaves at least one of the two; a warm-up plateau sits near ln C with an accuracy off 1/C."""
    _, values = S.finite(pts)
    if len(values) < 2 or values[-1] > values[0]:
        return None
    level = values[-1]
    tol = max(_print_unit(level), 0.0005 * level)
    for acc_name, acc_pts in accuracies.items():
        _, accs = S.finite(acc_pts)
        if not accs:
            continue
        acc = accs[-1] / base.acc_scale
        if not 0 < acc <= 0.5:
            continue
        classes = round(1 / acc)
        chance = math.log(classes)
        acc_unit = _print_unit(accs[-1]) / base.acc_scale
        if abs(acc - 1 / classes) > max(acc_unit, 0.001 / classes) or abs(level - chance) > tol:
            continue
        if min(values) < chance - tol:
            return None  # it was below the guess once: it learned, then lost it (another finding's business)
        ev = Evidence(
            kind="metric",
            strength=0.85,
            value=level,
            summary=f"{name} ends at {_num(level)} = ln {classes} and {acc_name} at {_num(accs[-1])}"
            f"{'%' if base.acc_scale == 100 else ''} = 1/{classes}: "
            f"the loss and the accuracy of a uniform guess over {classes} classes, and the loss was never below it: "
            "nothing is learned",
            data={"metric": name, "accuracy": acc_name, "classes": classes, "level": level},
        )
        return ev, {"flat_from_start": True, "uniform_guess_classes": classes}
    return None


def constant_accuracy(
    pts: Series, name: str, base: Baseline, others: list[Series] | None = None
) -> tuple[Evidence, dict[str, Any]] | None:
    """`others`: the run's other accuracy series. When one of them is frozen as long too (training and validation
    accuracy each repeating its own value), the two measurements corroborate each other and CONSTANT_ACC_PAIRED
    repeats suffice: a short run of a few epochs (keras at the majority-class share from epoch 2 on)."""
    steps, values = S.finite(pts)
    run = _pinned_run(values)
    paired = any(_pinned_run(S.finite(o)[1]) >= min(run, CONSTANT_ACC_PAIRED) for o in others or [])
    need = CONSTANT_ACC_PAIRED if paired else CONSTANT_ACC_MIN
    if run < need or run < 0.6 * len(values):
        return None
    level = values[-1]
    if level > 0.8 * base.acc_scale:
        return None  # a high accuracy that stays put on a small validation set is a converged model
    pct = "%" if base.acc_scale == 100.0 else ""
    ev = Evidence(
        kind="metric",
        strength=0.8,
        step=_step(steps[-run]),
        value=level,
        summary=f"{name} is exactly {_num(level)}{pct} at each of its last {run} evaluations: the model gives every "
        "input the same answer (the share of the majority class), whatever it is shown",
        data={"metric": name, "constant_values": run},
    )
    return ev, {"constant_accuracy": _num(level)}


def repeated_score(
    pts: Series, name: str, base: Baseline, losses: list[Series] | None = None
) -> tuple[Evidence, dict[str, Any]] | None:
    """A score that returns to the same printed value at most of a few evaluations (not necessarily in a row: one
    epoch may answer differently) while no loss of the run moved from where it started: a model predicting one
    class scores exactly the same on the same data, and the flat losses say nothing was learned. A fine-tune already
    low and flat scores high, or moves its score; this needs both the repeats and the still losses."""
    _, values = S.finite(pts)
    if len(values) < REPEATED_SCORE_MIN or not losses:
        return None
    level = max(set(values), key=values.count)
    count = values.count(level)
    if count < REPEATED_SCORE_MIN or count < 0.6 * len(values) or level > 0.8 * base.acc_scale:
        return None
    moves = []
    for loss in losses:
        lv = S.finite(loss)[1]
        if len(lv) < REPEATED_SCORE_MIN or lv[0] == 0:
            return None
        # every value, not only the last: a loss that swings and happens to end where it began has not stood still
        moves.append(max(abs(v - lv[0]) for v in lv) / abs(lv[0]))
    if not moves or max(moves) >= REPEATED_LOSS_MOVE:
        return None
    pct = "%" if base.acc_scale == 100.0 else ""
    ev = Evidence(
        kind="metric",
        strength=0.7,
        value=level,
        summary=f"{name} is exactly {_num(level)}{pct} at {count} of its {len(values)} evaluations while every "
        f"value of every loss stayed within {max(moves):.1%} of its first: the model gives (almost) every input the "
        "same answer",
        data={"metric": name, "repeats": count, "evaluations": len(values), "loss_move": round(max(moves), 4)},
    )
    return ev, {"constant_accuracy": _num(level)}


def accuracy_at_chance(pts: Series, name: str, base: Baseline) -> tuple[Evidence, dict[str, Any]] | None:
    chance = base.chance_accuracy
    steps, values = S.finite(pts)
    if chance is None or not values or len(values) < 2:
        return None
    end = values[-1]
    band = min(0.05, 0.3 / base.classes) * base.acc_scale  # type: ignore[operator]
    if abs(end - chance) > band:
        return None
    ev = Evidence(
        kind="metric",
        strength=0.65,
        step=_step(steps[-1]),
        value=end,
        summary=f"{name} ends at {_num(end)}, chance for {base.classes} classes ({_num(chance)}; {base.classes_from})",
        data={"metric": name, "chance_accuracy": chance},
    )
    return ev, {"acc_at_chance": True}


# --- underfitting, overfitting gap, leakage ------------------------------------------------------------------------


def _still_fitting(half: list[Pair]) -> bool:
    """The training loss is still falling through the last half of the evaluations (a significant trend, by
    UNDERFIT_TRAIN_FALL or more) and validation does not follow it (the train/validation gap widened by as much): the
    model has capacity to spare and has reached the best point it generalises to (where early stopping stops it, or
    overfitting begins), not a model too small or too held back to fit. An underfit model that still creeps down
    moves its validation loss with it."""
    trend = S.trend([e.position for e in half], [e.train_loss for e in half], min_points=3)
    if trend is None or not trend.falling or trend.relative_change > -UNDERFIT_TRAIN_FALL:
        return False
    first, last = half[0], half[-1]
    widened = (last.val_loss - last.train_loss) - (first.val_loss - first.train_loss)
    return widened >= UNDERFIT_TRAIN_FALL * abs(first.val_loss)


def _held_out_scores(pairs: list[Pair], val_error: Series | None) -> list[list[float]]:
    """The held-out scores the run logs beside its validation loss, each oriented so that higher is better: the
    accuracy, and an error rate negated."""
    out = []
    accs = [e.val_acc for e in pairs if e.val_acc is not None]
    if accs:
        out.append(accs)
    _, errors = S.finite(val_error or [])
    if errors:
        out.append([-v for v in errors])
    return out


def _scores_at_best(pairs: list[Pair], val_error: Series | None) -> list[bool]:
    """For each held-out score, whether its last value is its best so far."""
    return [score[-1] >= max(score) for score in _held_out_scores(pairs, val_error)]


def _still_improving(pairs: list[Pair], val_error: Series | None) -> bool:
    """Validation at a new best at the last evaluation on every measure it logs (the loss at its lowest, each score
    at its best): the run was stopped while it still improved, which no plateau does. A plateau's last value is its
    best only by the chance of noise, and then rarely on the loss and every score at once."""
    vals = [e.val_loss for e in pairs]
    return vals[-1] <= min(vals) and all(_scores_at_best(pairs, val_error))


def underfitting(
    evals: list[Eval],
    starts: list[float],
    base: Baseline,
    val_error: Series | None = None,
    floor: Floor | None = None,
) -> tuple[Evidence, dict[str, Any]] | None:
    """`starts`: the early values of every main loss series (per step, per epoch, validation): the highest is the
    best estimate of where training started when the log begins after the first updates. `val_error`: a held-out
    error rate logged beside the losses (XGBoost's `valid-error`), one more measure that may still be improving."""
    pairs = _pairs(evals)
    if len(pairs) < UNDERFIT_EVALS:
        return None
    half = pairs[len(pairs) // 2 :]
    vals = [e.val_loss for e in half]
    trains = [e.train_loss for e in half]
    val_flat = (max(vals) - min(vals)) / max(abs(S._median(vals)), 1e-12)
    late = S.trend([e.position for e in half], vals, min_points=3)
    if val_flat > 2 * UNDERFIT_FLAT or late is None or late.falling:
        return None
    # only validation above training is a gap to close; below it (dropout, augmentation, an easier split) the
    # model is no closer to memorising anything
    gap = (S._median(vals) - S._median(trains)) / max(abs(S._median(vals)), 1e-12)
    if gap > UNDERFIT_GAP:
        return None
    if _still_fitting(half):
        return None
    start = max([*starts, pairs[0].train_loss, base.chance_loss or 0.0])
    level = S._median(vals)
    fell = 1 - level / start if start > 0 else 0.0
    accs: list[float] = [e.val_acc for e in half if e.val_acc is not None]
    first_acc = next((e.val_acc for e in pairs if e.val_acc is not None), None)
    # it learned something: the loss fell from where it started (the log may begin after an epoch's learning, so
    # an accuracy that rose from its first evaluation counts too), but not most of the way
    rose = bool(accs) and first_acc is not None and S._median(accs) - first_acc >= 0.05 * base.acc_scale
    if fell > 0.5 or (fell < 0.05 and not rose):
        return None
    if accs and base.chance_accuracy is not None and S._median(accs) <= base.chance_accuracy * 1.2:
        return None  # at chance: nothing was learned (loss_not_decreasing), not too little
    if accs and len(set(accs)) == 1:
        return None
    acc = f", validation accuracy {_num(S._median(accs))}" if accs else ""
    # Far from what the task allows is only knowable against a scale: an accuracy well short of perfect, or a loss
    # still most of the way up at the chance level. Without either it stays a weak signal (a noisy task converges
    # the same way).
    far = (accs and S._median(accs) <= 0.8 * base.acc_scale) or (
        base.chance_loss is not None and level >= UNDERFIT_FAR_CHANCE * base.chance_loss
    )
    if floor is not None and floor.kind == "error" and accs:
        # the log prints the task's own error floor (label noise): far is measured from it, not from perfection
        far = _far_above_error_floor(1 - S._median(accs) / base.acc_scale, floor.value)
    against = f" ({level / base.chance_loss:.0%} of {base.describe_chance()})" if base.chance_loss else ""
    # a validation at a new best on every measure at the end has not levelled off: it was stopped while improving
    improving = _still_improving(pairs, val_error)
    tail = (
        ": validation is still at a new best at the last evaluation, so the run may only have been stopped early"
        if improving
        else ": the model learned a little and stopped, with no gap to close"
    )
    ev = Evidence(
        kind="metric",
        strength=0.75 if far and not improving else 0.45,
        step=_step(half[0].position),
        value=level,
        summary=f"training and validation loss level off together at about {_num(level)}{against} over the last "
        f"{len(half)} evaluations (validation within {val_flat:.1%}, train/validation gap {gap:.1%}){acc}, after "
        f"falling only {fell:.0%} from {_num(start)}{tail}",
        data={
            "val_spread": round(val_flat, 4),
            "gap": round(gap, 4),
            "fell": round(fell, 4),
            "evaluations": len(pairs),
        },
    )
    return ev, {"plateau": _num(level), "plateau_step": _step(half[0].position)}


#: a plateau this many times the noise variance the log prints (a squared error), or an error rate this many times
#: its printed floor and FLOOR_ERROR_MARGIN above it, is far from what the task allows
FLOOR_FAR_MSE = 10.0
FLOOR_FAR_ERROR, FLOOR_ERROR_MARGIN = 3.0, 0.10
FLOOR_SETTLED = 0.05  # the held-out measure moved less than this share over the last half of the evaluations
FLOOR_FELL = 0.02  # ...after falling at least this share from its first evaluation: it learned, then stopped
_SQUARED_TOKENS = {"mse", "l2"}
_ROOT_SQUARED_TOKENS = {"rmse"}


def _far_above_error_floor(error: float, floor: float) -> bool:
    return error >= max(FLOOR_FAR_ERROR * floor, floor + FLOOR_ERROR_MARGIN)


def _held_out_measure(
    pairs: list[Pair], floor: Floor, val_name: str, val_error: Series | None, base: Baseline
) -> tuple[list[float] | None, float | None]:
    """The held-out series to hold against the floor, in the floor's units, and the floor: the validation loss for a
    squared-error floor (an RMSE squared), the error rate for an error floor."""
    from experiment_runner.metrics.vocabulary import tokens

    if floor.kind == "mse":
        toks = set(tokens(val_name))
        if toks & _SQUARED_TOKENS:
            return [p.val_loss for p in pairs], floor.value
        if toks & _ROOT_SQUARED_TOKENS:  # squared back to the variance's units
            return [p.val_loss**2 for p in pairs], floor.value
        return None, None
    _, errors = S.finite(val_error or [])
    if errors:
        return errors, floor.value
    accs = [p.val_acc / base.acc_scale for p in pairs if p.val_acc is not None]
    return ([1 - a for a in accs], floor.value) if accs else (None, None)


def above_printed_floor(
    evals: list[Eval], floor: Floor, val_name: str, base: Baseline, val_error: Series | None = None
) -> tuple[Evidence, dict[str, Any]] | None:
    """Training and validation settle together (no gap to close) far above the noise floor the log prints: the
    model learned some of the signal and stopped far short of what the data allows (a too-small model, too coarse
    a feature binning, too strong a constraint on its leaves). A plateau at the floor is the task's limit, not
    underfitting; a validation still falling by FLOOR_SETTLED over the last half has not settled."""
    pairs = _pairs(evals)
    if len(pairs) < UNDERFIT_EVALS:
        return None
    values, unit_floor = _held_out_measure(pairs, floor, val_name, val_error, base)
    if not values or unit_floor is None or len(values) < UNDERFIT_EVALS:
        return None
    half = values[len(values) // 2 :]
    level = S._median(half)
    moved = abs(S._median(half[-3:]) - S._median(half[:3])) / max(abs(level), 1e-12)
    fell = 1 - level / values[0] if values[0] > 0 else 0.0
    if moved > FLOOR_SETTLED or fell < FLOOR_FELL:
        return None
    far = level >= FLOOR_FAR_MSE * unit_floor if floor.kind == "mse" else _far_above_error_floor(level, unit_floor)
    tail = pairs[len(pairs) // 2 :]
    gap = (S._median([p.val_loss for p in tail]) - S._median([p.train_loss for p in tail])) / max(
        abs(S._median([p.val_loss for p in tail])), 1e-12
    )
    if not far or gap > UNDERFIT_GAP:
        return None
    what = "validation loss" if floor.kind == "mse" else "held-out error"
    ev = Evidence(
        kind="metric",
        strength=0.75,
        step=_step(tail[0].position),
        value=level,
        summary=f"the {what} settles at about {_num(level)} over the last {len(half)} evaluations (moved "
        f"{moved:.1%}, train/validation gap {gap:.1%}), {level / max(unit_floor, 1e-12):.3g}x {floor.describe()}: "
        "the model learned part of the signal and stopped far short of what the data allows",
        data={"floor": floor.value, "floor_kind": floor.kind, "level": level, "moved": round(moved, 4)},
    )
    return ev, {"plateau": _num(level), "plateau_step": _step(tail[0].position)}


UNDERCONFIDENT_RATIO = 1.1  # the loss this far above the most a calibrated model of its accuracy can have
UNDERCONFIDENT_EVALS = 10
UNDERCONFIDENT_DRIFT = 0.05  # the last half of the evaluations moved less than this (a plateau, not a slow start)


def calibrated_ceiling(acc: float, classes: int) -> float:
    """The highest cross-entropy a calibrated classifier with accuracy `acc` over `classes` classes can have: its
    top class at probability acc and the rest spread evenly (the most uncertain way to be right that often)."""
    acc = min(max(acc, 1e-9), 1 - 1e-9)
    return -acc * math.log(acc) - (1 - acc) * math.log((1 - acc) / max(classes - 1, 1))


def underconfident_plateau(evals: list[Eval], base: Baseline) -> tuple[Evidence, dict[str, Any]] | None:
    """Training and validation level together, and both losses sit above the most a calibrated model of their
    accuracy could have: the model picks the right class but is held back from saying so with confidence (strong
    weight decay, too small a model or rate): it underfits what it already ranks right. Only with a known number
    of classes, an accuracy that is logged, and no label smoothing (which raises the loss on purpose)."""
    pairs = [p for p in _pairs(evals) if p.val_acc is not None or p.train_acc is not None]
    if base.classes is None or len(pairs) < UNDERCONFIDENT_EVALS:
        return None
    half = pairs[len(pairs) // 2 :]
    vals, trains = [p.val_loss for p in half], [p.train_loss for p in half]
    accs = [p.val_acc if p.val_acc is not None else p.train_acc for p in half]
    level, train_level = S._median(vals), S._median(trains)
    drift = abs(S._median(vals[-3:]) - S._median(vals[:3])) / max(abs(level), 1e-12)
    gap = abs(level - train_level) / max(abs(level), 1e-12)
    if drift > UNDERCONFIDENT_DRIFT or gap > UNDERFIT_GAP:
        return None
    acc = S._median([a for a in accs if a is not None])
    if base.chance_accuracy is not None and acc <= base.chance_accuracy * 1.2:
        return None  # at chance: nothing learned (loss_not_decreasing), not held back
    if acc > 0.8 * base.acc_scale:
        return None  # right nearly always: a penalty that only softens its probabilities costs it nothing that counts
    ceiling = calibrated_ceiling(acc, int(base.classes))
    if min(level, train_level) < UNDERCONFIDENT_RATIO * ceiling:
        return None
    ev = Evidence(
        kind="metric",
        strength=0.7,
        step=_step(half[0].position),
        value=level,
        summary=f"training and validation loss level off together at about {_num(level)} over the last {len(half)} "
        f"evaluations (moved {drift:.1%}, train/validation gap {gap:.1%}) with accuracy about {_num(acc)}: a "
        f"calibrated model right that often over {base.classes} classes has a loss of at most {_num(ceiling)}, so its "
        "predictions are held near uniform (strong regularisation, too small a model or rate): it underfits",
        data={"ceiling": round(ceiling, 4), "accuracy": acc, "drift": round(drift, 4), "gap": round(gap, 4)},
    )
    return ev, {"plateau": _num(level), "plateau_step": _step(half[0].position)}


def _validation_at_best(evals: list[Eval]) -> bool:
    """Many evaluations whose validation loss is, at the end, within GAP_BEST_MARGIN of its lowest and not
    climbing over the last half: a gap beside such a curve is the settled gap of a model that fits its training set
    more closely than it can generalise (a GNN on a few hundred labelled nodes), not a model getting worse on data
    it has not seen, which shows as validation leaving its best."""
    vals = [e.val_loss for e in evals if e.val_loss is not None and math.isfinite(e.val_loss)]
    if len(vals) < GAP_STEADY_EVALS or min(vals) <= 0:
        return False
    late = S.trend([float(i) for i in range(len(vals) // 2, len(vals))], vals[len(vals) // 2 :])
    climbing = late is not None and late.rising
    return vals[-1] <= (1 + GAP_BEST_MARGIN) * min(vals) and not climbing


def decisive_gap(evals: list[Eval], base: Baseline, stepped: bool = True) -> tuple[Evidence, dict[str, Any]] | None:
    """A train/validation gap at the last evaluation that no noise explains, unless a long validation curve beside
    it is still at its best."""
    if _validation_at_best(evals):
        return None
    for e in reversed(evals):
        if e.train_loss is None or e.val_loss is None or e.train_loss < 0 or e.val_loss < 0:
            continue
        ratio = e.val_loss / e.train_loss if e.train_loss > 0 else math.inf
        if e.train_acc is not None and e.val_acc is not None:
            acc_gap = (e.train_acc - e.val_acc) / base.acc_scale
            if acc_gap < GAP_ACC or ratio < GAP_LOSS_RATIO:
                return None
            detail = (
                f"training accuracy {_num(e.train_acc)} vs validation {_num(e.val_acc)} (a {acc_gap:.0%} gap), "
                f"training loss {_num(e.train_loss)} vs validation {_num(e.val_loss)} ({ratio:.3g}x)"
            )
        else:
            if ratio < 10 or e.val_loss - e.train_loss < 1.0:
                return None
            detail = f"training loss {_num(e.train_loss)} vs validation {_num(e.val_loss)} ({ratio:.3g}x)"
        ev = Evidence(
            kind="metric",
            strength=0.85,
            step=_step(e.position),
            value=e.val_loss,
            summary=f"at the last evaluation{' (step ' + str(_step(e.position)) + ')' if stepped else ''}: "
            f"{detail}: the model fits the training data far better than data it has not seen",
            data={"train_loss": e.train_loss, "val_loss": e.val_loss, "train_acc": e.train_acc, "val_acc": e.val_acc},
        )
        return ev, {"gap_step": _step(e.position), "onset_step": _step(evals[0].position)}
    return None


def accuracy_gap(evals: list[Eval], base: Baseline) -> float | None:
    """Training accuracy minus validation accuracy at the last evaluation that logs both, as a share."""
    for e in reversed(evals):
        if e.train_acc is not None and e.val_acc is not None:
            return (e.train_acc - e.val_acc) / base.acc_scale
    return None


def memorised_gap(evals: list[Eval], base: Baseline) -> tuple[Evidence, dict[str, Any]] | None:
    """Training fitted perfectly (accuracy at its ceiling, loss orders of magnitude below validation's) while
    validation is past its best: its accuracy at the end is lower than it was, beyond one noisy evaluation. A gap of
    this size in a run whose validation still improves is normal for a large model; one whose validation has turned
    down is memorising (Keras's `loss: 4.8e-04 - acc: 1.0000 - val_loss: 0.1295 - val_acc: 0.9600` after a best
    val_acc of 0.9733)."""
    full = [
        (e.position, e.train_loss, e.val_loss, e.train_acc, e.val_acc)
        for e in evals
        if e.train_loss is not None and e.val_loss is not None and e.train_acc is not None and e.val_acc is not None
    ]
    if len(full) < MEMORISED_EVALS:
        return None
    position, train_loss, val_loss, train_acc, _ = full[-1]
    if train_loss <= 0 or val_loss / train_loss < MEMORISED_RATIO or train_acc < MEMORISED_ACC * base.acc_scale:
        return None
    val_accs = [f[4] for f in full]
    best_i = max(range(len(val_accs)), key=lambda i: (val_accs[i], i))  # the latest of equal bests
    if len(val_accs) - 1 - best_i < MEMORISED_EVALS:
        return None  # too few evaluations since the best to say validation left it
    # the level since the best and at the end, both below it beyond the spread of those evaluations: a small
    # validation set's accuracy jumps by a sample's worth, and the best of many noisy evaluations sits above
    # their level by about that much
    since = val_accs[best_i + 1 :]
    level = S._median(since)
    end = S._median(val_accs[-5:])
    middle = S._median(val_accs)
    noise = max(S._median([abs(v - level) for v in since]), S._median([abs(v - middle) for v in val_accs]))
    noise /= base.acc_scale
    drop = (val_accs[best_i] - max(level, end)) / base.acc_scale
    if full[best_i][1] < MEMORISED_FIT * train_loss:
        return None  # training was already fitted at validation's best: what came after is noise, not memorising
    if max(since) >= val_accs[best_i] - MEMORISED_DROP * base.acc_scale:
        return None  # validation came back to its best since: noise around a level, not a turn
    if drop <= max(MEMORISED_DROP, 3 * noise) + 1e-9:  # printed values: 0.96 - 0.95 is 0.0100000001
        return None
    ratio = val_loss / train_loss
    ev = Evidence(
        kind="metric",
        strength=0.8,
        step=_step(position),
        value=val_loss,
        summary=f"training loss {_num(train_loss)} with accuracy {_num(train_acc)} vs validation loss "
        f"{_num(val_loss)} ({ratio:.3g}x) at the last evaluation, while validation accuracy fell from its best "
        f"{_num(val_accs[best_i])} (evaluation {best_i + 1}) to {_num(end)}: the model memorised the training set "
        "past the point where it generalised best",
        data={"train_loss": train_loss, "val_loss": val_loss, "best_val_acc": val_accs[best_i], "end": end},
    )
    return ev, {"gap_step": _step(position), "onset_step": _step(full[best_i][0])}


def _printed_digits_min(values: list[float]) -> int:
    return min((printed_digits(v) for v in values), default=0)


def next_epoch_identity(pairs: list[Pair]) -> tuple[Evidence, dict[str, Any]] | None:
    """Each evaluation's validation loss equals, to every printed digit, the training loss of the next epoch, at
    every evaluation and while the loss moves. An epoch's training loss is the mean over its batches, each taken
    before its update; with one batch an epoch, that is the loss of the weights the previous epoch ended with, the
    very weights validation scored: the two agree exactly only when validation is the training data (Keras'
    `validation_data=(X_train, y_train)` on a small set: `loss: 0.3891 - val_loss: 0.3839`, then `loss: 0.3839`)."""
    if len(pairs) < LAGGED_MIN + 1:
        return None
    vals = [p.val_loss for p in pairs[:-1]]
    nexts = [p.train_loss for p in pairs[1:]]
    if any(v != t for v, t in zip(vals, nexts)) or len(set(vals)) < len(vals):
        return None  # one mismatch, or a loss that does not move (a frozen model scores alike on any data)
    if _printed_digits_min(vals) < LAGGED_DIGITS:
        return None  # a coarsely printed loss can repeat by chance
    ev = Evidence(
        kind="metric",
        strength=0.8,
        summary=f"each validation loss equals the next epoch's training loss to every printed digit at all "
        f"{len(vals)} evaluations ({', '.join(_num(v) for v in vals[:4])}): with one batch an epoch, the next "
        "epoch's training loss is measured on the weights validation scored, so the validation set is the "
        "training set",
        data={"pairs": len(vals)},
    )
    return ev, {"leak_kind": "identical"}


def leakage(evals: list[Eval], base: Baseline, val_error: Series | None) -> tuple[Evidence, dict[str, Any]] | None:
    pairs = _pairs(evals)
    lagged = next_epoch_identity(pairs)
    if lagged:
        return lagged
    if len(pairs) < 5:
        return None
    identical = sum(
        e.train_loss == e.val_loss and (e.train_acc is None or e.train_acc == e.val_acc) for e in pairs
    ) / len(pairs)
    learned = pairs[0].train_loss > 0 and pairs[-1].train_loss <= 0.9 * pairs[0].train_loss
    if identical >= 0.8 and learned:  # a model stuck at one output gives identical numbers on any data
        ev = Evidence(
            kind="metric",
            strength=0.85,
            summary=f"validation equals training to every printed digit at {identical:.0%} of {len(pairs)} "
            "evaluations: the validation set is the training set (or a copy of it)",
            data={"identical_share": round(identical, 3), "pairs": len(pairs)},
        )
        return ev, {"leak_kind": "identical"}
    gaps = [abs(e.val_loss - e.train_loss) / max(abs(e.train_loss), abs(e.val_loss), 1e-12) for e in pairs]
    med = S._median(gaps)
    start = pairs[0].val_loss
    end = pairs[-1].val_loss
    errors = [v for _, v in val_error or [] if math.isfinite(v)]
    perfect_acc = pairs[-1].val_acc is not None and pairs[-1].val_acc >= 0.999 * base.acc_scale
    perfect_err = bool(errors) and errors[-1] <= 1e-9
    near_zero = start > 0 and end <= 0.01 * start
    if med <= LEAK_EQUAL and (perfect_err or perfect_acc or near_zero):
        how = (
            "an error of exactly 0"
            if perfect_err
            else "a perfect accuracy"
            if perfect_acc
            else f"a loss at {end / start:.1%} of its start"
        )
        ev = Evidence(
            kind="metric",
            strength=0.75,
            summary=f"validation tracks training at every one of {len(pairs)} evaluations (median gap {med:.1%}) all "
            f"the way down to {how}: too good to be true for data the model has not seen, unless the task is "
            "that easy",
            data={"median_gap": round(med, 4), "pairs": len(pairs)},
        )
        return ev, {"leak_kind": "too_good"}
    better = [e for e in pairs if e.val_loss < e.train_loss * 0.95]
    if len(better) == len(pairs) and pairs[-1].val_loss < pairs[-1].train_loss * 0.9:
        ev = Evidence(
            kind="metric",
            strength=0.3,
            summary=f"validation loss is below training loss at every one of {len(pairs)} evaluations (dropout, "
            "augmentation or an epoch-averaged training loss also do this)",
            data={"pairs": len(pairs)},
        )
        return ev, {"leak_kind": "better"}
    return None


def held_out_disagreement(series: dict[str, Series], base: Baseline) -> tuple[Evidence, dict[str, Any]] | None:
    """Two held-out splits that disagree beyond any noise: validation near its best while a test split scored by
    the same model at the end is far worse. Both estimate the same thing on data the model has not seen; selecting
    on validation makes it a little optimistic, never by this much, unless the validation data was trained on."""
    from experiment_runner.metrics.vocabulary import describe

    last: dict[tuple[str, str], tuple[str, float]] = {}
    for name, pts in series.items():
        d = describe(name)
        if d.split not in ("val", "test") or d.aggregation is not None:
            continue
        role = "loss" if d.role == "loss" and d.main_loss else "acc" if d.role == "accuracy" else None
        _, values = S.finite(pts)
        if role and values and (d.split, role) not in last:
            last[(d.split, role)] = (name, values[-1])
    vl, tl = last.get(("val", "loss")), last.get(("test", "loss"))
    va, ta = last.get(("val", "acc")), last.get(("test", "acc"))
    if vl is None or tl is None or vl[1] <= 0 or tl[1] < 0:
        return None
    ratio = tl[1] / vl[1]
    if va is not None and ta is not None:
        acc_gap = (va[1] - ta[1]) / base.acc_scale
        if acc_gap < GAP_ACC or ratio < GAP_LOSS_RATIO:
            return None
        detail = (
            f"{va[0]} {_num(va[1])} vs {ta[0]} {_num(ta[1])} (a {acc_gap:.0%} gap), {vl[0]} {_num(vl[1])} vs "
            f"{tl[0]} {_num(tl[1])} ({ratio:.3g}x)"
        )
    elif ratio < 10 or tl[1] - vl[1] < 1.0:
        return None
    else:
        detail = f"{vl[0]} {_num(vl[1])} vs {tl[0]} {_num(tl[1])} ({ratio:.3g}x)"
    chance = base.chance_accuracy
    at_chance = ta is not None and chance is not None and ta[1] <= 1.2 * chance
    ev = Evidence(
        kind="metric",
        strength=0.8,
        value=vl[1],
        summary=f"the two held-out splits disagree: {detail}"
        + (f"; the test split is at chance ({_num(chance)})" if at_chance and chance is not None else "")
        + ": the validation data was seen in training (a split that overlaps the training set)",
        data={"val": [vl[0], vl[1]], "test": [tl[0], tl[1]], "ratio": round(ratio, 3)},
    )
    return ev, {"leak_kind": "held_out_disagree", "test_split_disagrees": True}


def frozen_after_nan_gradient(grad: Series, loss: Series) -> tuple[Evidence, dict[str, Any]] | None:
    """The gradient norm went NaN and the loss has not moved since: the weights are NaN (a NaN update reached
    them), whatever value the loss prints."""
    bad = S.first_nonfinite(grad)
    if bad is None:
        return None
    if len(grad) == len(loss):
        after = [v for _, v in loss[bad.index :]]
    else:
        at = bad.step if bad.step is not None else math.inf
        after = [v for s, v in loss if s is not None and s >= at]
    later = after[1:]
    if len(later) < 2 or any(not math.isfinite(v) for v in later):
        return None
    if max(later) - min(later) > 1e-12 * max(1.0, abs(later[0])):
        return None
    ev = Evidence(
        kind="metric",
        strength=0.9,
        step=bad.step,
        value=later[0],
        summary=f"the gradient norm became {'nan' if math.isnan(bad.value) else 'inf'} and the loss has been frozen at "
        f"{_num(later[0])} for the {len(later)} values since: a NaN update reached the weights",
        data={"frozen_values": len(later)},
    )
    return ev, {"bad_step": bad.step, "frozen_at": _num(later[0])}
