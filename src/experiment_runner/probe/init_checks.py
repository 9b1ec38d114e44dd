"""The checks on the model at initialisation, before any training step: initial_loss (the loss against what an
uninformed model scores, with the likely causes when it is far off) and gradients_flow (every trainable
parameter gets a finite, non-zero gradient; the outputs depend on the inputs and on no other sample)."""

from __future__ import annotations

import math
from typing import Any

from .results import fmt, result
from .session import Session
from .thresholds import (
    INIT_BATCHES,
    INIT_CLS_TOL_ABS,
    INIT_CLS_TOL_REL,
    INIT_LOW_FRACTION,
    INIT_REG_MAX_RATIO,
    UNNORMALISED_INPUT,
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
    evidence: dict[str, Any] = {
        "per_batch": [round(v, 6) for v in losses],
        "batches": len(losses),
        "loss": s.loss_name,
        "task": s.kind,
    }
    stats = _input_stats(s)
    if stats:
        evidence["inputs"] = {k: round(v, 4) for k, v in stats.items()}
    if s.kind in ("multiclass", "binary"):
        per = " per token" if s.layout and s.layout["positions"] > 1 else ""
        if s.loss_kind in ("ce", "nll") or (s.kind == "binary" and s.loss_kind in ("bce", "bce_logits")):
            # shapes sets num_classes for every multiclass model whose forward pass fits (else this check is skipped)
            n = s.num_classes if s.kind == "multiclass" and s.num_classes else 2
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
            f"fails above expected + max({INIT_CLS_TOL_ABS}, {INIT_CLS_TOL_REL:.0%} of expected) = "
            f"{expected + tol:.4f}: small random logits add only about std^2/2 to the uniform loss"
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
                f"{o_mean:.3g}: normalise the targets (subtract the mean, divide by the std) or set the output bias to "
                "their mean"
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
    evidence: dict[str, Any] = {"loss": float(loss.detach())}
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
    norms: dict[str, float | str] = {}
    missing: list[str] = []
    zero: list[str] = []
    nonfinite: list[str] = []
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
    problems: list[str] = []
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
            f"inputs are {str(x.dtype).replace('torch.', '')} (not differentiable): the input-dependence checks were "
            "skipped"
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
