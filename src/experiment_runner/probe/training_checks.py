"""The checks that train: overfit_one_batch (the model can memorise one small batch), beats_baseline (a short
training beats the trivial predictor; a linear model is reported beside it) and lr_range_test (a learning rate in
1e-5..1e-1 lowers the loss; the steepest descent is suggested). Each starts from the initial weights and restores
them."""

from __future__ import annotations

import math
from typing import Any, Callable

from .results import fmt, result
from .session import Batch, Session
from .thresholds import (
    BEAT_MIN_MARGIN,
    BEAT_REG_RATIO,
    HOLDOUT_FRACTION,
    LINEAR_MAX_FEATURES,
    LR_DIVERGE,
    LR_MAX,
    LR_MIN,
    LR_MIN_DROP,
    LR_REFERENCE_STEPS,
    LR_SMOOTHING,
    OVERFIT_GAP_CLOSED,
    OVERFIT_MAX_SAMPLES,
    STUCK_FRACTION,
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
    evidence: dict[str, Any] = {
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
    expected = (
        f"a loss of at most {fmt(target)} ({100 - OVERFIT_GAP_CLOSED * 100:.0f}% of the start {fmt(initial)}) "
        f"within {steps} steps"
    )
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
    observed = (
        f"best {fmt(best)} after {len(curve)} step(s) (training mode {fmt(evidence['best_train_mode_loss'])}, "
        f"eval mode {fmt(eval_loss)})"
    )
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


def _split_holdout(s: Session) -> tuple[list[Batch] | None, list[Batch] | None, str]:
    """(batches to fit on, batches to measure on, where the measuring ones come from)."""
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


def _majority_class(s: Session, fit_on: list[Batch], out_shape: tuple[int, ...]) -> tuple[str, Callable]:
    """The training labels' frequencies as constant logits, in the outputs' layout (per sample, token or pixel)."""
    torch = s.torch
    labels = torch.cat([_labels(s, y0) for _, y0 in fit_on])
    labels = labels[s.valid(labels) & (labels >= 0)].long().flatten()
    counts = torch.bincount(labels, minlength=s.num_classes or 0).float()
    majority = int(counts.argmax())
    priors = (counts + 1e-12) / counts.sum()
    name = f"majority class ({majority})" + (" per token" if s.layout and s.layout["positions"] > 1 else "")
    c = priors.numel()
    axis = s.layout["axis"] if s.layout else 1
    x0 = s.train[0][0]
    # one row per token when the scores come flattened: the rows follow the tokens of the input, not its samples
    per_token_rows = len(out_shape) == 2 and out_shape[0] != x0.shape[0]
    tokens_per_row = x0.numel() / out_shape[0] if per_token_rows else 1.0

    def predict(inp):
        shape = list(out_shape)
        shape[0] = int(round(inp.numel() / tokens_per_row)) if per_token_rows else inp.shape[0]
        view = [1] * len(shape)
        view[axis] = c
        logits = torch.log(priors).to(inp.device).reshape(view).expand(shape).clone()
        return torch.log_softmax(logits, dim=axis) if s.loss_kind == "nll" else logits

    return name, predict


def _majority_label(s: Session, fit_on: list[Batch], out_shape: tuple[int, ...]) -> tuple[str, Callable]:
    """The rate of positive training labels as a constant output (a probability for BCELoss, else a logit)."""
    torch = s.torch
    rate = float((torch.cat([y for _, y in fit_on]).float() > 0.5).float().mean())
    logit = math.log(max(rate, 1e-6) / max(1 - rate, 1e-6))
    value = 1 / (1 + math.exp(-logit)) if s.loss_kind == "bce" else logit

    def predict(inp):
        return torch.full((inp.shape[0],) + tuple(out_shape[1:]), value, device=inp.device)

    return f"majority label ({int(rate >= 0.5)})", predict


def _mean_target(s: Session, fit_on: list[Batch]) -> tuple[str, Callable]:
    mean = s.torch.cat([y for _, y in fit_on]).float().mean(dim=0)

    def predict(inp):
        return mean.to(inp.device).unsqueeze(0).expand((inp.shape[0],) + tuple(mean.shape)).clone()

    return "the training targets' mean", predict


def _short_training(s: Session, fit_on: list[Batch], steps: int) -> tuple[Any, int | None]:
    """Train from the initial weights for `steps` steps over the batches: (the optimizer, the step the loss became
    non-finite at, or None). The model is left trained: the caller evaluates it, then resets."""
    s.reset()
    opt = s.make_optimizer()
    s.model.train()
    for step in range(steps):
        xb, yb = fit_on[step % len(fit_on)]
        opt.zero_grad(set_to_none=True)
        loss = s.loss(s.model(s.dev(xb)), s.dev(yb))
        if not math.isfinite(float(loss.detach())):
            return opt, step
        loss.backward()
        opt.step()
        s.tick(0.2 + 0.8 * (step + 1) / steps, f"beats_baseline: training step {step + 1}/{steps}")
    return opt, None


def check_beats_baseline(s: Session):
    fit_on, held, source = _split_holdout(s)
    if fit_on is None or held is None:
        return result("beats_baseline", "skipped", f"no data to measure on: {source}")
    out_shape = s.model_out_shape
    if out_shape is None:  # shapes runs first and records it whenever the forward pass worked
        return result("beats_baseline", "skipped", "the model's outputs were not seen (see shapes)")
    steps = int(s.cfg.get("train_steps", 200))
    evidence: dict[str, Any] = {"measured_on": source, "train_steps": steps}
    if s.kind == "multiclass":
        trivial_name, trivial = _majority_class(s, fit_on, out_shape)
    elif s.kind == "binary":
        trivial_name, trivial = _majority_label(s, fit_on, out_shape)
    else:
        trivial_name, trivial = _mean_target(s, fit_on)
    base = s.evaluate(held, trivial)
    evidence["trivial"] = {"name": trivial_name, **base}
    s.tick(0.1, "beats_baseline: linear model")
    predict, why = _linear_fit(s, fit_on)
    linear = s.evaluate(held, predict) if predict is not None else None
    evidence["linear"] = linear if linear is not None else {"skipped": why}
    opt, diverged = _short_training(s, fit_on, steps)
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
    evidence: dict[str, Any] = {
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
