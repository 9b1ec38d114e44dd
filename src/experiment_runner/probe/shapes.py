"""The shapes check, and what the first forward pass shows about the task: classification or regression, the class
axis and layout (per sample, per token, per pixel), padding, the class count, outputs that are probabilities.
The other checks read what it finds from the session."""

from __future__ import annotations

import math
from typing import Any

from . import entrypoint
from .entrypoint import EntrypointError
from .results import result
from .session import Session, is_out_of_memory


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
    problems: list[str] = []
    evidence: dict[str, Any] = {}
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
