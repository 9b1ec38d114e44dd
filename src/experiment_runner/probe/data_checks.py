"""The checks on the data alone: data_finite (NaN/Inf in the batches) and train_val_overlap (validation samples that
are training samples, exactly or nearly)."""

from __future__ import annotations

import ctypes
import hashlib
from typing import Any

from . import leaks
from .results import result
from .session import Session


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
    evidence: dict[str, Any] = {
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


def _row_bytes(x):
    """Each row of a tensor as bytes (via its memory: the probe may not assume numpy)."""
    t = x.detach().cpu().contiguous()
    n = t.shape[0]
    size = t.numel() * t.element_size()
    raw = ctypes.string_at(t.data_ptr(), size) if size else b""
    step = size // n if n else 0
    head = f"{t.dtype}{list(t.shape[1:])}".encode()
    return [head + raw[i * step : (i + 1) * step] for i in range(n)]


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
    seen: dict[bytes, tuple[int, int]] = {}
    n_train = 0
    for b, (x, _) in enumerate(s.train):
        for r, row in enumerate(_row_bytes(x)):
            seen.setdefault(hashlib.blake2b(row, digest_size=16).digest(), (b, r))
            n_train += 1
    hits: list[dict[str, Any]] = []
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
    evidence: dict[str, Any] = {
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
