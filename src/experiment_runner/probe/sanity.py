"""The seed's Phase 1 sanity checks on the user's own model, run inside the user's Python (torch + stdlib only).

    python sanity.py --events-fd N --config '{"entrypoint": "classify/model.py:build", "workdir": "/ws", ...}'

Config keys: entrypoint, workdir, device (auto|cpu|cuda), checks (names, in order), overfit_steps, train_steps,
max_batches, lr_steps, seed, memory_mb (headroom above the start size; 0 = no cap), deadline (epoch seconds).
Events, one JSON object a line on fd N (never the user's stdout, which their code may print to):
    hello     {probe, version, python, executable, pid}
    device    {device, name, requested, cuda_available, torch, memory}
    loaded    {loss, train_batches, val_batches, optimizer, extra_keys}
    task      {task, loss, num_classes, notes}        (what the first forward pass showed)
    progress  {done, total, message}
    check     {result: {name, status, message, expected, observed, threshold, evidence, fix, seconds}}
    error     {stage, kind, message, traceback}     (then the process exits non-zero)
    done      {timings}
Every threshold a check applies is a named constant below, and each result states it with the reason.
"""

from __future__ import annotations

import argparse
import ctypes
import hashlib
import importlib.util
import json
import math
import os
import random
import sys
import time

CHECKS = (
    "data_finite",
    "shapes",
    "initial_loss",
    "gradients_flow",
    "overfit_one_batch",
    "beats_baseline",
    "label_leak",
    "train_val_overlap",
    "lr_range_test",
)

# --- thresholds (each result quotes the one it used) -------------------------------------------------------------
#: initial_loss, classification: a model at init should predict about uniformly; small random logits of std s add
#: about s^2/2 to ln(N), so a healthy default init stays well within this margin.
INIT_CLS_TOL_ABS = 0.5
INIT_CLS_TOL_REL = 0.3
#: initial_loss, regression: the loss of the best constant (the targets' mean; for MSE, their variance) plus the
#: variance of small initial outputs; more than this many times it means offsets or scales are wrong.
INIT_REG_MAX_RATIO = 3.0
#: initial_loss, below this fraction of the expectation the start is suspiciously good (a note, not a failure:
#: pre-trained weights explain it; otherwise look for targets leaking into inputs).
INIT_LOW_FRACTION = 0.5
#: inputs whose mean or std lies beyond this look unnormalised (raw pixels 0..255, raw counts).
UNNORMALISED_INPUT = 5.0
#: overfit_one_batch: at most this many samples of the first batch are memorised.
OVERFIT_MAX_SAMPLES = 32
#: overfit_one_batch: the loss must cover this fraction of the way from its start to zero (or, for a model that
#: cannot memorise more than a linear model can, to what a linear model reaches on the same batch).
OVERFIT_GAP_CLOSED = 0.9
#: overfit_one_batch: "did not move" when the best loss is within this fraction of the start (a learning rate
#: orders of magnitude too small); a slower fall passes with a note when a default Adam can memorise the batch.
STUCK_FRACTION = 0.05
#: beats_baseline: the accuracy must exceed the majority class's by max(this, 2 binomial standard errors).
BEAT_MIN_MARGIN = 0.02
#: beats_baseline, regression: the model's MSE must be at most this fraction of the mean predictor's (R^2 >= 0.05).
BEAT_REG_RATIO = 0.95
#: beats_baseline: the share of training batches held out when there is no val_loader.
HOLDOUT_FRACTION = 0.2
#: beats_baseline: the linear model is fitted only up to this many flattened input features.
LINEAR_MAX_FEATURES = 20000
#: lr_range_test: the seed's range, the stop rule (smoothed loss above this multiple of the best), smoothing.
LR_MIN, LR_MAX = 1e-5, 1e-1
LR_DIVERGE = 4.0
LR_SMOOTHING = 0.9
#: lr_range_test: some rate in the range must lower the smoothed loss by at least this fraction of the mean loss
#: over the first steps (at rates too small to change the model).
LR_MIN_DROP = 0.1
LR_REFERENCE_STEPS = 10
#: loss-based checks use at most this many batches for the loss at init.
INIT_BATCHES = 4

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

LOSS_KINDS = {
    "CrossEntropyLoss": "ce",
    "cross_entropy": "ce",
    "NLLLoss": "nll",
    "nll_loss": "nll",
    "BCEWithLogitsLoss": "bce_logits",
    "binary_cross_entropy_with_logits": "bce_logits",
    "BCELoss": "bce",
    "binary_cross_entropy": "bce",
    "MSELoss": "mse",
    "mse_loss": "mse",
    "L1Loss": "robust",
    "l1_loss": "robust",
    "SmoothL1Loss": "robust",
    "smooth_l1_loss": "robust",
    "HuberLoss": "robust",
    "huber_loss": "robust",
}


def _load(name):
    key = "_experiment_runner_probe_" + name
    if key not in sys.modules:
        path = os.path.join(os.path.dirname(os.path.abspath(__file__)), name + ".py")
        spec = importlib.util.spec_from_file_location(key, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[key] = module
        spec.loader.exec_module(module)
    return sys.modules[key]


runtime = _load("runtime")
entrypoint = _load("entrypoint")
leaks = _load("leaks")
EntrypointError = entrypoint.EntrypointError


class OutOfMemory(Exception):
    pass


def is_out_of_memory(exc: BaseException) -> bool:
    if isinstance(exc, MemoryError) or type(exc).__name__ == "OutOfMemoryError":
        return True
    text = str(exc)
    return isinstance(exc, RuntimeError) and ("can't allocate memory" in text or "out of memory" in text.lower())


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


def loss_kind(loss_fn) -> tuple:
    import functools

    f = loss_fn
    while isinstance(f, functools.partial):
        f = f.func
    for name in (type(f).__name__, getattr(f, "__name__", None)):
        if name in LOSS_KINDS:
            return LOSS_KINDS[name], name
    return "other", getattr(f, "__name__", None) or type(f).__name__


def ignore_index_of(loss_fn):
    """The ignore_index a loss was given (a module's attribute, a functools.partial keyword), or None."""
    import functools

    f = loss_fn
    while isinstance(f, functools.partial):
        if "ignore_index" in f.keywords:
            return f.keywords["ignore_index"]
        f = f.func
    value = getattr(f, "ignore_index", None)
    return value if isinstance(value, int) else None


def _row_bytes(x):
    """Each row of a tensor as bytes (via its memory: the probe may not assume numpy)."""
    t = x.detach().cpu().contiguous()
    n = t.shape[0]
    size = t.numel() * t.element_size()
    raw = ctypes.string_at(t.data_ptr(), size) if size else b""
    step = size // n if n else 0
    head = f"{t.dtype}{list(t.shape[1:])}".encode()
    return [head + raw[i * step : (i + 1) * step] for i in range(n)]


class Session:
    """The loaded entrypoint on its device, the batches read once, the initial weights, and what the first
    forward pass taught about the task. Every check that trains starts from the initial weights."""

    def __init__(self, built, device, cfg, channel, torch):
        self.torch = torch
        self.nn = torch.nn
        self.cfg = cfg
        self.channel = channel
        self.device = device
        self.model = built["model"].to(device)
        self.loss_fn = built["loss_fn"]
        if isinstance(self.loss_fn, torch.nn.Module):
            self.loss_fn = self.loss_fn.to(device)
        self.optimizer_factory = built["optimizer"]
        self.user_task = built["task"]
        self.user_num_classes = built["num_classes"]
        self.train_loader = built["train_loader"]
        self.val_loader = built["val_loader"]
        self.extra_keys = built["extra_keys"]
        limit = int(cfg.get("max_batches", 50))
        self.train = entrypoint.take_batches(self.train_loader, "train_loader", limit)
        self.val = (
            entrypoint.take_batches(self.val_loader, "val_loader", limit) if self.val_loader is not None else None
        )
        self.initial_state = {k: v.detach().clone() for k, v in self.model.state_dict().items()}
        self.kind = None  # multiclass | binary | regression, set by the shapes analysis
        self.loss_kind, self.loss_name = loss_kind(self.loss_fn)
        self.num_classes = None
        self.soft_targets = False
        self.probabilities = False
        self.forward_problem = None  # why loss-based checks cannot run, when they cannot
        self.train_nonfinite = False
        self.notes = []
        self.model_out_shape = None
        # how classification outputs line up with their targets: name, class axis, whether targets are per token
        self.layout = None
        self.last_layer = None
        self.token_targets = False  # targets hold one row per token of the inputs: (B*T,) for inputs (B, T)
        self.ignore_index = ignore_index_of(self.loss_fn)
        self.progress_done = 0.0
        self.progress_total = 1.0

    # --- plumbing ----------------------------------------------------------------------------------------------
    def dev(self, t):
        return t.to(self.device)

    def sync(self):
        if self.device.type == "cuda":
            self.torch.cuda.synchronize(self.device)

    def clock(self):
        self.sync()
        return time.perf_counter()

    def reset(self):
        self.model.load_state_dict(self.initial_state)
        self.model.zero_grad(set_to_none=True)

    def make_optimizer(self):
        params = [p for p in self.model.parameters() if p.requires_grad]
        if self.optimizer_factory is None:
            if not params:
                return None
            return self.torch.optim.Adam(params, lr=1e-3)
        return self.optimizer_factory(self.model.parameters())

    def optimizer_text(self, opt) -> str:
        if opt is None:
            return "none (no trainable parameters)"
        lr = opt.param_groups[0].get("lr") if opt.param_groups else None
        who = "default" if self.optimizer_factory is None else "yours"
        return f"{type(opt).__name__}(lr={fmt(lr) if isinstance(lr, float) else lr}) ({who})"

    def tick(self, fraction: float, message: str, force: bool = False):
        self.channel.progress(
            self.progress_done + max(0.0, min(1.0, fraction)), self.progress_total, message, force=force
        )

    def loss(self, out, y):
        return self.loss_fn(out, y)

    # --- task-aware helpers ------------------------------------------------------------------------------------
    def flat(self, out, y):
        """Classification outputs and targets as (scores (M, C), labels (M,)) in the layout the shapes check found:
        one row per sample, per token or per pixel."""
        if self.soft_targets:
            return out, y.argmax(dim=1)
        axis = self.layout["axis"] if self.layout else 1
        if out.dim() == 2:
            return out, y.reshape(-1)
        classes = out.shape[axis]
        return out.movedim(axis, -1).reshape(-1, classes), y.reshape(-1)

    def valid(self, target):
        """Labels that count: not the ignore_index padding."""
        if self.ignore_index is None:
            return self.torch.ones_like(target, dtype=self.torch.bool)
        return target != self.ignore_index

    def take(self, x, y, n):
        """The first n samples of a batch, with their targets (per token: n rows of tokens)."""
        if self.token_targets and x.dim() >= 2:
            return x[:n], y[: n * x.shape[1]]
        return x[:n], y[:n]

    def split_batch(self, x, y, k):
        """(all but the last k samples, the last k), targets kept with their samples."""
        if self.token_targets and x.dim() >= 2:
            t = x.shape[1]
            return (x[:-k], y[: -k * t]), (x[-k:], y[-k * t :])
        return (x[:-k], y[:-k]), (x[-k:], y[-k:])

    def targets_float(self, batches):
        ys = [y.detach().float().reshape(y.shape[0], -1) for _, y in batches]
        return self.torch.cat(ys) if ys else None

    def correct(self, out, y):
        """(number right, number counted) for classification outputs."""
        torch = self.torch
        y = self.dev(y)
        if self.kind == "multiclass":
            scores, target = self.flat(out, y)
            pred = scores.argmax(dim=1)
            valid = self.valid(target)
            return int(((pred == target) & valid).sum()), int(valid.sum())
        threshold = 0.0 if self.loss_kind != "bce" else 0.5
        pred = out > threshold
        target = y > 0.5
        return int((pred == target).sum()), int(torch.numel(target))

    def evaluate(self, batches, predict):
        """Metric over batches for outputs from predict(x): accuracy, or MSE for regression."""
        torch = self.torch
        right = counted = 0
        sq = 0.0
        n = 0
        losses = []
        with torch.no_grad():
            for x, y in batches:
                out = predict(self.dev(x))
                try:
                    losses.append(float(self.loss(out, self.dev(y))))
                except Exception:
                    pass
                if self.kind == "regression":
                    d = (out.float() - self.dev(y).float().reshape(out.shape)) ** 2
                    sq += float(d.sum())
                    n += d.numel()
                else:
                    r, c = self.correct(out, y)
                    right += r
                    counted += c
        loss = sum(losses) / len(losses) if losses else None
        if self.kind == "regression":
            return {"mse": sq / max(n, 1), "loss": loss, "n": n}
        return {"accuracy": right / max(counted, 1), "loss": loss, "n": counted}


# --- the checks ---------------------------------------------------------------------------------------------------
def check_data_finite(s: Session):
    torch = s.torch
    where = []
    totals = {"nan": 0, "inf": 0}
    scanned = {"train_loader": 0, "val_loader": 0}
    for name, batches in (("train_loader", s.train), ("val_loader", s.val or [])):
        for b, (x, y) in enumerate(batches):
            scanned[name] += x.shape[0]
            for part, t in (("inputs", x), ("targets", y)):
                if not t.is_floating_point() and not t.is_complex():
                    continue
                bad = ~torch.isfinite(t)
                if not bool(bad.any()):
                    continue
                nan = int(torch.isnan(t).sum())
                inf = int(bad.sum()) - nan
                totals["nan"] += nan
                totals["inf"] += inf
                rows = bad.reshape(t.shape[0], -1).any(dim=1).nonzero().flatten().tolist()
                entry = {
                    "loader": name,
                    "batch": b,
                    "part": part,
                    "nan": nan,
                    "inf": inf,
                    "rows": rows[:10],
                    "rows_affected": len(rows),
                }
                if t.dim() >= 2:
                    cols = bad.reshape(t.shape[0], -1).any(dim=0).nonzero().flatten().tolist()
                    entry["features"] = cols[:10]
                where.append(entry)
                if name == "train_loader":
                    s.train_nonfinite = True
    evidence = {
        "samples_scanned": scanned,
        "batches_scanned": {"train_loader": len(s.train), "val_loader": len(s.val or [])},
    }
    if not where:
        return result(
            "data_finite",
            "passed",
            f"no NaN or Inf in {scanned['train_loader']} training and {scanned['val_loader']} validation samples",
            expected="0 NaN, 0 Inf",
            observed="0 NaN, 0 Inf",
            threshold="any NaN or Inf fails: one poisons every loss and gradient it touches",
            evidence=evidence,
        )
    evidence["where"] = where[:20]
    first = where[0]
    message = (
        f"{totals['nan']} NaN and {totals['inf']} Inf values in {len(where)} batch part(s); first: {first['loader']} "
        f"batch {first['batch']} {first['part']}, rows {first['rows'][:5]}"
    )
    return result(
        "data_finite",
        "failed",
        message,
        expected="0 NaN, 0 Inf",
        observed=f"{totals['nan']} NaN, {totals['inf']} Inf",
        threshold="any NaN or Inf fails: one poisons every loss and gradient it touches",
        evidence=evidence,
    )


def _exception_hint(text: str) -> str:
    hints = (
        (
            "mat1 and mat2 shapes cannot be multiplied",
            "a Linear layer's in_features does not match the (flattened) input size",
        ),
        (
            "expected scalar type",
            "the inputs' dtype differs from the model's (e.g. float64 data into a float32 model: call .float())",
        ),
        ("should be the same", "the inputs' dtype or device differs from the model's"),
        ("Expected more than 1 value per channel", "BatchNorm in training mode got a batch of one sample"),
        ("out of bounds", "a class label is outside 0..num_classes-1"),
        ("Expected input batch_size", "inputs and targets have different batch sizes"),
        ("Found dtype", "the targets' dtype does not suit the loss (class labels: torch.long; regression: float)"),
        ("not implemented for 'Int'", "class labels must be torch.long"),
        (
            "0D or 1D target tensor expected",
            "CrossEntropyLoss wants class indices of shape (N,), or probabilities of the outputs' shape",
        ),
    )
    for needle, hint in hints:
        if needle in text:
            return hint
    return ""


class _last_layer:
    """Context that notes the last leaf module to run in a forward pass (the layer that made the outputs)."""

    def __init__(self, s):
        self.s = s
        self.seen = {}
        self.handles = []

    def __enter__(self):
        def note(module, inputs, output):
            self.seen["module"] = module

        for m in self.s.model.modules():
            if not list(m.children()):
                self.handles.append(m.register_forward_hook(note))
        return self.seen

    def __exit__(self, *exc):
        for h in self.handles:
            h.remove()
        return False


def _per_token(x, y) -> bool:
    """Targets flattened to one per input token: inputs (B, T, ...) with targets (B*T,)."""
    return x.dim() >= 2 and y.dim() == 1 and x.shape[0] != y.shape[0] and y.shape[0] == x.shape[0] * x.shape[1]


def check_shapes(s: Session):
    torch = s.torch
    problems = []
    evidence = {}
    s.token_targets = all(_per_token(x, y) for x, y in s.train[:4])
    mismatched = [
        (name, b, x.shape[0], y.shape[0])
        for name, batches in (("train_loader", s.train), ("val_loader", s.val or []))
        for b, (x, y) in enumerate(batches)
        if x.shape[0] != y.shape[0] and not (s.token_targets and _per_token(x, y))
    ]
    if mismatched:
        name, b, nx, ny = mismatched[0]
        problems.append(
            f"inputs and targets differ in batch size in {len(mismatched)} batch(es); first: {name} batch {b} "
            f"holds {nx} inputs but {ny} targets"
        )
        evidence["mismatched_batches"] = [list(m) for m in mismatched[:20]]
    norms = [n for n, m in s.model.named_modules() if isinstance(m, torch.nn.modules.batchnorm._BatchNorm)]
    singles = [b for b, (x, _) in enumerate(s.train) if x.shape[0] == 1]
    if norms and singles:
        problems.append(
            f"training batches {singles[:5]} hold a single sample while the model has BatchNorm "
            f"({', '.join(norms[:3])}): the statistics of one sample are meaningless (BatchNorm1d refuses them)"
        )
    elif norms:
        ds = getattr(s.train_loader, "dataset", None)
        bs = getattr(s.train_loader, "batch_size", None)
        try:
            n = len(ds) if ds is not None else None
        except TypeError:
            n = None
        if n and bs and not getattr(s.train_loader, "drop_last", False) and n % bs == 1:
            problems.append(
                f"the last training batch of each epoch holds 1 sample ({n} samples, batch_size {bs}) while the "
                f"model has BatchNorm ({', '.join(norms[:3])}): use drop_last=True"
            )
    x, y = s.train[0]
    raised = []  # exceptions go after the specific findings: those name the cause, the exception only the symptom
    evidence["inputs"] = {"shape": list(x.shape), "dtype": str(x.dtype).replace("torch.", "")}
    evidence["targets"] = {"shape": list(y.shape), "dtype": str(y.dtype).replace("torch.", "")}
    evidence["batch_sizes"] = sorted({int(b[0].shape[0]) for b in s.train})
    evidence["loss"] = s.loss_name
    s.model.train()
    try:
        with torch.no_grad(), _last_layer(s) as last:
            out = s.model(s.dev(x))
        s.last_layer = last.get("module")
    except Exception as e:
        if is_out_of_memory(e):
            raise
        hint = _exception_hint(str(e))
        problems.append(
            f"model(inputs) raised {type(e).__name__}: {str(e).strip().splitlines()[0][:300]}"
            + (f" ({hint})" if hint else "")
        )
        evidence["traceback"] = entrypoint.user_traceback(e)
        return _shapes_result(s, problems, evidence, forward=False)
    if not isinstance(out, torch.Tensor):
        raise EntrypointError(
            "contract",
            f"model(inputs) returned a {type(out).__name__}; the checks need a tensor of "
            "predictions (outputs for loss_fn): return the logits tensor, or wrap the model",
        )
    evidence["outputs"] = {"shape": list(out.shape), "dtype": str(out.dtype).replace("torch.", "")}
    s.model_out_shape = tuple(out.shape)
    tokens_in_rows = out.dim() == 2 and out.shape[0] != x.shape[0] and out.shape[0] in (y.shape[0], y.numel())
    if out.shape[0] != x.shape[0] and not tokens_in_rows:
        problems.append(
            f"the model returned {out.shape[0]} rows for {x.shape[0]} inputs: a view/reshape merges or splits "
            "the batch dimension"
        )
    try:
        loss = s.loss(out, s.dev(y))
    except Exception as e:
        if is_out_of_memory(e):
            raise
        hint = _exception_hint(str(e))
        raised.append(
            f"loss_fn(outputs, targets) raised {type(e).__name__}: {str(e).strip().splitlines()[0][:300]}"
            + (f" ({hint})" if hint else "")
        )
        loss = None
    if loss is not None:
        entrypoint.check_loss_value(loss)
    _analyse_task(s, x, out, y, loss, problems, evidence)
    if loss is None and s.layout and s.layout["axis"] != 1 and s.loss_kind in ("ce", "nll"):
        raised.append(
            f"{s.loss_name} takes the class scores on axis 1, but these outputs have them on axis {s.layout['axis']} "
            f"({s.layout['name']}): pass outputs.transpose(1, {s.layout['axis']}) (or .movedim(-1, 1)), or flatten "
            "both sides: loss(outputs.reshape(-1, V), targets.reshape(-1))"
        )
    return _shapes_result(s, problems + raised, evidence, forward=loss is not None)


def _class_layout(s: Session, x, out, y, loss):
    """How class scores line up with integer targets, or None: the class axis and the layout's name. Where more than
    one axis fits the shapes, the one whose cross-entropy reproduces the loss decides (else the usual convention:
    axis 1 for torch's losses and for dense maps, the last axis for sequences)."""
    if y.is_floating_point() or y.is_complex() or out.dim() < 2:
        return None
    oshape, yshape = tuple(out.shape), tuple(y.shape)
    fits = []
    if out.dim() == y.dim() + 1 and oshape[0] == yshape[0]:
        fits = [a for a in range(1, out.dim()) if oshape[:a] + oshape[a + 1 :] == yshape]
    if not fits and loss is not None and out.numel() // max(oshape[-1], 1) == y.numel():
        fits = [out.dim() - 1]  # scores per token, flattened by the model or by the loss
    if not fits:
        return None
    axis, how = fits[0], "the only axis that fits"
    if len(fits) > 1:
        axis, how = _axis_from_loss(s, out, y, loss, fits)
    classes = oshape[axis]
    positions = y.numel() // max(yshape[0], 1) if not s.token_targets else y.numel() // max(x.shape[0], 1)
    if out.dim() == 2 and oshape[0] == x.shape[0] and not s.token_targets:
        name = f"per sample: outputs (N, C) = {list(oshape)}, targets (N,)"
    elif out.dim() == 2:
        name = f"per token, flattened: outputs (B*T, V) = {list(oshape)}, targets {list(yshape)}"
    elif out.dim() == 3 and axis == 2:
        name = f"sequence: outputs (B, T, V) = {list(oshape)} with the classes last, targets {list(yshape)}"
    elif out.dim() == 3 and axis == 1:
        name = f"sequence, classes second: outputs (B, V, T) = {list(oshape)}, targets {list(yshape)}"
    elif out.dim() == 4 and axis == 1:
        name = f"dense: outputs (B, C, H, W) = {list(oshape)}, one class map per pixel, targets {list(yshape)}"
    else:
        name = f"outputs {list(oshape)} with the classes on axis {axis}, targets {list(yshape)}"
    return {"name": name, "axis": axis, "classes": classes, "positions": positions, "decided_by": how}


def _axis_from_loss(s: Session, out, y, loss, fits):
    torch = s.torch
    if loss is not None and s.loss_kind in ("ce", "nll", "other"):
        target = float(loss)
        ignore = s.ignore_index if s.ignore_index is not None else -100
        matches = []
        for a in fits:
            scores = out.movedim(a, 1).float()
            try:
                if s.loss_kind == "nll":
                    value = float(torch.nn.functional.nll_loss(scores, y.long(), ignore_index=ignore))
                else:
                    value = float(torch.nn.functional.cross_entropy(scores, y.long(), ignore_index=ignore))
            except Exception:
                continue
            if math.isfinite(value) and abs(value - target) <= 1e-4 * max(1.0, abs(target)):
                matches.append(a)
        if len(matches) == 1:
            return matches[0], "the axis whose cross-entropy reproduces the loss"
    if s.loss_kind in ("ce", "nll") or out.dim() >= 4:
        return (1 if 1 in fits else fits[0]), "torch's convention (classes on axis 1)"
    return fits[-1], "the sequence convention (classes last)"


def _find_padding(s: Session, y, loss):
    """Negative target values in a finite cross-entropy are padding the loss ignores (nanoGPT uses -1)."""
    if s.ignore_index is not None or y.is_floating_point() or loss is None or not math.isfinite(float(loss)):
        return
    negative = y[y < 0].unique().tolist()
    if len(negative) == 1:
        s.ignore_index = int(negative[0])


def _positions_as_classes(s: Session, out) -> list:
    """A loss that reads classes on axis 1 of (B, T, V) scores made by a Linear head: positions taken for classes
    (torch computes it silently when T == V)."""
    head = s.last_layer
    if not (
        s.layout
        and out.dim() >= 3
        and s.layout["axis"] != out.dim() - 1
        and isinstance(head, s.torch.nn.Linear)
        and head.out_features == out.shape[-1]
    ):
        return []
    return [
        f"the loss reads the class scores on axis {s.layout['axis']}, but the model's last layer "
        f"({type(head).__name__}({head.in_features} -> {head.out_features})) makes them on the last axis of "
        f"{list(out.shape)}: the loss treats positions as classes; pass logits.transpose(1, 2) (or "
        "movedim(-1, 1)), or flatten both sides: loss(logits.reshape(-1, V), targets.reshape(-1))"
    ]


def _label_range(s: Session, classes: int, evidence) -> list:
    """Class labels outside 0..classes-1 in any batch, padding left out."""
    torch = s.torch
    ignore = s.ignore_index
    bad_total, seen = 0, set()
    lo = hi = None
    for _, yy in list(s.train) + list(s.val or []):
        if yy.is_floating_point() or yy.is_complex():
            continue
        valid = yy != ignore if ignore is not None else torch.ones_like(yy, dtype=torch.bool)
        vals = yy[valid]
        if vals.numel() == 0:
            continue
        lo = int(vals.min()) if lo is None else min(lo, int(vals.min()))
        hi = int(vals.max()) if hi is None else max(hi, int(vals.max()))
        bad = (vals < 0) | (vals >= classes)
        if bool(bad.any()):
            bad_total += int(bad.sum())
            seen.update(vals[bad].unique().tolist()[:10])
    evidence["label_range"] = [lo, hi]
    if not bad_total:
        return []
    why = "labels start at 1" if lo == 1 and hi == classes else "the output layer is too small or the labels are wrong"
    return [
        f"{bad_total} class label(s) lie outside 0..{classes - 1} (values {sorted(seen)[:10]}; "
        f"labels seen {lo}..{hi}): {why}"
    ]


def _analyse_classes(s: Session, x, out, y, loss, problems, evidence):
    """Multiclass outputs against their targets: the layout, the class count, padding, label range, probabilities."""
    kind = s.loss_kind
    if out.dim() < 2:
        problems.append(
            f"{s.loss_name} needs outputs of shape (N, C) with one score per class; the model returns {list(out.shape)}"
        )
        return
    _find_padding(s, y, loss)
    s.layout = _class_layout(s, x, out, y, loss)
    classes = s.layout["classes"] if s.layout else out.shape[1]
    problems.extend(_positions_as_classes(s, out))
    if s.layout:
        evidence["layout"] = s.layout["name"]
        evidence["class_axis"] = s.layout["axis"]
        if s.layout["decided_by"] != "the only axis that fits":
            evidence["class_axis_decided_by"] = s.layout["decided_by"]
    if s.ignore_index is not None:
        evidence["ignore_index"] = s.ignore_index
    s.num_classes = s.user_num_classes or classes
    evidence["num_classes"] = s.num_classes
    if s.user_num_classes and classes != s.user_num_classes:
        per = "position" if s.layout and s.layout["positions"] > 1 else "sample"
        problems.append(
            f"the model outputs {classes} scores per {per} but num_classes is {s.user_num_classes}: the output layer "
            "has "
            f"{'too few' if classes < s.user_num_classes else 'too many'} units"
            + (f" (layout found: {s.layout['name']})" if s.layout else "")
        )
    s.soft_targets = y.is_floating_point() and tuple(y.shape) == tuple(out.shape)
    if not s.soft_targets:
        if y.is_floating_point():
            problems.append(
                f"class targets are {str(y.dtype).replace('torch.', '')}; {s.loss_name} needs integer labels "
                "(torch.long)"
            )
        if s.layout is None and not y.is_floating_point():
            want = (out.shape[0],) + tuple(out.shape[2:])
            problems.append(
                f"targets have shape {list(y.shape)}; for outputs {list(out.shape)} {s.loss_name} expects "
                f"{list(want)} (class scores on axis 1), or, for a sequence model, outputs (B, T, V) with targets "
                "(B, T) and a loss that flattens both"
            )
        problems.extend(_label_range(s, classes, evidence))
    scores = s.flat(out, y)[0] if (s.layout or s.soft_targets) else out
    if (
        kind == "ce"
        and scores.dim() == 2
        and bool((scores >= 0).all())
        and bool(((scores.sum(dim=1) - 1).abs() < 1e-3).all())
    ):
        s.probabilities = True
        evidence["outputs_are_probabilities"] = True


def _analyse_task(s: Session, x, out, y, loss, problems, evidence):
    torch = s.torch
    kind = s.loss_kind
    if kind in ("ce", "nll"):
        s.kind = "multiclass"
    elif kind in ("bce", "bce_logits"):
        s.kind = "binary"
    elif kind in ("mse", "robust"):
        s.kind = "regression"
    elif s.user_task == "regression":
        s.kind = "regression"
    elif s.user_task == "classification" or not y.is_floating_point():
        s.kind = "multiclass" if (out.dim() >= 2 and (not y.is_floating_point() or y.shape != out.shape)) else "binary"
    else:
        s.kind = "regression"
    if s.user_task == "regression" and s.kind != "regression":
        s.notes.append(
            f"task says regression but the loss ({s.loss_name}) is a classification loss; treated as classification"
        )
    if s.user_task == "classification" and s.kind == "regression":
        s.notes.append(
            f"task says classification but the loss ({s.loss_name}) is a regression loss; treated as regression"
        )
    evidence["task"] = s.kind
    if s.kind == "multiclass":
        _analyse_classes(s, x, out, y, loss, problems, evidence)
    elif s.kind == "binary":
        s.num_classes = 2
        if tuple(y.shape) != tuple(out.shape):
            problems.append(
                f"{s.loss_name} compares outputs {list(out.shape)} with targets {list(y.shape)} element-wise: give "
                "them the same shape"
            )
        elif y.is_floating_point() and bool(((y < 0) | (y > 1)).any()):
            problems.append("binary targets must lie in [0, 1]")
    elif tuple(out.shape) != tuple(y.shape):
        try:
            joint = list(torch.broadcast_shapes(out.shape, y.shape))
            problems.append(
                f"outputs {list(out.shape)} and targets {list(y.shape)} differ; the loss broadcasts them to "
                f"{joint}, comparing every output with every target: make them the same shape "
                "(output.squeeze(-1) or targets.unsqueeze(-1))"
            )
        except RuntimeError:
            problems.append(f"outputs {list(out.shape)} and targets {list(y.shape)} cannot be compared element-wise")


def _shapes_result(s, problems, evidence, forward):
    threshold = (
        "every batch's inputs and targets agree in size; the output fits the loss and the targets; labels in 0..C-1"
    )
    if not problems and forward:
        desc = f"{s.kind}" + (f", {s.num_classes} classes" if s.kind == "multiclass" else "")
        if s.layout and s.layout["positions"] > 1:
            desc += f"; {s.layout['name']}"
        return result(
            "shapes",
            "passed",
            f"inputs {evidence['inputs']['shape']} -> outputs {evidence['outputs']['shape']} "
            f"fit targets {evidence['targets']['shape']} ({desc}, {s.loss_name})",
            expected="outputs that fit the targets and the loss",
            observed=f"inputs {evidence['inputs']['shape']} -> outputs {evidence['outputs']['shape']}, targets "
            f"{evidence['targets']['shape']} {evidence['targets']['dtype']}",
            threshold=threshold,
            evidence=evidence,
        )
    s.forward_problem = problems[0] if problems else "the loss could not be computed"
    evidence["problems"] = problems
    return result(
        "shapes",
        "failed",
        "; ".join(problems),
        expected="outputs that fit the targets and the loss",
        observed=problems[0],
        threshold=threshold,
        evidence=evidence,
    )


def _input_stats(s):
    torch = s.torch
    xs = [x.detach().float().reshape(x.shape[0], -1) for x, _ in s.train[:10] if x.is_floating_point()]
    if not xs:
        return None
    allx = torch.cat(xs)
    return {
        "mean": float(allx.mean()),
        "std": float(allx.std()) if allx.numel() > 1 else 0.0,
        "min": float(allx.min()),
        "max": float(allx.max()),
    }


def check_initial_loss(s: Session):
    torch = s.torch
    s.reset()
    s.model.train()
    batches = s.train[:INIT_BATCHES]
    losses, outs = [], []
    with torch.no_grad():
        for x, y in batches:
            out = s.model(s.dev(x))
            outs.append((out.detach().float(), s.dev(y)))
            losses.append(float(s.loss(out, s.dev(y))))
    observed = sum(losses) / len(losses)
    evidence = {"per_batch": [round(v, 6) for v in losses], "batches": len(losses), "loss": s.loss_name, "task": s.kind}
    stats = _input_stats(s)
    if stats:
        evidence["inputs"] = {k: round(v, 4) for k, v in stats.items()}
    if s.kind in ("multiclass", "binary"):
        per = " per token" if s.layout and s.layout["positions"] > 1 else ""
        if s.loss_kind in ("ce", "nll") or (s.kind == "binary" and s.loss_kind in ("bce", "bce_logits")):
            n = s.num_classes if s.kind == "multiclass" else 2
            expected = math.log(n)
            how = f"ln({n}) = {expected:.4f}{per}: about uniform predictions over {n} classes"
        else:
            vals = [float(s.loss(torch.zeros_like(o), y)) for o, y in outs]
            expected = sum(vals) / len(vals)
            how = f"{expected:.4f}: the loss of uninformed (all-zero) logits"
            if s.kind == "multiclass" and s.num_classes and abs(expected - math.log(s.num_classes)) < 1e-3:
                how = (
                    f"ln({s.num_classes}) = {expected:.4f}{per}: the loss of uninformed logits, uniform over the "
                    "classes"
                )
        tol = max(INIT_CLS_TOL_ABS, INIT_CLS_TOL_REL * expected)
        threshold = (
            f"fails above expected + max({INIT_CLS_TOL_ABS}, {INIT_CLS_TOL_REL:.0%} of expected) = {expected + tol:.4f}: "
            "small random logits add only about std^2/2 to the uniform loss"
        )
        too_high = not math.isfinite(observed) or observed > expected + tol
        too_low = math.isfinite(observed) and observed < INIT_LOW_FRACTION * expected
        expected_text = how
    else:
        ys = s.targets_float(s.train)
        mean = ys.mean(dim=0)
        if s.loss_kind == "mse":
            expected = float(((ys - mean) ** 2).mean())
            expected_text = f"{expected:.4g}: the variance of the targets (about 1.0 when they are normalised)"
        else:
            vals = [
                float(s.loss(mean.to(o.device).reshape((1,) + tuple(o.shape[1:])).expand_as(o).to(o.dtype), y))
                for o, y in outs
            ]
            expected = sum(vals) / len(vals)
            expected_text = f"{expected:.4g}: the loss of predicting the targets' mean"
        evidence["targets"] = {
            "mean": round(float(ys.mean()), 4),
            "std": round(float(ys.std()), 4) if ys.numel() > 1 else 0.0,
        }
        threshold = (
            f"fails above {INIT_REG_MAX_RATIO:g} x expected = {INIT_REG_MAX_RATIO * expected:.4g}: the loss at init is "
            "the best constant's loss plus the variance of small initial outputs"
        )
        too_high = (
            not math.isfinite(observed)
            or (expected > 0 and observed > INIT_REG_MAX_RATIO * expected)
            or (expected == 0 and observed > 0)
        )
        too_low = math.isfinite(observed) and observed < INIT_LOW_FRACTION * expected
    observed_text = f"{observed:.4f} (mean over {len(losses)} batch(es), training mode)"
    evidence["expected"] = expected
    evidence["observed"] = observed
    causes = _initial_loss_causes(s, outs, stats, expected, observed) if too_high else []
    if s.loss_kind == "nll":
        lse = torch.cat([torch.logsumexp(s.flat(o, y)[0], dim=1).flatten() for o, y in outs])
        if float(lse.abs().max()) > 1e-2:
            causes.insert(
                0,
                "NLLLoss expects log-probabilities but the outputs are not (log-sum-exp per row is "
                f"{float(lse.mean()):.3f}, not 0): add log_softmax or use CrossEntropyLoss",
            )
            too_high = True
    if causes:
        evidence["likely_causes"] = causes
    if too_high:
        msg = f"loss at init {fmt(observed)} is far from the expected {fmt(expected)}" + (
            f": {causes[0]}" if causes else ""
        )
        return result(
            "initial_loss",
            "failed",
            msg,
            expected=expected_text,
            observed=observed_text,
            threshold=threshold,
            evidence=evidence,
        )
    msg = f"loss at init {observed:.4f}, expected about {expected:.4f}"
    if too_low:
        evidence["note"] = (
            "lower than an uninformed model at init: fine for pre-trained weights; otherwise look for "
            "targets leaking into the inputs"
        )
        msg += " (lower than uninformed: see note)"
    return result(
        "initial_loss",
        "passed",
        msg,
        expected=expected_text,
        observed=observed_text,
        threshold=threshold,
        evidence=evidence,
    )


def _initial_loss_causes(s, outs, stats, expected, observed):
    torch = s.torch
    causes = []
    unnormalised = stats and (abs(stats["mean"]) > UNNORMALISED_INPUT or stats["std"] > UNNORMALISED_INPUT)
    outputs = torch.cat([o.reshape(o.shape[0], -1) if s.kind != "multiclass" else s.flat(o, y)[0] for o, y in outs])
    if s.kind == "regression":
        ys = torch.cat([y.float().reshape(y.shape[0], -1) for _, y in outs])
        y_mean, y_std = float(ys.mean()), float(ys.std()) if ys.numel() > 1 else 0.0
        o_mean, o_std = float(outputs.mean()), float(outputs.std()) if outputs.numel() > 1 else 0.0
        offset = (y_mean - o_mean) ** 2
        if offset > max(o_std**2, y_std**2):
            causes.append(
                f"the targets are not centred (mean {y_mean:.4g}, std {y_std:.4g}) while the model starts near "
                f"{o_mean:.3g}: normalise the targets (subtract the mean, divide by the std) or set the output bias to their mean"
            )
        if o_std > 2 * max(y_std, 1e-8):
            causes.append(
                f"the initial outputs vary far more (std {o_std:.4g}) than the targets (std {y_std:.4g})"
                + (
                    f": the inputs look unnormalised (mean {stats['mean']:.4g}, std {stats['std']:.4g})"
                    if unnormalised
                    else ": the targets are on a tiny scale, or the init is too large"
                )
            )
        if not causes and unnormalised:
            causes.append(
                f"the inputs look unnormalised (mean {stats['mean']:.4g}, std {stats['std']:.4g}): standardise them"
            )
        return causes
    if unnormalised:
        causes.append(
            f"the inputs look unnormalised (mean {stats['mean']:.4g}, std {stats['std']:.4g}, range "
            f"{stats['min']:.4g}..{stats['max']:.4g}): standardise them to zero mean and unit variance"
        )
    width = outputs.shape[1] if outputs.dim() == 2 else 1
    bias = _output_bias(s, width)
    if (
        bias is not None
        and float(bias.max() - bias.min()) > 2.0
        or bias is not None
        and width == 1
        and float(bias.abs().max()) > 2.0
    ):
        top = int(bias.argmax())
        causes.append(
            f"an output bias: the output layer's bias ranges from {float(bias.min()):.3g} to {float(bias.max()):.3g}"
            + (f" (class {top} favoured for every input)" if width > 1 else "")
            + "; initialise it to 0 or to the log class frequencies"
        )
    elif width >= 2 and not unnormalised:
        class_means = outputs.mean(dim=0)
        spread = float(class_means.max() - class_means.min())
        if spread > 2.0 and spread > 2 * float((outputs - class_means).std()):
            causes.append(
                f"the outputs favour class {int(class_means.argmax())} for every input (mean logits per class "
                f"{float(class_means.min()):.3g}..{float(class_means.max()):.3g}): an output offset or bias"
            )
    drops = [
        (n, m.p) for n, m in s.model.named_modules() if isinstance(m, s.nn.modules.dropout._DropoutNd) and m.p >= 0.5
    ]
    if drops:
        causes.append(
            "dropout " + ", ".join(f"p={p:g} ({n})" for n, p in drops[:3]) + " scales the kept activations by "
            "1/(1-p) in training mode, inflating the logits"
        )
    if not causes:
        scale = float(outputs.std()) if outputs.numel() > 1 else float(outputs.abs().mean())
        causes.append(
            f"the logits are large at init (std {scale:.3g}): the last layer's weights start too large; use the "
            "default init or scale them down"
        )
    return causes


def _output_bias(s, width):
    """The bias of the last layer that has one of `width` outputs, if the model has one."""
    last = None
    for module in s.model.modules():
        bias = getattr(module, "bias", None)
        if (
            isinstance(bias, s.torch.Tensor)
            and bias.dim() == 1
            and bias.numel() == width
            and not isinstance(module, s.nn.modules.batchnorm._NormBase)
        ):
            last = bias
    return last.detach().float() if last is not None else None


def check_gradients_flow(s: Session):
    torch = s.torch
    s.reset()
    s.model.train()
    x, y = s.train[0]
    x = s.dev(x).clone()
    track_input = x.is_floating_point()
    if track_input:
        x.requires_grad_(True)
    out = s.model(x)
    loss = s.loss(out, s.dev(y))
    evidence = {"loss": float(loss.detach())}
    named = list(s.model.named_parameters())
    frozen = [n for n, p in named if not p.requires_grad]
    trainable = [(n, p) for n, p in named if p.requires_grad]
    evidence["parameters"] = {"trainable": len(trainable), "frozen": len(frozen)}
    if frozen:
        evidence["frozen"] = frozen[:50]
    threshold = (
        "every trainable parameter gets a finite, non-zero gradient from one backward pass; the loss depends "
        "on the inputs; sample i's output depends on no other sample (checked in eval mode)"
    )
    if not trainable:
        return result(
            "gradients_flow",
            "failed",
            f"no trainable parameters: all {len(frozen)} are frozen (requires_grad=False)",
            expected="trainable parameters with gradients",
            observed=f"0 trainable, {len(frozen)} frozen",
            threshold=threshold,
            evidence=evidence,
        )
    if not loss.requires_grad:
        return result(
            "gradients_flow",
            "failed",
            "the loss does not require grad: it was computed under torch.no_grad(), "
            "from .detach()/.item()/.data, or without touching a trainable parameter",
            expected="a loss connected to the parameters",
            observed="loss.requires_grad is False",
            threshold=threshold,
            evidence=evidence,
        )
    loss.backward()
    norms, missing, zero, nonfinite = {}, [], [], []
    for n, p in trainable:
        if p.grad is None:
            missing.append(n)
            continue
        g = p.grad.detach()
        if not bool(torch.isfinite(g).all()):
            nonfinite.append(n)
            norms[n] = "non-finite"
            continue
        norm = float(g.norm())
        norms[n] = norm
        if norm == 0.0:
            zero.append(n)
    evidence["grad_norms"] = {n: (round(v, 8) if isinstance(v, float) else v) for n, v in list(norms.items())[:60]}
    problems = []
    if missing:
        problems.append(
            f"{len(missing)} trainable parameter(s) got no gradient (unused in forward, or cut off by "
            f"detach()/.data/no_grad): {', '.join(missing[:8])}"
        )
        evidence["no_gradient"] = missing[:50]
    if zero:
        problems.append(f"{len(zero)} parameter(s) got an all-zero gradient: {', '.join(zero[:8])}")
        evidence["zero_gradient"] = zero[:50]
    if nonfinite:
        problems.append(f"{len(nonfinite)} parameter(s) got NaN/Inf gradients: {', '.join(nonfinite[:8])}")
        evidence["nonfinite_gradient"] = nonfinite[:50]
    if track_input:
        g = x.grad
        if g is None or float(g.abs().sum()) == 0.0:
            problem = _input_independence(s, x.detach())
            if problem:
                problems.append(problem)
            else:
                evidence["note"] = (
                    "no gradient reaches the inputs, but the outputs change with them: the input passes "
                    "through a non-differentiable step (round, argmax, integer cast) first"
                )
        else:
            mixing = _batch_mixing(s, x.detach())
            if mixing:
                problems.append(mixing)
    else:
        evidence["note"] = (
            f"inputs are {str(x.dtype).replace('torch.', '')} (not differentiable): the input-dependence checks were skipped"
        )
    s.reset()
    if problems:
        return result(
            "gradients_flow",
            "failed",
            "; ".join(problems),
            expected="finite, non-zero gradients for every trainable parameter",
            observed=problems[0],
            threshold=threshold,
            evidence=evidence,
        )
    values = [v for v in norms.values() if isinstance(v, float)]
    return result(
        "gradients_flow",
        "passed",
        f"all {len(trainable)} trainable parameters get finite, non-zero gradients "
        f"(norms {min(values):.3g}..{max(values):.3g})" + (f"; {len(frozen)} frozen" if frozen else ""),
        expected="finite, non-zero gradients for every trainable parameter",
        observed=f"{len(trainable)} of {len(trainable)} with gradients, norms {min(values):.3g}..{max(values):.3g}",
        threshold=threshold,
        evidence=evidence,
    )


def _input_independence(s, x):
    """None when the outputs change with the inputs, else the problem."""
    torch = s.torch
    s.model.eval()
    with torch.no_grad():
        a = s.model(x)
        other = torch.randn_like(x) * (float(x.std()) + 1.0) + float(x.mean())
        b = s.model(other)
    s.model.train()
    if a.shape == b.shape and bool((a == b).all()):
        return (
            "the outputs do not depend on the inputs: no gradient reaches them, and random inputs give identical "
            "outputs (the forward ignores its input, or multiplies it by zero)"
        )
    return None


def _batch_mixing(s, x):
    torch = s.torch
    if x.shape[0] < 2:
        return None
    s.model.eval()
    xi = x.clone().requires_grad_(True)
    try:
        out = s.model(xi)
        if not out.requires_grad or out.shape[0] != x.shape[0]:
            return None
        (g,) = torch.autograd.grad(out[0].sum(), xi, allow_unused=True)
    finally:
        s.model.train()
    if g is None:
        return None
    per_row = g.reshape(g.shape[0], -1).abs().sum(dim=1)
    others = (per_row[1:] > 0).nonzero().flatten()
    if others.numel() == 0:
        return None
    rows = (others + 1).tolist()[:8]
    return (
        f"sample 0's output depends on {others.numel()} other sample(s) of the batch (rows {rows}) even in eval mode: "
        "a view/reshape/transpose mixes the batch dimension"
    )


def _linear_fit(s, batches, steps=100):
    """A linear model on flattened, standardised inputs fitted with L-BFGS; returns predict(x) or (None, why)."""
    torch = s.torch
    xs = [x for x, _ in batches]
    if not all(x.is_floating_point() for x in xs):
        return None, "the inputs are not floating point (token ids?): a linear model on them means nothing"
    ref_out = s.model_out_shape
    if ref_out is None or len(ref_out) > 2:
        return None, f"the outputs have shape {ref_out}: a linear baseline is fitted only for (N, K) outputs"
    X = torch.cat([s.dev(x).float().reshape(x.shape[0], -1) for x in xs])
    if X.shape[1] > LINEAR_MAX_FEATURES:
        return None, f"{X.shape[1]} input features exceed the {LINEAR_MAX_FEATURES} a linear baseline is fitted on"
    Y = torch.cat([s.dev(y) for _, y in batches])
    mu = X.mean(dim=0)
    sd = X.std(dim=0) if X.shape[0] > 1 else torch.ones_like(mu)
    sd = torch.where(sd > 1e-8, sd, torch.ones_like(sd))
    Xs = (X - mu) / sd
    k = ref_out[1] if len(ref_out) == 2 else 1
    W = torch.zeros(X.shape[1], k, device=X.device, requires_grad=True)
    b = torch.zeros(k, device=X.device, requires_grad=True)
    if s.kind == "regression":
        b.data = Y.float().reshape(Y.shape[0], -1).mean(dim=0)
    squeeze = len(ref_out) == 1

    def raw(inp):
        z = inp @ W + b
        return z.squeeze(1) if squeeze else z

    def objective(z):
        if s.kind == "multiclass":
            target = Y.argmax(dim=1) if s.soft_targets else Y
            ignore = s.ignore_index if s.ignore_index is not None else -100
            return torch.nn.functional.cross_entropy(z, target.long(), ignore_index=ignore)
        if s.kind == "binary":
            return torch.nn.functional.binary_cross_entropy_with_logits(z, Y.float().reshape(z.shape))
        return torch.nn.functional.mse_loss(z, Y.float().reshape(z.shape))

    opt = torch.optim.LBFGS([W, b], lr=1, max_iter=steps, line_search_fn="strong_wolfe")

    def closure():
        opt.zero_grad()
        value = objective(raw(Xs)) + 1e-4 * (W**2).sum()
        value.backward()
        return value

    opt.step(closure)
    W.requires_grad_(False)
    b.requires_grad_(False)

    def predict(inp):
        z = raw((inp.float().reshape(inp.shape[0], -1) - mu) / sd)
        if s.kind == "multiclass" and s.loss_kind == "nll":
            return torch.log_softmax(z, dim=1)
        if s.kind == "binary" and s.loss_kind == "bce":
            return torch.sigmoid(z)
        return z

    return predict, None


def _overfit(s, x, y, make_optimizer, steps, label):
    """Train on one batch from the initial weights: (losses per step, eval-mode loss at the end, step it diverged at
    or None, the optimizer). Stops once the loss covers OVERFIT_GAP_CLOSED of the way to zero."""
    torch = s.torch
    s.reset()
    opt = make_optimizer()
    s.model.train()
    curve, diverged, target = [], None, None
    for step in range(steps):
        opt.zero_grad(set_to_none=True)
        loss = s.loss(s.model(x), y)
        value = float(loss.detach())
        curve.append(value)
        if not math.isfinite(value):
            diverged = step
            break
        if target is None:
            target = value - OVERFIT_GAP_CLOSED * abs(value)
        if value <= target:
            break
        loss.backward()
        opt.step()
        s.tick((step + 1) / steps, f"overfit_one_batch: {label} step {step + 1}/{steps}, loss {value:.4g}")
    s.model.eval()
    with torch.no_grad():
        eval_loss = float(s.loss(s.model(x), y))
    s.model.train()
    return curve, eval_loss, diverged, opt


def _best(curve, eval_loss):
    finite = [v for v in list(curve) + [eval_loss] if math.isfinite(v)]
    return min(finite) if finite else float("nan")


def check_overfit_one_batch(s: Session):
    torch = s.torch
    steps = int(s.cfg.get("overfit_steps", 200))
    x, y = s.train[0]
    n = min(x.shape[0], OVERFIT_MAX_SAMPLES)
    x, y = s.take(x, y, n)
    x, y = s.dev(x), s.dev(y)
    curve, eval_loss, diverged, opt = _overfit(s, x, y, s.make_optimizer, steps, "")
    initial = curve[0] if curve and math.isfinite(curve[0]) else None
    best = _best(curve, eval_loss)
    evidence = {
        "samples": n,
        "steps_run": len(curve),
        "optimizer": s.optimizer_text(opt),
        "initial_loss": initial,
        "best_train_mode_loss": min([v for v in curve if math.isfinite(v)], default=float("nan")),
        "final_eval_mode_loss": eval_loss,
        "curve": _downsample(list(enumerate(curve)), 50),
    }
    threshold = (
        f"the loss (training or eval mode) must close {OVERFIT_GAP_CLOSED:.0%} of the gap from its start to zero "
        f"within {steps} steps (for a model no more expressive than a linear one: the gap to what a linear model "
        "reaches on the batch). When your optimizer is slower, a default Adam(lr=1e-3) decides whether the model "
        f"can memorise the batch; your optimizer must then at least lower the loss by {STUCK_FRACTION:.0%}"
    )
    if initial is None:
        s.reset()
        return result(
            "overfit_one_batch",
            "failed",
            f"the loss is {curve[0] if curve else 'missing'} before any step",
            expected="a finite loss",
            observed=str(curve[0] if curve else None),
            threshold=threshold,
            evidence=evidence,
        )
    target = initial - OVERFIT_GAP_CLOSED * abs(initial)
    expected = f"a loss of at most {fmt(target)} ({100 - OVERFIT_GAP_CLOSED * 100:.0f}% of the start {fmt(initial)}) within {steps} steps"
    if diverged is not None:
        s.reset()
        return result(
            "overfit_one_batch",
            "failed",
            f"the loss became {curve[-1]} at step {diverged}: training diverges "
            "(learning rate too high, or a log/division of zero in the loss)",
            expected=expected,
            observed=f"{curve[-1]} at step {diverged}",
            threshold=threshold,
            evidence=evidence,
        )
    observed = f"best {fmt(best)} after {len(curve)} step(s) (training mode {fmt(evidence['best_train_mode_loss'])}, eval mode {fmt(eval_loss)})"
    reached = best <= target
    memorised_by = evidence["optimizer"]
    if not reached and s.optimizer_factory is not None:
        # is it the model or the optimizer? the same batch with a default Adam
        ref_curve, ref_eval, ref_div, ref_opt = _overfit(
            s,
            x,
            y,
            lambda: torch.optim.Adam([p for p in s.model.parameters() if p.requires_grad], lr=1e-3),
            steps,
            "Adam(1e-3)",
        )
        ref_best = _best(ref_curve, ref_eval)
        evidence["reference"] = {
            "optimizer": "Adam(lr=1e-3) (default)",
            "steps_run": len(ref_curve),
            "best": ref_best,
            "diverged_at": ref_div,
        }
        if ref_div is None and ref_best <= target:
            moved = best <= initial - STUCK_FRACTION * abs(initial)
            s.reset()
            if moved:
                evidence["note"] = (
                    f"with your optimizer the loss fell from {fmt(initial)} to {fmt(best)} in {steps} steps; a "
                    f"default Adam(lr=1e-3) memorised the batch in {len(ref_curve)} steps: your learning rate "
                    "may be low for a quick start (try the lr range test)"
                )
                return result(
                    "overfit_one_batch",
                    "passed",
                    f"the model memorises one batch of {n} (Adam(1e-3): "
                    f"{fmt(initial)} -> {fmt(ref_best)} in {len(ref_curve)} steps); with {evidence['optimizer']} the "
                    f"loss falls more slowly ({fmt(initial)} -> {fmt(best)} in {steps})",
                    expected=expected,
                    observed=observed,
                    threshold=threshold,
                    evidence=evidence,
                )
            cause = (
                f"the model can memorise the batch (a default Adam(1e-3) reached {fmt(ref_best)} in {len(ref_curve)} "
                f"steps) but with your optimizer, {evidence['optimizer']}, the loss did not move ({fmt(initial)} -> "
                f"{fmt(best)}): its learning rate is far too small, or it does not hold the model's parameters; try "
                "1e-5..1e-1 (lr range test)"
            )
            evidence["likely_causes"] = [cause]
            return result(
                "overfit_one_batch",
                "failed",
                f"could not overfit one batch of {n} with your optimizer: {cause}",
                expected=expected,
                observed=observed,
                threshold=threshold,
                evidence=evidence,
            )
        if ref_best < best:
            best, memorised_by = ref_best, "Adam(lr=1e-3) (default)"
    passed = reached
    if not passed:
        predict, why = _linear_fit(s, [(x, y)], steps=200)
        if predict is not None:
            with torch.no_grad():
                ref = float(s.loss(predict(x), y))
            evidence["linear_model_loss_on_batch"] = ref
            relaxed = ref + (1 - OVERFIT_GAP_CLOSED) * (initial - ref)
            if ref > target and best <= relaxed:
                passed = True
                evidence["note"] = (
                    f"the batch cannot be memorised by a linear model either (it reaches {ref:.4g}); "
                    f"the model reached {best:.4g}, within {100 - OVERFIT_GAP_CLOSED * 100:.0f}% of that gap"
                )
    s.reset()
    if passed:
        return result(
            "overfit_one_batch",
            "passed",
            f"one batch of {n} memorised: loss {fmt(initial)} -> {fmt(best)} in "
            f"{len(curve)} step(s) with {memorised_by}",
            expected=expected,
            observed=observed,
            threshold=threshold,
            evidence=evidence,
        )
    causes = []
    if abs(best - initial) <= STUCK_FRACTION * abs(initial):
        causes.append(
            f"the loss did not move: the gradients are zero or do not reach the weights (see gradients_flow), "
            f"or the learning rate is far too small ({evidence['optimizer']})"
        )
    if s.probabilities:
        c = s.num_classes or 2
        floor = -1 + math.log(math.e + c - 1)
        causes.append(
            f"the outputs are probabilities (softmax before {s.loss_name}, which applies log-softmax itself): the "
            f"loss cannot fall below about {floor:.3f} with {c} classes; return raw logits"
        )
    drops = [
        (name, m.p)
        for name, m in s.model.named_modules()
        if isinstance(m, torch.nn.modules.dropout._DropoutNd) and m.p >= 0.5
    ]
    if drops:
        causes.append(
            "dropout " + ", ".join(f"p={p:g} ({name})" for name, p in drops[:3]) + " is too strong to fit even one "
            "batch; lower it"
        )
    if not causes:
        causes.append(
            "the model cannot fit one batch even with a default Adam(1e-3): check the loss against the labels "
            "and the outputs, and the model's capacity"
        )
    evidence["likely_causes"] = causes
    return result(
        "overfit_one_batch",
        "failed",
        f"could not overfit one batch of {n}: loss {fmt(initial)} -> best {fmt(best)}, "
        f"needs {fmt(target)}: {causes[0]}",
        expected=expected,
        observed=observed,
        threshold=threshold,
        evidence=evidence,
    )


def _downsample(points, limit):
    if len(points) <= limit:
        return [[a, b] for a, b in points]
    stride = (len(points) - 1) / (limit - 1)
    return [list(points[round(i * stride)]) for i in range(limit)]


def _split_holdout(s):
    if s.val is not None:
        return s.train, s.val, "val_loader"
    if len(s.train) >= 2:
        k = max(1, int(round(len(s.train) * HOLDOUT_FRACTION)))
        return s.train[:-k], s.train[-k:], f"the last {k} of {len(s.train)} training batches (no val_loader)"
    x, y = s.train[0]
    k = max(1, int(round(x.shape[0] * HOLDOUT_FRACTION)))
    if x.shape[0] - k < 1:
        return None, None, "a single training sample: nothing to hold out"
    fit, held = s.split_batch(x, y, k)
    return [fit], [held], f"the last {k} samples of the only training batch (no val_loader)"


def _labels(s: Session, y):
    """Class labels of a target batch, flattened (soft targets: their argmax)."""
    return y.argmax(dim=1) if s.soft_targets else y.reshape(-1)


def check_beats_baseline(s: Session):
    torch = s.torch
    fit_on, held, source = _split_holdout(s)
    if fit_on is None:
        return result("beats_baseline", "skipped", f"no data to measure on: {source}")
    steps = int(s.cfg.get("train_steps", 200))
    evidence = {"measured_on": source, "train_steps": steps}
    # trivial baseline
    Ytr = torch.cat([y for _, y in fit_on])
    if s.kind == "multiclass":
        labels = torch.cat([_labels(s, y0) for _, y0 in fit_on])
        labels = labels[s.valid(labels) & (labels >= 0)].long().flatten()
        counts = torch.bincount(labels, minlength=s.num_classes or 0).float()
        majority = int(counts.argmax())
        priors = (counts + 1e-12) / counts.sum()
        trivial_name = f"majority class ({majority})" + (" per token" if s.layout and s.layout["positions"] > 1 else "")
        c = priors.numel()
        axis = s.layout["axis"] if s.layout else 1
        x0 = s.train[0][0]
        # one row per token when the scores come flattened: the rows follow the tokens of the input, not its samples
        per_token_rows = bool(s.model_out_shape) and len(s.model_out_shape) == 2 and s.model_out_shape[0] != x0.shape[0]
        tokens_per_row = x0.numel() / s.model_out_shape[0] if per_token_rows else 1.0

        def trivial(inp):
            shape = list(s.model_out_shape)
            shape[0] = int(round(inp.numel() / tokens_per_row)) if per_token_rows else inp.shape[0]
            view = [1] * len(shape)
            view[axis] = c
            logits = torch.log(priors).to(inp.device).reshape(view).expand(shape).clone()
            return torch.log_softmax(logits, dim=axis) if s.loss_kind == "nll" else logits
    elif s.kind == "binary":
        rate = float((Ytr.float() > 0.5).float().mean())
        trivial_name = f"majority label ({int(rate >= 0.5)})"
        logit = math.log(max(rate, 1e-6) / max(1 - rate, 1e-6))

        def trivial(inp):
            out_shape = (inp.shape[0],) + tuple(s.model_out_shape[1:])
            value = 1 / (1 + math.exp(-logit)) if s.loss_kind == "bce" else logit
            return torch.full(out_shape, value, device=inp.device)
    else:
        mean = Ytr.float().mean(dim=0)
        trivial_name = "the training targets' mean"

        def trivial(inp):
            return mean.to(inp.device).unsqueeze(0).expand((inp.shape[0],) + tuple(mean.shape)).clone()

    base = s.evaluate(held, trivial)
    evidence["trivial"] = {"name": trivial_name, **base}
    s.tick(0.1, "beats_baseline: linear model")
    predict, why = _linear_fit(s, fit_on)
    linear = s.evaluate(held, predict) if predict is not None else None
    evidence["linear"] = linear if linear is not None else {"skipped": why}
    # the model after a short training
    s.reset()
    opt = s.make_optimizer()
    s.model.train()
    diverged = None
    for step in range(steps):
        xb, yb = fit_on[step % len(fit_on)]
        opt.zero_grad(set_to_none=True)
        loss = s.loss(s.model(s.dev(xb)), s.dev(yb))
        if not math.isfinite(float(loss.detach())):
            diverged = step
            break
        loss.backward()
        opt.step()
        s.tick(0.2 + 0.8 * (step + 1) / steps, f"beats_baseline: training step {step + 1}/{steps}")
    s.model.eval()
    model = s.evaluate(held, s.model)
    s.model.train()
    s.reset()
    evidence["model"] = {"optimizer": s.optimizer_text(opt), **model}
    if diverged is not None:
        return result(
            "beats_baseline",
            "failed",
            f"training diverged (non-finite loss at step {diverged})",
            expected="a finite loss",
            observed=f"non-finite at step {diverged}",
            evidence=evidence,
        )
    if s.kind == "regression":
        need = BEAT_REG_RATIO * base["mse"]
        passed = model["mse"] <= need
        threshold = (
            f"the model's MSE must be at most {BEAT_REG_RATIO:g} x the mean predictor's (R^2 >= "
            f"{1 - BEAT_REG_RATIO:.2f}) after {steps} training steps"
        )
        expected = f"MSE <= {fmt(need)}"
        observed = f"model MSE {fmt(model['mse'])}, mean predictor {fmt(base['mse'])}" + (
            f", linear {fmt(linear['mse'])}" if linear else ""
        )
        worse_than_linear = linear is not None and model["mse"] > linear["mse"] / BEAT_REG_RATIO
    else:
        p = base["accuracy"]
        # tokens or pixels of one sample are not independent draws: the standard error counts samples
        positions = s.layout["positions"] if s.layout else 1
        margin = max(BEAT_MIN_MARGIN, 2 * math.sqrt(max(p * (1 - p), 1e-12) / max(base["n"] // max(positions, 1), 1)))
        need = p + margin
        passed = model["accuracy"] >= need
        threshold = (
            f"the accuracy must beat the majority baseline by max({BEAT_MIN_MARGIN}, 2 binomial standard errors) = "
            f"{margin:.3f} after {steps} training steps; the linear model is reported for comparison"
        )
        expected = f"accuracy >= {need:.3f}"
        observed = f"model {model['accuracy']:.3f}, {trivial_name} {p:.3f}" + (
            f", linear {linear['accuracy']:.3f}" if linear else ""
        )
        worse_than_linear = linear is not None and model["accuracy"] < linear["accuracy"] - margin
    if worse_than_linear:
        evidence["note"] = (
            "the model does worse than a linear model on the flattened inputs after this short training: "
            "it may need longer training or a different learning rate; if it stays behind, suspect the architecture"
        )
    if passed:
        return result(
            "beats_baseline",
            "passed",
            f"after {steps} steps the model beats the trivial baseline: {observed}",
            expected=expected,
            observed=observed,
            threshold=threshold,
            evidence=evidence,
        )
    return result(
        "beats_baseline",
        "failed",
        f"after {steps} steps the model does not beat the trivial baseline: {observed} "
        "(labels that do not match their inputs, or training that does not change the model)",
        expected=expected,
        observed=observed,
        threshold=threshold,
        evidence=evidence,
    )


def _sample_target(s: Session, batch, r):
    x, y = batch
    if s.token_targets and x.dim() >= 2:
        return y.reshape(x.shape[0], -1)[r]
    return y[r]


def check_train_val_overlap(s: Session):
    if s.val is None:
        return result(
            "train_val_overlap",
            "skipped",
            "no val_loader to compare with",
            evidence={"note": "beats_baseline holds out part of the training batches instead"},
        )
    seen = {}
    n_train = 0
    for b, (x, _) in enumerate(s.train):
        for r, row in enumerate(_row_bytes(x)):
            seen.setdefault(hashlib.blake2b(row, digest_size=16).digest(), (b, r))
            n_train += 1
    hits = []
    n_val = 0
    for b, (x, y) in enumerate(s.val):
        for r, row in enumerate(_row_bytes(x)):
            n_val += 1
            where = seen.get(hashlib.blake2b(row, digest_size=16).digest())
            if where is not None:
                hits.append({"val": [b, r], "train": list(where)})
    for hit in hits[:10]:
        ty = _sample_target(s, s.train[hit["train"][0]], hit["train"][1])
        vy = _sample_target(s, s.val[hit["val"][0]], hit["val"][1])
        hit["same_target"] = bool((ty.cpu() == vy.cpu()).all()) if ty.shape == vy.shape else False
    evidence = {
        "train_samples_hashed": n_train,
        "val_samples_hashed": n_val,
        "batches_scanned": {"train_loader": len(s.train), "val_loader": len(s.val)},
        "method": "blake2b of each sample's input tensor bytes: exact duplicates",
    }
    near, near_how = leaks.near_duplicates(s, {tuple(h["val"]) for h in hits})
    if near_how:
        evidence["near_duplicates_method"] = near_how
    if s.train_loader is s.val_loader:
        evidence["same_loader_object"] = True
    elif getattr(s.train_loader, "dataset", None) is not None and getattr(s.train_loader, "dataset", None) is getattr(
        s.val_loader, "dataset", object()
    ):
        evidence["same_dataset_object"] = True
    threshold = (
        "any sample in both fails, exactly or as a near-duplicate: validation scores on seen samples overstate "
        "generalisation"
    )
    if not hits and not near and not evidence.get("same_loader_object") and not evidence.get("same_dataset_object"):
        return result(
            "train_val_overlap",
            "passed",
            f"no sample of {n_val} validation samples appears among {n_train} training samples"
            + (" (nor a near-duplicate)" if near_how else ""),
            expected="0 shared samples",
            observed="0 shared samples",
            threshold=threshold,
            evidence=evidence,
        )
    evidence["examples"] = hits[:10]
    frac = len(hits) / max(n_val, 1)
    parts = []
    if hits:
        parts.append(f"{len(hits)} of {n_val} validation samples ({frac:.1%}) also appear in the training batches")
    if near:
        evidence["near_duplicates"] = near[:10]
        parts.append(
            f"{len(near)} of {n_val} validation samples ({len(near) / max(n_val, 1):.1%}) are near-duplicates of "
            f"training samples ({near_how})"
        )
    what = "; ".join(parts)
    if evidence.get("same_loader_object"):
        what += "; train_loader and val_loader are the same object"
    elif evidence.get("same_dataset_object"):
        what += "; both loaders read the same dataset object"
    return result(
        "train_val_overlap",
        "failed",
        what.lstrip("; "),
        expected="0 shared samples",
        observed=f"{len(hits)} shared, {len(near)} near-duplicate(s) "
        f"({(len(hits) + len(near)) / max(n_val, 1):.1%} of validation)",
        threshold=threshold,
        evidence=evidence,
    )


def check_lr_range_test(s: Session):
    steps = int(s.cfg.get("lr_steps", 100))
    s.reset()
    opt = s.make_optimizer()
    if opt is None:
        return result("lr_range_test", "skipped", "no trainable parameters")
    user_lr = opt.param_groups[0].get("lr")
    s.model.train()
    ratio = (LR_MAX / LR_MIN) ** (1 / max(steps - 1, 1))
    curve, raw, smooth, best = [], [], 0.0, float("inf")
    stop = "reached the top of the range"
    for k in range(steps):
        lr = LR_MIN * ratio**k
        for group in opt.param_groups:
            group["lr"] = lr
        xb, yb = s.train[k % len(s.train)]
        opt.zero_grad(set_to_none=True)
        loss = s.loss(s.model(s.dev(xb)), s.dev(yb))
        value = float(loss.detach())
        if not math.isfinite(value):
            stop = f"the loss became {value} at lr {lr:.2e}"
            break
        raw.append(value)
        smooth = LR_SMOOTHING * smooth + (1 - LR_SMOOTHING) * value
        smoothed = smooth / (1 - LR_SMOOTHING ** (k + 1))
        curve.append((lr, smoothed))
        best = min(best, smoothed)
        if k > 10 and smoothed > LR_DIVERGE * best:
            stop = f"the smoothed loss exceeded {LR_DIVERGE:g} x its best at lr {lr:.2e}"
            break
        loss.backward()
        opt.step()
        s.tick((k + 1) / steps, f"lr_range_test: lr {lr:.1e}, loss {smoothed:.4g}")
    s.reset()
    evidence = {
        "range": [LR_MIN, LR_MAX],
        "steps_run": len(curve),
        "stopped": stop,
        "optimizer": type(opt).__name__,
        "your_lr": user_lr if s.optimizer_factory is not None else None,
        "curve": [[float(f"{a:.3e}"), round(b, 6)] for a, b in _downsample(curve, 50)],
    }
    threshold = (
        f"some rate in {LR_MIN:g}..{LR_MAX:g} must lower the smoothed loss (EMA {LR_SMOOTHING}) by "
        f"{LR_MIN_DROP:.0%} from its start; the suggestion is the rate of steepest descent before the minimum"
    )
    if len(curve) < 5:
        return result(
            "lr_range_test",
            "failed",
            f"the test stopped after {len(curve)} step(s): {stop}",
            expected="a falling loss somewhere in the range",
            observed=stop,
            threshold=threshold,
            evidence=evidence,
        )
    # the first rates barely move the weights: their mean loss is the reference, robust to one easy first batch
    start = sum(raw[:LR_REFERENCE_STEPS]) / len(raw[:LR_REFERENCE_STEPS])
    low_i = min(range(len(curve)), key=lambda i: curve[i][1])
    if not curve[low_i][1] <= (1 - LR_MIN_DROP) * start:
        return result(
            "lr_range_test",
            "failed",
            f"no learning rate in {LR_MIN:g}..{LR_MAX:g} lowered the loss by "
            f"{LR_MIN_DROP:.0%} within {len(curve)} steps (start {start:.4g}, best {curve[low_i][1]:.4g})",
            expected=f"a drop of {LR_MIN_DROP:.0%}",
            observed=f"best {curve[low_i][1]:.4g} from {start:.4g}",
            threshold=threshold,
            evidence=evidence,
        )
    w = 3
    slopes = []
    for i in range(w, low_i + 1):
        d = (curve[i][1] - curve[i - w][1]) / (math.log10(curve[i][0]) - math.log10(curve[i - w][0]))
        slopes.append((d, i - w // 2))
    suggested = curve[min(slopes)[1]][0] if slopes else curve[low_i][0] / 10
    evidence["suggested_lr"] = suggested
    evidence["min_loss_lr"] = curve[low_i][0]
    message = f"suggested learning rate {suggested:.2e} (steepest descent; loss lowest at {curve[low_i][0]:.2e})"
    if isinstance(user_lr, float) and s.optimizer_factory is not None and user_lr > 0:
        factor = suggested / user_lr
        if factor > 100 or factor < 0.01:
            message += f"; your optimizer's lr {user_lr:.2e} is {factor:.3g} x off it"
    return result(
        "lr_range_test",
        "passed",
        message,
        expected=f"a falling loss somewhere in {LR_MIN:g}..{LR_MAX:g}",
        observed=f"loss {start:.4g} -> {curve[low_i][1]:.4g}",
        threshold=threshold,
        evidence=evidence,
    )


CHECK_FUNCTIONS = {
    "data_finite": check_data_finite,
    "shapes": check_shapes,
    "initial_loss": check_initial_loss,
    "gradients_flow": check_gradients_flow,
    "overfit_one_batch": check_overfit_one_batch,
    "beats_baseline": check_beats_baseline,
    "label_leak": lambda s: leaks.check_label_leak(s, result),
    "train_val_overlap": check_train_val_overlap,
    "lr_range_test": check_lr_range_test,
}
NEEDS_FORWARD = ("initial_loss", "gradients_flow", "overfit_one_batch", "beats_baseline", "label_leak", "lr_range_test")
NEEDS_TRAINING = ("overfit_one_batch", "beats_baseline", "lr_range_test")


def plan(names) -> list:
    """The order checks run in: data_finite and shapes feed the others, so they run (silently) even when not asked for."""
    wanted = [n for n in CHECKS if n in names]
    return ["data_finite", "shapes"] + [n for n in wanted if n not in ("data_finite", "shapes")]


def run_checks(s: Session, names) -> dict:
    timings = {}
    wanted = [n for n in CHECKS if n in names]
    order = plan(names)
    s.progress_done = 1.0
    for name in order:
        s.tick(0.0, f"running {name}", force=True)
        skip = None
        if name in NEEDS_FORWARD:
            if s.train_nonfinite:
                skip = "the training batches hold NaN/Inf values (see data_finite): fix the data first"
            elif s.forward_problem:
                skip = f"needs a forward pass and loss that fit the targets (shapes failed: {s.forward_problem[:200]})"
            elif name in NEEDS_TRAINING and not any(p.requires_grad for p in s.model.parameters()):
                skip = "the model has no trainable parameters (see gradients_flow)"
        start = s.clock()
        if skip:
            res = result(name, "skipped", skip)
        else:
            try:
                res = CHECK_FUNCTIONS[name](s)
            except EntrypointError:
                raise
            except (KeyboardInterrupt, SystemExit):
                raise
            except BaseException as e:
                if is_out_of_memory(e):
                    raise OutOfMemory(f"{name}: {type(e).__name__}: {str(e).strip()[:300]}") from None
                res = result(
                    name,
                    "error",
                    f"{name} could not run: {type(e).__name__}: {str(e).strip()[:300]}",
                    evidence={"traceback": entrypoint.user_traceback(e)},
                )
                try:
                    s.reset()
                except Exception:
                    pass
        res["seconds"] = round(s.clock() - start, 4)
        timings[name] = res["seconds"]
        if name in wanted or res["status"] in ("failed", "error"):
            # an unrequested prerequisite that failed is reported: the checks it holds back say "see shapes"
            s.channel.emit("check", result=res)
        s.progress_done += 1.0
        s.tick(0.0, f"{name}: {res['status']}", force=True)
    return timings


def _device(torch, requested: str):
    available = bool(torch.cuda.is_available())
    if requested == "cuda" and not available:
        build = torch.version.cuda or "none: a CPU-only build"
        raise EntrypointError(
            "device",
            f"device 'cuda' was requested but torch.cuda.is_available() is False in "
            f"{sys.executable} (torch {torch.__version__}, CUDA {build}); use device 'auto' or 'cpu'",
        )
    if requested == "cpu" or not available:
        return torch.device("cpu"), None, available
    device = torch.device("cuda", torch.cuda.current_device())
    torch.zeros(1, device=device)  # creates the context now, so its cost is not charged to a check
    torch.cuda.synchronize(device)
    return device, torch.cuda.get_device_name(device), available


def run(cfg: dict, channel) -> int:
    timings = {}
    t0 = time.perf_counter()
    try:
        import torch
    except ImportError as e:
        channel.emit(
            "error",
            stage="probe",
            kind="missing_torch",
            message=f"torch cannot be imported in {sys.executable}: {e}; "
            "install torch there, or name the interpreter that has it (tool input 'interpreter' or 'python' in "
            "experiment-runner.yaml)",
            traceback=[],
        )
        return 2
    timings["import_torch"] = round(time.perf_counter() - t0, 4)
    device, name, available = _device(torch, cfg.get("device", "auto"))
    torch.ones(64, 64) @ torch.ones(
        64, 64
    )  # starts the CPU thread pool before the cap: its stacks are not the user's memory
    memory = {"mode": "none"}
    if cfg.get("memory_mb"):
        if device.type == "cuda":
            # RLIMIT_AS breaks CUDA's large virtual reservations: the server's RSS watchdog enforces the cap instead.
            rss = runtime._status_kb("VmRSS")
            memory = {"mode": "watchdog", "rss_mb": round((rss or 0) / 1024, 1), "headroom_mb": cfg["memory_mb"]}
        else:
            cap = runtime.cap_memory(cfg["memory_mb"])
            memory = (
                {"mode": "address-space", **cap, "headroom_mb": cfg["memory_mb"]}
                if cap
                else {"mode": "watchdog", "headroom_mb": cfg["memory_mb"]}
            )
    channel.emit(
        "device",
        device=str(device),
        name=name or "CPU",
        requested=cfg.get("device", "auto"),
        cuda_available=available,
        torch=torch.__version__,
        threads=torch.get_num_threads(),
        memory=memory,
    )
    names = cfg.get("checks") or [c for c in CHECKS if c != "lr_range_test"]
    unknown = [n for n in names if n not in CHECKS]
    if unknown:
        raise EntrypointError("probe", f"unknown check(s) {unknown}; valid: {', '.join(CHECKS)}")
    total = float(len(plan(names)) + 1)
    seed = int(cfg.get("seed", 0))
    random.seed(seed)
    torch.manual_seed(seed)
    channel.progress(0.1, total, "loading the entrypoint", force=True)
    t = time.perf_counter()
    built = entrypoint.load_build(cfg["entrypoint"], cfg["workdir"])
    timings["build"] = round(time.perf_counter() - t, 4)
    channel.progress(0.5, total, "reading batches", force=True)
    t = time.perf_counter()
    s = Session(built, device, cfg, channel, torch)
    s.progress_total = total
    timings["read_batches"] = round(time.perf_counter() - t, 4)
    # the first optimizer step imports more of torch (about a second): pay it here, not inside a check's timing
    t = time.perf_counter()
    warm = torch.nn.Parameter(torch.zeros(1))
    warm.grad = torch.ones(1)
    torch.optim.Adam([warm]).step()
    timings["optimizer_warmup"] = round(time.perf_counter() - t, 4)
    channel.emit(
        "loaded",
        loss=s.loss_name,
        train_batches=len(s.train),
        val_batches=len(s.val) if s.val is not None else None,
        optimizer="yours" if s.optimizer_factory is not None else "default Adam(lr=1e-3)",
        extra_keys=s.extra_keys,
    )
    timings.update(run_checks(s, names))
    channel.emit("task", task=s.kind, loss=s.loss_name, num_classes=s.num_classes, notes=s.notes)
    timings["probe_total"] = round(time.perf_counter() - t0, 4)
    channel.emit("done", timings=timings)
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="experiment-runner sanity-check probe")
    parser.add_argument("--events-fd", type=int, default=None)
    parser.add_argument("--events-path", default=None)
    parser.add_argument("--config", required=True, help="JSON object")
    args = parser.parse_args(argv)
    channel = (
        runtime.Channel.from_fd(args.events_fd)
        if args.events_fd is not None
        else runtime.Channel.to_path(args.events_path)
    )
    cfg = json.loads(args.config)
    # the probe folder must not shadow user modules named like ours (sanity, entrypoint, runtime)
    here = os.path.dirname(os.path.abspath(__file__))
    sys.path[:] = [p for p in sys.path if os.path.realpath(p or ".") != here]
    runtime.watch_deadline(cfg.get("deadline"))
    channel.emit(
        "hello", probe="sanity", version=1, python=sys.version.split()[0], executable=sys.executable, pid=os.getpid()
    )
    try:
        return run(cfg, channel)
    except EntrypointError as e:
        channel.emit("error", stage=e.stage, kind="entrypoint", message=e.message, traceback=e.traceback_tail)
        return 2
    except OutOfMemory as e:
        channel.emit("error", stage="checks", kind="out_of_memory", message=str(e), traceback=[])
        return 3
    except BaseException as e:
        if is_out_of_memory(e):
            channel.emit(
                "error",
                stage="build",
                kind="out_of_memory",
                message=f"{type(e).__name__}: {str(e)[:300]}",
                traceback=entrypoint.user_traceback(e),
            )
            return 3
        import traceback

        channel.emit(
            "error",
            stage="probe",
            kind="internal",
            message=f"{type(e).__name__}: {e}",
            traceback=traceback.format_exception(type(e), e, e.__traceback__)[-20:],
        )
        return 4


if __name__ == "__main__":
    sys.exit(main())
