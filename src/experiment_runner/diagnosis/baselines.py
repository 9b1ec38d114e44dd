"""The level a run has to beat, read from the run itself: what kind of task it is, how many classes it has, the
chance loss (ln C: the cross-entropy of a uniform guess over C classes), and the scale its accuracy is printed on.

The task kind comes from the names the metric vocabulary reads: a cross-entropy loss (`logloss`, `nll`, `ce`,
`xent`, `bce`), a classification accuracy or error (`acc`, `accuracy`, `top1`, `error`), a perplexity or bits
per character (a language model: its loss is a cross-entropy over the vocabulary), or a regression loss (`mse`,
`mae`, `rmse`, `l1`, `huber`) or `r2`.

The number of classes C, first source that has it:
1. a setting (`num_classes`, `num_labels`, `n_classes` on the command line, in the config or the log's head);
2. the printed model's last layer (`Linear(in_features=512, out_features=10)`), for a classifier;
3. a binary cross-entropy name (`bce`): 2;
4. the first training loss of a classifier, when it is ln C for a small C (2..MAX_GUESSED_CLASSES) within
   FIRST_LOSS_TOLERANCE: an untrained classifier guesses uniformly, so its first loss is ln C (mnist's 2.2997 is
   ln 10 = 2.3026). Only small C: ln C and ln (C+1) lie closer together than the tolerance beyond it."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Literal

from experiment_runner.metrics.vocabulary import describe, tokens

Task = Literal["classification", "language_model", "regression", "unknown"]

MAX_GUESSED_CLASSES = 12
FIRST_LOSS_TOLERANCE = 0.006  # relative
#: A cross-entropy this large is no chance level: it would take e**25 (7e10) classes. A classifier printing it has
#: blown up, whatever its number of classes.
CE_IMPLAUSIBLE = 25.0

_CE_TOKENS = {"logloss", "mlogloss", "nll", "nlll", "ce", "xent", "crossentropy", "cross", "entropy", "bce"}
_BINARY_TOKENS = {"bce", "logloss", "binary"}
_ACC_TOKENS = {"acc", "accu", "accuracy", "correct", "top", "error", "err", "merror"}
_LM_TOKENS = {"ppl", "perplexity", "bpc", "bpd", "bpb"}
_REGRESSION_TOKENS = {"mse", "mae", "rmse", "rmsle", "l1", "l2", "huber", "r2", "smoothl1"}
_OUT_FEATURES = re.compile(r"out_features=(\d+)")


@dataclass(frozen=True)
class Baseline:
    task: Task
    classes: int | None = None
    classes_from: str | None = None  # how C was found, in words
    acc_scale: float = 1.0  # 100.0 when accuracies are printed as percentages

    @property
    def chance_loss(self) -> float | None:
        return math.log(self.classes) if self.classes and self.classes >= 2 else None

    @property
    def ce_loss(self) -> bool:
        """The main loss is a cross-entropy: judged against ln C, and implausible far above any ln C."""
        return self.task in ("classification", "language_model")

    @property
    def chance_accuracy(self) -> float | None:
        return self.acc_scale / self.classes if self.classes else None

    def describe_chance(self) -> str:
        if self.chance_loss is None:
            return "the chance loss (unknown number of classes)"
        return f"the chance loss ln {self.classes} = {self.chance_loss:.4g} ({self.classes_from})"


def _toks(name: str) -> set[str]:
    return set(tokens(name))


def task_of(series: dict[str, list[tuple[int | None, float]]], loss_name: str | None) -> Task:
    names = [n for n, pts in series.items() if pts]
    all_tokens = [(_toks(n), describe(n).role) for n in names]
    if any(t & _LM_TOKENS for t, _ in all_tokens):
        return "language_model"
    loss_tokens = _toks(loss_name) if loss_name else set()
    if loss_tokens & _CE_TOKENS or any(t & _ACC_TOKENS and role in ("accuracy", "error") for t, role in all_tokens):
        return "classification"
    if loss_tokens & _REGRESSION_TOKENS or any(t & _REGRESSION_TOKENS for t, _ in all_tokens):
        return "regression"
    return "unknown"


def ln_classes(value: float, *, max_classes: int, tolerance: float) -> int | None:
    """C when `value` is ln C within `tolerance` (relative), for 2 <= C <= max_classes."""
    if not math.isfinite(value) or value <= 0.5 or value > math.log(max_classes) + 1:
        return None
    c = round(math.exp(value))
    if 2 <= c <= max_classes and abs(value - math.log(c)) <= tolerance * math.log(c):
        return c
    return None


def baseline(
    series: dict[str, list[tuple[int | None, float]]],
    loss_name: str | None,
    *,
    num_classes: float | None = None,
    head_lines: list[str] | None = None,
    acc_names: list[str] | None = None,
) -> Baseline:
    task = task_of(series, loss_name)
    scale = 1.0
    for name in acc_names or []:
        if any(v > 1.0 for _, v in series.get(name, []) if math.isfinite(v)):
            scale = 100.0
    if task not in ("classification", "language_model"):
        return Baseline(task, acc_scale=scale)
    if num_classes is not None and num_classes >= 2 and float(num_classes).is_integer():
        return Baseline(task, int(num_classes), "the run's num_classes setting", scale)
    if task == "classification":
        outs = [int(m.group(1)) for line in head_lines or [] for m in _OUT_FEATURES.finditer(line)]
        if outs and outs[-1] >= 2:
            return Baseline(task, outs[-1], f"the printed model's last layer, out_features={outs[-1]}", scale)
        if loss_name and _toks(loss_name) & _BINARY_TOKENS and "mlogloss" not in _toks(loss_name):
            return Baseline(task, 2, f"{loss_name} is a binary cross-entropy", scale)
        first = next((v for _, v in series.get(loss_name or "", []) if math.isfinite(v)), None)
        if first is not None:
            c = ln_classes(first, max_classes=MAX_GUESSED_CLASSES, tolerance=FIRST_LOSS_TOLERANCE)
            if c:
                return Baseline(task, c, f"the first {loss_name} {first:.5g} is ln {c}: an untrained guess", scale)
    return Baseline(task, acc_scale=scale)


# --- the floor a run's log prints ----------------------------------------------------------------------------------
#
# Runs on data whose noise is known print it before training: a generator's noise variance (the lowest mean squared
# error any model can reach), a label-noise rate or the agreement of the labels with a reference (the lowest error
# rate, the highest accuracy). The plateau a run levels off at is judged against that floor: far above it, the
# model underfits; at it, the plateau is the task's own limit and nothing is wrong.

FloorKind = Literal["mse", "error"]

_NUMBER = r"(\d+(?:\.\d+)?(?:[eE]-?\d+)?)"
_NOISE_VARIANCE = re.compile(rf"\bnoise[ _]var(?:iance)?\b[^0-9\n]{{0,20}}?{_NUMBER}", re.IGNORECASE)
_LABEL_NOISE = re.compile(rf"\blabel[ _]noise\b[^0-9\n]{{0,20}}?{_NUMBER}\s*(%?)", re.IGNORECASE)
_AGREEMENT = re.compile(rf"\bagreement\b[^0-9\n]{{0,60}}?{_NUMBER}\s*(%?)", re.IGNORECASE)


@dataclass(frozen=True)
class Floor:
    kind: FloorKind  # "mse": the lowest mean squared error; "error": the lowest error rate (a share, 0..1)
    value: float
    line: str  # the log line it was read from

    def describe(self) -> str:
        what = "noise variance" if self.kind == "mse" else "error floor"
        return f"the {what} {self.value:.4g} the log prints ({self.line.strip()[:80]!r})"


def _share(number: str, percent: str) -> float | None:
    v = float(number)
    if percent:
        v /= 100.0
    return v if 0.0 <= v <= 1.0 else None


def printed_floor(head_lines: list[str] | None) -> Floor | None:
    """The noise floor the log's first lines print, if any (the first line that has one)."""
    for line in head_lines or []:
        m = _NOISE_VARIANCE.search(line)
        if m and float(m.group(1)) > 0:
            return Floor("mse", float(m.group(1)), line)
        m = _LABEL_NOISE.search(line)
        share = _share(m.group(1), m.group(2)) if m else None
        if share is not None and share < 0.5:
            return Floor("error", share, line)
        m = _AGREEMENT.search(line)
        share = _share(m.group(1), m.group(2)) if m else None
        if share is not None and share > 0.5:
            return Floor("error", 1.0 - share, line)
    return None
