"""The loaded entrypoint on its device, the batches read once, the initial weights, and what the first forward pass
taught about the task (set by shapes.py): the state every sanity check reads. Also how a loss is recognised."""

from __future__ import annotations

import time
from typing import Any, Literal, Tuple, get_args

from . import entrypoint
from .results import fmt

#: how a loss reads the outputs (cross-entropy on logits, on log-probabilities, ...), known from its name
LossKind = Literal["ce", "nll", "bce_logits", "bce", "mse", "robust", "other"]
#: the task the first forward pass showed (shapes.py decides it from the loss, the targets and `task`)
TaskKind = Literal["multiclass", "binary", "regression"]
TASK_KINDS: tuple[TaskKind, ...] = get_args(TaskKind)
#: one batch as the checks hold it: (inputs, targets) tensors (typing.Tuple: this line runs, on Python 3.8 too)
Batch = Tuple[Any, Any]

LOSS_KINDS: dict[str, LossKind] = {
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


class OutOfMemory(Exception):
    pass


def is_out_of_memory(exc: BaseException) -> bool:
    if isinstance(exc, MemoryError) or type(exc).__name__ == "OutOfMemoryError":
        return True
    text = str(exc)
    return isinstance(exc, RuntimeError) and ("can't allocate memory" in text or "out of memory" in text.lower())


def loss_kind(loss_fn) -> tuple[LossKind, str]:
    import functools

    f = loss_fn
    while isinstance(f, functools.partial):
        f = f.func
    for name in (type(f).__name__, getattr(f, "__name__", None)):
        if name in LOSS_KINDS:
            return LOSS_KINDS[name], name
    return "other", getattr(f, "__name__", None) or type(f).__name__


def ignore_index_of(loss_fn) -> int | None:
    """The ignore_index a loss was given (a module's attribute, a functools.partial keyword), or None."""
    import functools

    f = loss_fn
    while isinstance(f, functools.partial):
        if "ignore_index" in f.keywords:
            return f.keywords["ignore_index"]
        f = f.func
    value = getattr(f, "ignore_index", None)
    return value if isinstance(value, int) else None


class Session:
    """The loaded entrypoint on its device, the batches read once, the initial weights, and what the first
    forward pass taught about the task. Every check that trains starts from the initial weights."""

    def __init__(self, built: dict[str, Any], device, cfg: dict[str, Any], channel, torch):
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
        self.train: list[Batch] = entrypoint.take_batches(self.train_loader, "train_loader", limit)
        self.val: list[Batch] | None = (
            entrypoint.take_batches(self.val_loader, "val_loader", limit) if self.val_loader is not None else None
        )
        self.initial_state = {k: v.detach().clone() for k, v in self.model.state_dict().items()}
        self.kind: TaskKind | None = None  # set by the shapes analysis
        self.loss_kind, self.loss_name = loss_kind(self.loss_fn)
        self.num_classes: int | None = None
        self.soft_targets = False
        self.probabilities = False
        self.forward_problem: str | None = None  # why loss-based checks cannot run, when they cannot
        self.train_nonfinite = False
        self.notes: list[str] = []
        self.model_out_shape: tuple[int, ...] | None = None
        # how classification outputs line up with their targets: name, axis, classes, positions, decided_by
        self.layout: dict[str, Any] | None = None
        self.last_layer = None  # the module that made the outputs (a forward hook saw it run last)
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
