"""Leaks by construction, for the sanity-check probe (runs inside the user's Python: torch + stdlib only, 3.8+).

label_leak: the targets must not be computable from the inputs alone by a trivial map:
  - per-sample targets: a target column equal to an input feature (or, for regression, an exact affine function of
    one), the targets a permutation of the input features, a class label that is a function of one input feature;
    targets equal to the inputs, feature for feature, are a reconstruction (an autoencoder's) and pass with a note;
  - token targets: the targets are the inputs themselves at the same positions (not shifted); and when they are the
    next tokens, the output at a position must not change when only later tokens change (a causal model);
  - dense targets (one label per pixel): the label map equal to an input channel.
near_duplicates (part of train_val_overlap): validation samples within a small distance of a training sample.
Every threshold is a named constant, and each result states the one it used."""

from __future__ import annotations

import math
from typing import Any

from .results import result
from .session import Session

#: at most this many training samples are read into the leak checks
LEAK_MAX_SAMPLES = 4096
#: fewer samples than this say nothing about a map from inputs to targets
LEAK_MIN_SAMPLES = 16
#: token targets equal to the inputs at this fraction of the positions are the inputs, not shifted
SAME_POSITION_FRACTION = 0.99
#: token targets equal to the next input token at this fraction of the positions are next-token targets
NEXT_TOKEN_FRACTION = 0.9
#: a feature whose distinct values number at most this fraction of the samples can carry a label through a lookup
LOOKUP_MAX_DISTINCT = 0.25
#: |correlation| at least this is an exact affine map
AFFINE_CORRELATION = 1 - 1e-6
#: near-duplicate: within this fraction of the median distance from a training sample to its nearest other one
NEAR_DUP_FRACTION = 0.05
#: near-duplicate token sequences: at least this fraction of positions equal (and not all)
NEAR_DUP_TOKENS = 0.95
#: inputs with more features than this are projected to PROJECT_DIM dimensions (distances kept within a few %)
PROJECT_DIM = 256
NEAR_MAX_TRAIN = 2048
NEAR_MAX_VAL = 1024

FIX_LEAK = (
    "Make the inputs carry no copy of the target: drop the feature that holds the label (an id, an encoded target, "
    "a column computed from the label), shift language-model targets by one (targets[t] = inputs[t + 1]), and mask "
    "attention to later positions (a causal mask) so that a position cannot see the token it predicts."
)


def _inputs_targets(s: Session):
    torch = s.torch
    xs, ys, n = [], [], 0
    for x, y in s.train:
        xs.append(x.detach().cpu())
        ys.append(y.detach().cpu())
        n += x.shape[0]
        if n >= LEAK_MAX_SAMPLES:
            break
    return torch.cat(xs), torch.cat(ys), n


def check_label_leak(s: Session) -> dict:
    x, y, n = _inputs_targets(s)
    if n < LEAK_MIN_SAMPLES:
        return result("label_leak", "skipped", f"only {n} training samples: too few to tell a map from chance")
    evidence: dict[str, Any] = {"samples": n, "inputs": list(x.shape), "targets": list(y.shape)}
    tokens = not x.is_floating_point() and y.numel() == x.numel() and not y.is_floating_point()
    if tokens and x.dim() >= 2:
        return _token_leak(s, x, y.reshape(x.shape), evidence)
    if s.layout and s.layout["positions"] > 1 and x.dim() >= 3:
        return _dense_leak(s, x, y, evidence)
    if y.shape[0] != x.shape[0]:
        return result(
            "label_leak", "skipped", "targets are not one per sample or per token: not compared", evidence=evidence
        )
    X = x.reshape(n, -1).double()
    Y = y.reshape(n, -1).double()
    found, note = _column_maps(s, X, Y, evidence)
    threshold = (
        "fails when a target column equals an input feature on every training sample (regression: an exact affine "
        f"map, |r| >= {AFFINE_CORRELATION}), or a class label is a function of one feature with at most "
        f"{LOOKUP_MAX_DISTINCT:.0%} distinct values (on every training sample, and on validation where given)"
    )
    if found:
        evidence["maps"] = found[:10]
        return result(
            "label_leak",
            "failed",
            found[0]["what"] + ": the target can be read off the inputs without any learning",
            expected="targets not computable from one input feature",
            observed=found[0]["what"],
            threshold=threshold,
            evidence=evidence,
            fix=FIX_LEAK,
        )
    if note:
        evidence["note"] = note
    return result(
        "label_leak",
        "passed",
        "no target is an input feature, an affine map of one, or a lookup of one" + (f" ({note})" if note else ""),
        expected="targets not computable from one input feature",
        observed="none found",
        threshold=threshold,
        evidence=evidence,
    )


def _column_maps(s: Session, X, Y, evidence):
    torch = s.torch
    n, f = X.shape
    k = Y.shape[1]
    found = []
    equal = [(X == Y[:, c : c + 1]).all(dim=0).nonzero().flatten().tolist() for c in range(k)]
    if k == f and k > 1 and all(c in equal[c] for c in range(k)):
        return [], "the targets equal the inputs feature for feature: a reconstruction task (an autoencoder's)"
    if k > 1 and all(equal[c] for c in range(k)):
        found.append({"what": f"the {k} target columns are input features {[e[0] for e in equal]} reordered"})
        return found, None
    found.extend(
        {"what": f"target column {c} equals input feature {equal[c][0]} on all {n} samples"}
        for c in range(k)
        if equal[c]
    )
    if found:
        return found, None
    if s.kind == "regression":
        xs = X - X.mean(dim=0)
        ys = Y - Y.mean(dim=0)
        denom = xs.norm(dim=0).unsqueeze(1) * ys.norm(dim=0).unsqueeze(0)
        corr = (xs.t() @ ys) / torch.where(denom > 0, denom, torch.ones_like(denom))
        hits = (corr.abs() >= AFFINE_CORRELATION).nonzero().tolist()
        found.extend(
            {"what": f"target column {c} is an exact affine function of input feature {j} (r = {corr[j, c]:.9f})"}
            for j, c in hits[:5]
        )
        return found, None
    if s.kind == "multiclass" and k == 1:
        labels = Y[:, 0]
        if labels.unique().numel() < 2:
            return [], None
        lookups = _lookups(s, X, labels)
        evidence["features_checked_for_lookup"] = f
        for j, values, mapping in lookups:
            held = _confirm_on_val(s, j, mapping)
            if held is False:
                continue
            found.append(
                {
                    "what": f"the class label is a function of input feature {j} alone ({values} distinct values, "
                    f"e.g. {_example(mapping)})" + (" on training and validation" if held else ""),
                }
            )
    return found, None


def _lookups(s: Session, X, labels):
    torch = s.torch
    n = X.shape[0]
    out = []
    for j in range(X.shape[1]):
        col = X[:, j]
        values, inverse = torch.unique(col, return_inverse=True)
        if values.numel() > max(2, int(LOOKUP_MAX_DISTINCT * n)) or values.numel() < 2:
            continue
        pairs = torch.unique(inverse * (int(labels.max()) + 2) + (labels.long() + 1))
        if pairs.numel() == values.numel():
            mapping: dict[Any, int] = {}
            for v, lab in zip(col.tolist(), labels.long().tolist()):
                mapping.setdefault(v, lab)
            out.append((j, values.numel(), mapping))
            if len(out) >= 5:
                break
    return out


def _confirm_on_val(s: Session, j, mapping):
    """True when the lookup also gives every validation label it has a key for, False when it fails there, None
    without validation data."""
    if not s.val:
        return None
    right = total = 0
    for x, y in s.val:
        col = x.detach().cpu().reshape(x.shape[0], -1).double()[:, j].tolist()
        for v, lab in zip(col, y.detach().cpu().reshape(-1).tolist()):
            if v in mapping:
                total += 1
                right += mapping[v] == lab
    if total == 0:
        return None
    return right == total


def _example(mapping):
    items = list(mapping.items())[:3]
    return ", ".join(f"{v:g} -> class {lab}" for v, lab in items)


def _token_leak(s: Session, x, y, evidence) -> dict:
    torch = s.torch
    valid = s.valid(y) if hasattr(s, "valid") else torch.ones_like(y, dtype=torch.bool)
    same = float((y == x)[valid].float().mean()) if bool(valid.any()) else 0.0
    evidence["same_position_fraction"] = round(same, 4)
    threshold = (
        f"fails when the targets equal the inputs at >= {SAME_POSITION_FRACTION:.0%} of the positions (not shifted), "
        f"or when next-token targets (>= {NEXT_TOKEN_FRACTION:.0%} of positions) meet a model whose output at a "
        "position changes with later tokens"
    )
    if same >= SAME_POSITION_FRACTION:
        return result(
            "label_leak",
            "failed",
            f"the targets are the inputs themselves at {same:.1%} of the positions: the model is asked to copy the "
            "token it is given, not to predict the next one",
            expected="targets shifted against the inputs (next-token) or unrelated to them",
            observed=f"{same:.1%} of target tokens equal the input token at the same position",
            threshold=threshold,
            evidence=evidence,
            fix=FIX_LEAK,
        )
    axis = None
    for a in (1, 0):
        if x.shape[a] < 2:
            continue
        ahead = x.narrow(a, 1, x.shape[a] - 1)
        target = y.narrow(a, 0, x.shape[a] - 1)
        ok = valid.narrow(a, 0, x.shape[a] - 1)
        if bool(ok.any()) and float((target == ahead)[ok].float().mean()) >= NEXT_TOKEN_FRACTION:
            axis = a
            break
    if axis is None:
        return result(
            "label_leak",
            "passed",
            f"token targets differ from the inputs at the same positions ({same:.1%} equal)",
            expected="targets shifted against the inputs (next-token) or unrelated to them",
            observed=f"{same:.1%} equal at the same position",
            threshold=threshold,
            evidence=evidence,
        )
    evidence["targets"] = f"next-token: the inputs shifted by one along axis {axis}"
    changed = _sees_the_future(s, axis)
    if changed is not None:
        evidence["future_dependence"] = changed
        return result(
            "label_leak",
            "failed",
            f"the targets are the next tokens, and the output at position {changed['position']} changes "
            f"(by up to {changed['max_change']:.3g}) when only later tokens change: the model sees the tokens it must "
            "predict (attention without a causal mask, or a bidirectional layer)",
            expected="outputs at a position independent of later tokens",
            observed=f"outputs at positions <= {changed['position']} change with later tokens",
            threshold=threshold,
            evidence=evidence,
            fix=FIX_LEAK,
        )
    return result(
        "label_leak",
        "passed",
        f"next-token targets (the inputs shifted by one along axis {axis}), and the outputs at a position do not "
        "change with later tokens",
        expected="targets shifted against the inputs, a causal model",
        observed="causal",
        threshold=threshold,
        evidence=evidence,
    )


def _sees_the_future(s: Session, axis):
    """Change the tokens after the middle position and see whether the outputs up to it move (eval mode)."""
    torch = s.torch
    x = s.train[0][0][:8]
    length = x.shape[axis]
    t = length // 2
    if length < 4:
        return None
    other = x.clone()
    later = other.narrow(axis, t + 1, length - t - 1)
    pool = x.flatten()
    g = torch.Generator().manual_seed(0)
    later.copy_(pool[torch.randint(0, pool.numel(), later.shape, generator=g)].reshape(later.shape))
    if bool((other == x).all()):
        return None
    s.model.eval()
    try:
        with torch.no_grad():
            a = s.model(s.dev(x)).float()
            b = s.model(s.dev(other)).float()
    finally:
        s.model.train()
    if a.shape != b.shape or a.numel() % x.numel() != 0:
        return None
    per_token = a.numel() // x.numel()
    a = a.reshape(tuple(x.shape) + (per_token,))
    b = b.reshape(tuple(x.shape) + (per_token,))
    before_a = a.narrow(axis, 0, t + 1)
    before_b = b.narrow(axis, 0, t + 1)
    change = float((before_a - before_b).abs().max())
    scale = float(before_a.abs().max()) or 1.0
    if change > 1e-4 * max(scale, 1.0):
        return {"position": t, "max_change": change, "output_scale": scale}
    return None


def _dense_leak(s: Session, x, y, evidence) -> dict:
    threshold = "fails when the per-pixel labels equal an input channel on every training sample"
    if x.dim() != y.dim() + 1 or tuple(x.shape[2:]) != tuple(y.shape[1:]):
        return result(
            "label_leak",
            "skipped",
            "inputs and label maps differ in their spatial size: not compared",
            evidence=evidence,
        )
    for c in range(x.shape[1]):
        if bool((x[:, c] == y.to(x.dtype)).all()):
            return result(
                "label_leak",
                "failed",
                f"the label map equals input channel {c} on every pixel of all {x.shape[0]} samples",
                expected="labels not copied from an input channel",
                observed=f"channel {c} == labels",
                threshold=threshold,
                evidence=evidence,
                fix=FIX_LEAK,
            )
    return result(
        "label_leak",
        "passed",
        "no input channel equals the label map",
        expected="labels not copied from an input channel",
        observed="none",
        threshold=threshold,
        evidence=evidence,
    )


# --- near-duplicates between training and validation ---------------------------------------------------------------


def near_duplicates(s: Session, exact_val_rows):
    """(hits, how) for validation samples within a small distance of a training sample, exact copies left out
    (they are reported as such). hits: [{"val": [batch, row], "train": [batch, row], "distance": d}]."""
    torch = s.torch
    train = _rows(s.train, NEAR_MAX_TRAIN)
    val = _rows(s.val or [], NEAR_MAX_VAL)
    if train is None or val is None or train[0].shape[1:] != val[0].shape[1:]:
        return [], None
    xt, where_t = train
    xv, where_v = val
    if not xt.is_floating_point():
        if xt.dim() != 2 or xt.shape[1] < 8:
            return [], None
        hits, best = [], []
        for i in range(xv.shape[0]):
            frac = (xt == xv[i]).float().mean(dim=1)
            j = int(frac.argmax())
            if NEAR_DUP_TOKENS <= float(frac[j]) < 1.0 and tuple(where_v[i]) not in exact_val_rows:
                hits.append(
                    {"val": list(where_v[i]), "train": list(where_t[j]), "same_positions": round(float(frac[j]), 4)}
                )
        how = f"token sequences sharing >= {NEAR_DUP_TOKENS:.0%} of their positions (not all)"
        return hits, how
    ft = xt.reshape(xt.shape[0], -1).double()
    fv = xv.reshape(xv.shape[0], -1).double()
    mean, std = ft.mean(dim=0), ft.std(dim=0)
    std = torch.where(std > 1e-12, std, torch.ones_like(std))
    ft, fv = (ft - mean) / std, (fv - mean) / std
    if ft.shape[1] > PROJECT_DIM:
        g = torch.Generator().manual_seed(0)
        proj = torch.randn(ft.shape[1], PROJECT_DIM, generator=g, dtype=torch.float64) / math.sqrt(PROJECT_DIM)
        ft, fv = ft @ proj, fv @ proj
    tt = torch.cdist(ft, ft)
    tt.fill_diagonal_(float("inf"))
    tt[tt == 0] = float("inf")  # copies inside the training set say nothing about the spread
    nearest = tt.min(dim=1).values
    nearest = nearest[torch.isfinite(nearest)]
    if nearest.numel() == 0:
        return [], None
    typical = float(nearest.median())
    limit = NEAR_DUP_FRACTION * typical
    d = torch.cdist(fv, ft)
    best, arg = d.min(dim=1)
    hits = []
    for i in (best <= limit).nonzero().flatten().tolist():
        if tuple(where_v[i]) in exact_val_rows or float(best[i]) == 0.0:
            continue
        hits.append(
            {"val": list(where_v[i]), "train": list(where_t[int(arg[i])]), "distance": round(float(best[i]), 6)}
        )
    how = (
        f"standardised inputs within {NEAR_DUP_FRACTION:.0%} of the median distance between a training sample and its "
        f"nearest other one ({typical:.4g}), i.e. distance <= {limit:.4g}"
        + (f"; inputs projected to {PROJECT_DIM} dimensions" if xt[0].numel() > PROJECT_DIM else "")
    )
    return hits, how


def _rows(batches, limit):
    """The first `limit` input rows of the batches, with (batch, row) of each."""
    xs, where = [], []
    for b, (x, _) in enumerate(batches):
        where.extend((b, r) for r in range(x.shape[0]))
        xs.append(x.detach().cpu())
        if len(where) >= limit:
            break
    if not xs:
        return None
    import torch

    return torch.cat(xs)[:limit], where[:limit]
