"""Health signals for a run, computed incrementally as metrics, output and telemetry arrive.

Which metric is which comes from the one metric vocabulary (metrics/vocabulary.py):
- Loss-like (for NaN/Inf): any loss, main or component (`loss`, `val_loss`, `train/loss_step`, `kl_loss`,
  `loss_cls`), not scales and weights (`loss_scale`, `loss_weight`).
- Training loss: the main training loss seen first; one the vocabulary ranks higher replaces it when it appears
  later (nanoGPT's eval-time `train loss` gives way to its per-iteration `loss`; HuggingFace's end-of-training
  `train_loss` summary never replaces `loss`; Lightning's `train_loss_step` beats `train_loss_epoch`).
  Validation loss: the main validation (else test) loss, the same way.
- Gradient norm: a name the vocabulary gives the grad_norm role (grad_norm, gradient_norm, gnorm, total_norm,
  train/grad_norm ...).

Rules (W = runs.health_window values, F = runs.health_flat_window values; the loss is judged by its rolling
median over the last W values, so per-batch noise and single spikes do not count):
- nan_loss (critical): a loss-like value is NaN or +-Inf; remembers the first step (`nan_step()`).
- loss_diverging (critical): after 2W values, the rolling median (judged every W/5 values) stays, for two
  judgements in a row, above its best by more than max(diverge_ratio * |best|, 1/4 of the drop from the
  start to the best, 3 noise deviations measured when the best was set), and is not falling. Cleared when
  it comes back under half that margin.
- loss_flat: after F values, no meaningful improvement from the start: the median of the last F/2 values is
  below the median of the first max(W, F/4) by less than 1% of it (runs.health_min_improvement) and less
  than one standard error of the difference: warning (it stays until the improvement clears that bar by two
  more standard errors). Or, later, the best has not improved by that 1% for F values while the loss is
  still above half its starting level (a stall before much was learned): info. A plateau far below the
  start (convergence) raises nothing.
- grad_norm_exploding (warning): the median of the last 5 gradient norms exceeds grad_norm_factor times the
  median of the W values before them, or 3 of the last 5 are NaN/Inf (single non-finite norms are normal
  with fp16 loss scaling).
- val_rising (warning): 3 or more validation evaluations since its minimum, the last 3 all above that
  minimum by max(5%, 3 noise deviations), while the training loss median fell by over 1% since the minimum;
  the onset step is the minimum's step.
- low_gpu_util (warning): the assigned GPUs averaged under low_gpu_util_percent over the last low_gpu_util_s
  seconds, all after training started (first metric; or, with no metrics, 2 windows after the first sample).
- no_output (warning): no output and no metric for silence_warn_s (from the last output, else the start).
- heartbeat_lost is the engine's (it watches the supervisor); this module never raises it.

Memory is bounded (ring buffers of W + 5 values, a few dozen validation points, one telemetry window);
each record costs O(W). Not thread-safe: feed it from one thread.
"""

from __future__ import annotations

import math
import time
from collections import deque

from experiment_runner.metrics import vocabulary
from experiment_runner.runs.metricsio import RESERVED
from experiment_runner.runs.model import HealthSignal

__all__ = ["HealthMonitor", "is_grad_norm_name", "is_loss_like"]

_LOSSLIKE, _GRAD = 1, 2
_SHORT = 5  # recent gradient norms compared with their usual level
_NO_RANK = 1 << 20


def is_loss_like(name: str) -> bool:
    return vocabulary.is_loss_like(name)


def is_grad_norm_name(name: str) -> bool:
    return vocabulary.is_grad_norm(name)


def _train_rank(name: str) -> int:
    rank = vocabulary.train_loss_rank(name)
    return _NO_RANK if rank is None else rank


def _val_rank(name: str) -> int:
    rank = vocabulary.eval_loss_rank(name)
    return _NO_RANK if rank is None else rank


def _median(values) -> float:
    ordered = sorted(values)
    n = len(ordered)
    mid = n // 2
    return ordered[mid] if n % 2 else (ordered[mid - 1] + ordered[mid]) / 2


def _sigma(values, centre: float) -> float:
    """Robust standard deviation (scaled median absolute deviation)."""
    return 1.4826 * _median([abs(v - centre) for v in values])


def _fmt(value: float) -> str:
    if not math.isfinite(value):
        return str(value)
    return f"{value:.4g}"


def _at(step: int | None, index: int) -> str:
    return f"step {step}" if step is not None else f"value #{index}"


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    if seconds < 120:
        return f"{seconds} s"
    if seconds < 7200:
        return f"{seconds // 60} min {seconds % 60} s"
    return f"{seconds // 3600} h {seconds % 3600 // 60} min"


class _LossSeries:
    """One loss curve: rolling median, best, start level, improvement anchor, divergence state. The median
    is re-judged every `stride` values (W/5): plenty for curves, and five times less work per record."""

    def __init__(self, name: str, window: int, flat_window: int, diverge_ratio: float, min_improvement: float):
        self.name = name
        self.window = window
        self.stride = max(1, window // 5)
        self.diverge_ratio = diverge_ratio
        self.min_improvement = min_improvement
        self.values: deque[float] = deque(maxlen=window)
        # for 'flat from the start': the first max(W, F/4) values, and the last F/2
        self.early: list[float] = []
        self.early_size = max(window, flat_window // 4)
        self.recent: deque[float] = deque(maxlen=max(window, flat_window // 2))
        self.medians: deque[float] = deque(maxlen=window // (2 * self.stride) + 1)  # to tell rising from falling
        self.n = 0
        self.start: float | None = None  # median of the first W values: the level training started from
        self.median = math.nan
        self.step: int | None = None
        self.best = math.inf
        self.best_step: int | None = None
        self.best_index = 0
        self.best_sigma = 0.0  # noise (robust sd of raw values) around the time of the best
        self.sigma_index = 0
        self.anchor = math.inf  # last level that counted as a meaningful improvement
        self.anchor_index = 0
        self.above = 0  # consecutive judgements over the divergence margin
        self.diverged: tuple | None = None  # (best, best_step, best_index, median, step, index, margin)

    def add(self, value: float, step: int | None) -> None:
        self.n = n = self.n + 1
        self.values.append(value)
        self.recent.append(value)
        if n <= self.early_size:
            self.early.append(value)
        self.step = step
        if n % self.stride and n != self.window:
            return
        if n < 5:
            return
        median = _median(self.values)
        self.median = median
        self.medians.append(median)
        if self.start is None:
            if n < self.window:
                return
            self.start = median
            self.anchor = median
            self.anchor_index = n
        if median < self.best:
            self.best = median
            self.best_step = step
            self.best_index = n
            if n - self.sigma_index >= self.window // 2 or self.sigma_index == 0:  # noise changes slowly
                self.best_sigma = _sigma(self.values, median)
                self.sigma_index = n
        if median < self.anchor - self.min_improvement * max(abs(self.start), 1e-12):
            self.anchor = median
            self.anchor_index = n
        # divergence
        if n < 2 * self.window:
            return
        margin = max(self.diverge_ratio * abs(self.best), 0.25 * (self.start - self.best), 3 * self.best_sigma, 1e-12)
        rise = median - self.best
        if self.diverged is not None:
            if rise < margin / 2:
                self.diverged = None
                self.above = 0
            else:
                self.diverged = self.diverged[:3] + (median, step, n, margin)
            return
        if rise > margin:
            self.above += 1
        else:
            self.above = 0
        if self.above * self.stride >= max(3, self.window // 5) and self.above >= 2 and median >= self.medians[0]:
            self.diverged = (self.best, self.best_step, self.best_index, median, step, n, margin)

    def standard_error(self) -> float:
        return _median_and_se(self.values)[1]


def _median_and_se(values) -> tuple[float, float]:
    """Median and its standard error (1.2533 sd / sqrt(n) for roughly normal noise, sd from the MAD)."""
    centre = _median(values)
    return centre, 1.2533 * _sigma(values, centre) / math.sqrt(len(values))


class HealthMonitor:
    """Incremental health of one run. observe_* as data arrive (now = Unix time); signals(now) at any time."""

    def __init__(self, runs_config, *, started_at: float | None = None):
        cfg = runs_config
        self._window = int(cfg.health_window)
        self._flat_window = int(cfg.health_flat_window)
        self._min_improvement = float(cfg.health_min_improvement)
        self._diverge_ratio = float(cfg.health_diverge_ratio)
        self._grad_factor = float(cfg.health_grad_norm_factor)
        self._gpu_percent = float(cfg.low_gpu_util_percent)
        self._gpu_s = float(cfg.low_gpu_util_s)
        self._silence_s = float(cfg.silence_warn_s)
        self._roles: dict[str, int] = {}
        self._ranks: dict[str, tuple[int, int]] = {}  # loss names: (training-loss rank, validation-loss rank)
        self._plans: dict[tuple, tuple] = {}  # observe_batch: per record shape, its roled names and loss picks
        self._train: _LossSeries | None = None
        self._val: deque[tuple] = deque(maxlen=64)  # (value, step, index, train median then)
        self._val_name: str | None = None
        self._val_n = 0
        self._val_best: tuple | None = None
        self._val_since_best = 0
        self._grad_name: str | None = None
        self._grad: deque[float] = deque(maxlen=self._window + _SHORT)
        self._grad_bad: deque[bool] = deque(maxlen=_SHORT)
        self._grad_n = 0
        self._grad_state: tuple | None = None  # (short median, baseline, step, non_finite)
        self._nan: tuple | None = None  # (name, value, step, index, last finite value in words)
        self._loss_values = 0
        self._started = started_at
        self._last_activity: float | None = None
        self._first_metric: float | None = None
        self._first_sample: float | None = None
        self._gpu: deque[tuple] = deque()  # (time, mean util, {index: util})
        self._since: dict[str, float] = {}

    # -- inputs -------------------------------------------------------------------------------------------
    def observe_output(self, now: float) -> None:
        """Any bytes of output arrived."""
        self._last_activity = now
        if self._started is None:
            self._started = now

    def observe_metrics(self, record: dict, now: float) -> None:
        """One metric record ({"step": int | None, name: float, ...}; "time" is ignored)."""
        self._last_activity = now
        if self._started is None:
            self._started = now
        if self._first_metric is None:
            self._first_metric = now
        step = record.get("step")
        train_value = val_value = None
        train_rank = val_rank = _NO_RANK
        roles = self._roles
        for name, value in record.items():
            role = roles.get(name)
            if role is None:
                role = self._role(name)
            if not role or not isinstance(value, (int, float)):
                continue
            if role & _LOSSLIKE:
                self._loss_values += 1
                if self._nan is None and not math.isfinite(value):
                    self._nan = (name, float(value), step, self._loss_values, self._last_finite(name))
                    self._raise("nan_loss", now)
                rank = self._ranks[name][0]
                if rank < train_rank:
                    train_rank, train_name, train_value = rank, name, value
                rank = self._ranks[name][1]
                if rank < val_rank:
                    val_rank, val_name, val_value = rank, name, value
            if role & _GRAD:
                self._observe_grad(name, float(value), step, now)
        if train_value is not None:
            self._observe_train(train_name, float(train_value), step, now)
        if val_value is not None:
            self._observe_val(val_name, float(val_value), step, now)

    def observe_batch(self, records: list[dict], now: float) -> None:
        """observe_metrics for each record in order, with the same effect, at less cost per record: the names
        that have a role, and which of them is the training and the validation loss, are worked out once per
        record shape (its keys). A record with a non-numeric value where a role is goes through observe_metrics."""
        if not records:
            return
        self._last_activity = now
        if self._started is None:
            self._started = now
        if self._first_metric is None:
            self._first_metric = now
        plans = self._plans
        isfinite = math.isfinite
        for r in records:
            keys = tuple(r)
            plan = plans.get(keys)
            if plan is None:
                plan = self._plan(keys)
            roled, train_name, val_name = plan
            for name, _ in roled:
                if type(r[name]) is not float and not isinstance(r[name], (int, float)):
                    break
            else:
                step = r.get("step")
                for name, role in roled:
                    if role & _LOSSLIKE:
                        self._loss_values += 1
                        if self._nan is None and not isfinite(r[name]):
                            self._nan = (name, float(r[name]), step, self._loss_values, self._last_finite(name))
                            self._raise("nan_loss", now)
                    if role & _GRAD:
                        self._observe_grad(name, float(r[name]), step, now)
                if train_name is not None:
                    self._observe_train(train_name, float(r[train_name]), step, now)
                if val_name is not None:
                    self._observe_val(val_name, float(r[val_name]), step, now)
                continue
            self.observe_metrics(r, now)

    def _plan(self, keys: tuple) -> tuple:
        roles = self._roles
        roled = []
        train_name = val_name = None
        for name in keys:
            role = roles.get(name)
            if role is None:
                role = self._role(name)
            if not role:
                continue
            roled.append((name, role))
            if role & _LOSSLIKE:
                train, val = self._ranks[name]
                if train < _NO_RANK and (train_name is None or train < self._ranks[train_name][0]):
                    train_name = name
                if val < _NO_RANK and (val_name is None or val < self._ranks[val_name][1]):
                    val_name = name
        plan = (tuple(roled), train_name, val_name)
        if len(self._plans) > 1024:  # a run inventing names per line must not grow memory without bound
            self._plans.clear()
        self._plans[keys] = plan
        return plan

    def observe_telemetry(self, sample: dict, now: float) -> None:
        """One TelemetrySampler sample; only GPU utilisation matters here."""
        if self._started is None:
            self._started = now
        if self._first_sample is None:
            self._first_sample = now
        gpus = sample.get("gpus")
        if not isinstance(gpus, list):
            return
        utils = {
            g.get("index"): float(g["util_percent"])
            for g in gpus
            if isinstance(g, dict) and isinstance(g.get("util_percent"), (int, float))
        }
        if not utils:
            return
        self._gpu.append((now, sum(utils.values()) / len(utils), utils))
        horizon = now - self._gpu_s - 60
        while self._gpu and self._gpu[0][0] < horizon:
            self._gpu.popleft()

    # -- outputs ------------------------------------------------------------------------------------------
    def nan_step(self) -> int | None:
        """The step at which a loss-like metric first became NaN/Inf (None if never, or if it had no step)."""
        return self._nan[2] if self._nan is not None else None

    def nan_detected(self) -> bool:
        """Whether a loss-like metric became NaN/Inf, with or without a step (HuggingFace and Keras lines have
        none: use this, not `nan_step() is not None`, to decide on stopping)."""
        return self._nan is not None

    def signals(self, now: float) -> list[HealthSignal]:
        out: list[HealthSignal] = []
        if self._nan is not None:
            name, value, step, index, last = self._nan
            out.append(
                self._signal(
                    "nan_loss", "critical", f"{name} became {value} at {_at(step, index)}{last}", step, None, now
                )
            )
        train = self._train
        if train is not None and train.diverged is not None:
            best, best_step, best_index, median, step, index, margin = train.diverged
            out.append(self._signal(
                "loss_diverging", "critical",
                f"{train.name} rose from {_fmt(best)} ({_at(best_step, best_index)}) to {_fmt(median)} "
                f"({_at(step, index)}), rolling median of {self._window} values; it is diverging "
                f"(rise {_fmt(median - best)} > margin {_fmt(margin)})",
                step, median, now,
            ))  # fmt: skip
        else:
            self._clear("loss_diverging")
        flat = self._flat(now)
        if flat is not None:
            out.append(flat)
        else:
            self._clear("loss_flat")
        if self._grad_state is not None:
            short, baseline, step, non_finite = self._grad_state
            if non_finite:
                text = (
                    f"{self._grad_name} was NaN/Inf in {non_finite} of the last {_SHORT} values (at "
                    f"{_at(step, self._grad_n)})"
                )
            else:
                text = (
                    f"{self._grad_name} jumped to {_fmt(short)} (median of the last {_SHORT}, at "
                    f"{_at(step, self._grad_n)}) "
                    f"from a usual {_fmt(baseline)}: {short / baseline:.0f}x"
                )
            out.append(
                self._signal("grad_norm_exploding", "warning", text, step, short if math.isfinite(short) else None, now)
            )
        else:
            self._clear("grad_norm_exploding")
        val = self._val_signal(now)
        if val is not None:
            out.append(val)
        else:
            self._clear("val_rising")
        gpu = self._gpu_signal(now)
        if gpu is not None:
            out.append(gpu)
        else:
            self._clear("low_gpu_util")
        silent = self._silence_signal(now)
        if silent is not None:
            out.append(silent)
        else:
            self._clear("no_output")
        return out

    # -- internals ----------------------------------------------------------------------------------------
    def _role(self, name: str) -> int:
        if name in RESERVED:
            role = 0
        else:
            role = (_LOSSLIKE if is_loss_like(name) else 0) | (_GRAD if is_grad_norm_name(name) else 0)
        if len(self._roles) > 4096:  # a run inventing names per step must not grow memory without bound
            self._roles.clear()
            self._ranks.clear()
        self._roles[name] = role
        if role & _LOSSLIKE:
            self._ranks[name] = (_train_rank(name), _val_rank(name))
        return role

    def _last_finite(self, name: str) -> str:
        series = self._train
        if series is not None and series.name == name and series.n:
            return f"; its last finite value was {_fmt(series.values[-1])} at {_at(series.step, series.n)}"
        if name == self._val_name and self._val:
            value, step, index, _ = self._val[-1]
            return f"; its last finite value was {_fmt(value)} at {_at(step, index)}"
        return ""

    def _raise(self, code: str, now: float) -> None:
        self._since.setdefault(code, now)

    def _clear(self, code: str) -> None:
        self._since.pop(code, None)

    def _signal(self, code, severity, message, step, value, now) -> HealthSignal:
        since = self._since.setdefault(code, now)
        return HealthSignal(code=code, severity=severity, message=message, step=step, value=value, since=since)

    def _observe_train(self, name: str, value: float, step, now: float) -> None:
        train = self._train
        if train is None or (name != train.name and _train_rank(name) < _train_rank(train.name)):
            train = self._train = _LossSeries(
                name, self._window, self._flat_window, self._diverge_ratio, self._min_improvement
            )
        elif name != train.name:
            return
        if not math.isfinite(value):
            return
        was = train.diverged
        train.add(value, step)
        if train.diverged is not None and was is None:
            self._raise("loss_diverging", now)

    def _observe_val(self, name: str, value: float, step, now: float) -> None:
        if self._val_name is None or (name != self._val_name and _val_rank(name) < _val_rank(self._val_name)):
            self._val_name = name
            self._val.clear()
            self._val_n = 0
            self._val_best = None
            self._val_since_best = 0
        elif name != self._val_name:
            return
        if not math.isfinite(value):
            return
        self._val_n += 1
        train = self._train
        train_level = train.median if train is not None and train.n >= 5 else math.nan
        point = (value, step, self._val_n, train_level)
        self._val.append(point)
        if self._val_best is None or value < self._val_best[0]:
            self._val_best = point
            self._val_since_best = 0
        else:
            self._val_since_best += 1

    def _val_signal(self, now: float) -> HealthSignal | None:
        best = self._val_best
        if best is None or self._val_since_best < 3 or len(self._val) < 4:
            return None
        best_value, best_step, best_index, train_then = best
        recent = list(self._val)[-3:]
        values = [p[0] for p in self._val]
        jumps = [abs(b - a) for a, b in zip(values, values[1:])][-16:]
        noise = _median(jumps) / 0.954 if jumps else 0.0  # iid noise: median |difference| = 0.954 sd
        tol = max(0.05 * abs(best_value), 3 * noise, 1e-12)
        if min(p[0] for p in recent) <= best_value + tol:
            return None
        train = self._train
        if train is None or train.n < 5 or not math.isfinite(train_then):
            return None
        train_now = train.median
        if not train_now < train_then - 0.01 * abs(train_then):
            return None
        last_value, last_step, last_index, _ = recent[-1]
        return self._signal(
            "val_rising", "warning",
            f"{self._val_name} has risen since {_at(best_step, best_index)} (its minimum, {_fmt(best_value)}) to "
            f"{_fmt(last_value)} at {_at(last_step, last_index)} over {self._val_since_best} evaluations, while "
            f"{train.name} fell from {_fmt(train_then)} to {_fmt(train_now)}: the model is overfitting",
            best_step, last_value, now,
        )  # fmt: skip

    def _flat(self, now: float) -> HealthSignal | None:
        train = self._train
        if train is None or train.start is None or train.n < self._flat_window:
            return None
        start = train.start
        early, early_se = _median_and_se(train.early)
        recent, recent_se = _median_and_se(train.recent)
        # flat when the improvement is under both the minimum and one standard error of the difference; once
        # raised, it stays until the improvement is clearly above that (no flapping on noise)
        se = math.hypot(early_se, recent_se)
        bar = max(self._min_improvement * abs(early), se, 1e-12)
        if "loss_flat" in self._since:
            bar += 2 * se
        if early - recent < bar:
            return self._signal(
                "loss_flat", "warning",
                f"{train.name} has not improved since the start: median {_fmt(early)} over the first "
                f"{len(train.early)} values, {_fmt(recent)} over the last {len(train.recent)} (at "
                f"{_at(train.step, train.n)}, {train.n} values); "
                "check the learning rate, that gradients reach the parameters, and the labels",
                train.step, train.median, now,
            )  # fmt: skip
        stalled_for = train.n - train.anchor_index
        if stalled_for >= self._flat_window and start > 0 and train.best > 0.5 * start:
            return self._signal(
                "loss_flat", "info",
                f"{train.name} stalled at {_fmt(train.anchor)}: no improvement beyond "
                f"{self._min_improvement:.0%} of its starting level ({_fmt(start)}) for the last {stalled_for} values "
                f"(since value #{train.anchor_index}), while still above half its starting level",
                train.step, train.median, now,
            )  # fmt: skip
        return None

    def _observe_grad(self, name: str, value: float, step, now: float) -> None:
        if self._grad_name is None:
            self._grad_name = name
        elif name != self._grad_name:
            return
        self._grad_n += 1
        finite = math.isfinite(value)
        self._grad_bad.append(not finite)
        bad = sum(self._grad_bad)
        if bad >= 3:
            self._grad_state = (math.inf, math.nan, step, bad)
            self._raise("grad_norm_exploding", now)
            return
        if not finite:
            return
        self._grad.append(value)
        state = self._grad_state
        if len(self._grad) < self._window + _SHORT:  # the deque's maxlen
            if state is not None and state[3]:
                self._grad_state = None
            return
        values = list(self._grad)
        short = _median(values[-_SHORT:])
        if state is not None and not state[3]:
            baseline = state[1]  # frozen while raised, so the explosion does not become the new usual
            if short < baseline * self._grad_factor / 2:
                self._grad_state = None
            else:
                self._grad_state = (short, baseline, step, 0)
            return
        baseline = _median(values[:-_SHORT])
        if baseline > 0 and short > self._grad_factor * baseline:
            self._grad_state = (short, baseline, step, 0)
            self._raise("grad_norm_exploding", now)
        else:
            self._grad_state = None

    def _gpu_signal(self, now: float) -> HealthSignal | None:
        if not self._gpu:
            return None
        if self._first_metric is not None:
            eligible = self._first_metric
        else:
            eligible = (self._first_sample or now) + 2 * self._gpu_s
        start = max(eligible, now - self._gpu_s)
        samples = [s for s in self._gpu if s[0] >= start]
        # the samples must cover the whole window, all of it after training started
        if not samples or now - self._gpu_s < eligible or samples[0][0] - start > max(15.0, 0.1 * self._gpu_s):
            return None
        mean = sum(s[1] for s in samples) / len(samples)
        if mean >= self._gpu_percent:
            return None
        per_gpu: dict = {}
        for _, _, utils in samples:
            for index, util in utils.items():
                per_gpu.setdefault(index, []).append(util)
        detail = ", ".join(
            f"GPU {i}: {sum(v) / len(v):.0f}%" for i, v in sorted(per_gpu.items(), key=lambda kv: str(kv[0]))
        )
        return self._signal(
            "low_gpu_util", "warning",
            f"GPU utilisation averaged {mean:.0f}% over the last {_duration(self._gpu_s)} ({detail}) while the run "
            "trains: it looks input-bound (data loading or CPU preprocessing is the bottleneck); try more "
            "DataLoader workers, pin_memory, a larger batch, or preprocessing on the GPU",
            None, mean, now,
        )  # fmt: skip

    def _silence_signal(self, now: float) -> HealthSignal | None:
        last = self._last_activity
        reference = last if last is not None else self._started
        if reference is None or now - reference < self._silence_s:
            return None
        stamp = time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime(reference))
        what = f"since the last output at {stamp}" if last is not None else f"since the run started at {stamp}"
        self._since.setdefault("no_output", reference + self._silence_s)
        return self._signal(
            "no_output", "warning",
            f"no output for {_duration(now - reference)} ({what}); the run may be hung (deadlock, stuck data "
            "loader, waiting on a lock or the network) or just quiet",
            None, now - reference, now,
        )  # fmt: skip
