"""What a sanity check returns: a result dict (name, status, message, expected, observed, threshold, evidence, fix)
built by result(), the fix to try for each check, and fmt() for the numbers in messages."""

from __future__ import annotations

import math
from typing import Literal, get_args

#: the checks, in the order they run
CheckName = Literal[
    "data_finite",
    "shapes",
    "initial_loss",
    "gradients_flow",
    "overfit_one_batch",
    "beats_baseline",
    "label_leak",
    "train_val_overlap",
    "lr_range_test",
]
CHECKS: tuple[CheckName, ...] = get_args(CheckName)
CheckStatus = Literal["passed", "failed", "skipped", "error"]
CHECK_STATUSES: tuple[CheckStatus, ...] = get_args(CheckStatus)


FIXES = {
    "data_finite": "Check the data: find where the NaN/Inf come from (missing values in the files, a division by zero "
    "or log(0) in preprocessing, a corrupt sample) and drop, impute or fix those rows before training.",
    "shapes": "Check the data and the model's interfaces: print one batch's shapes and the model's output shape. The "
    "output layer needs one unit per class; class labels must lie in 0..N-1 and be integers (torch.long); a "
    "regression output must have the targets' shape (squeeze (N, 1) to (N,)); inputs must have the model's dtype "
    "(float32); BatchNorm needs batches of 2 or more samples (drop_last=True, or GroupNorm/LayerNorm).",
    "initial_loss": "Check the loss at initialisation: normalise inputs (zero mean, unit variance) and regression "
    "targets; initialise the output layer's bias to zero (or to the log class frequencies) and keep its weights small.",
    "gradients_flow": "Check gradients: set requires_grad on the parameters you mean to train, remove .detach(), "
    ".data and torch.no_grad() from the forward, delete layers the forward never uses (or use them), make every "
    "sample's output depend only on its own input, and make the forward use its input.",
    "overfit_one_batch": "Overfit one batch first: the loss on a single small batch must go to about zero. If it does "
    "not: give CrossEntropyLoss raw logits (no softmax before it), lower dropout and weight decay, raise the learning "
    "rate (try 1e-5 to 1e-1: run the lr range test), and check that the labels match the inputs.",
    "beats_baseline": "Check the data and the training: the labels must belong to their inputs (shuffle inputs and "
    "labels together), training must change the weights (learning rate, optimizer over model.parameters()), and the "
    "model should at least match a linear model before you scale up.",
    "label_leak": "Make the inputs carry no copy of the target: drop the feature that holds the label, shift "
    "language-model targets by one, and mask attention to later positions.",
    "train_val_overlap": "Split before augmenting or oversampling, de-duplicate across splits (hash the samples), and "
    "build the validation set from indices or files the training set never sees.",
    "lr_range_test": "Try learning rates from 1e-5 to 1e-1: start from the suggested rate, and lower it if training "
    "is unstable.",
}


def fmt(value, digits=4) -> str:
    if value is None:
        return "n/a"
    if isinstance(value, float):
        if not math.isfinite(value):
            return str(value)
        if value != 0 and (abs(value) < 1e-3 or abs(value) >= 1e5):
            return f"{value:.{digits - 1}e}"
        return f"{value:.{digits}g}"
    return str(value)


def result(name, status, message, expected=None, observed=None, threshold=None, evidence=None, fix=None):
    return {
        "name": name,
        "status": status,
        "message": message,
        "expected": expected,
        "observed": observed,
        "threshold": threshold,
        "evidence": evidence or {},
        "fix": fix if fix is not None else (FIXES.get(name) if status in ("failed", "error") else None),
    }
