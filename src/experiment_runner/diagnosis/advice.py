"""The run's own values and settings that the playbook's advice quotes and conditions on, so that a next step is
written in the user's numbers and a step the run already takes is not advised again.

Settings read (from the command, the config, the log's head: hparams.py; and from the run's metrics):
- gradient clipping (`clip_known`, `grad_clip`): when it is on, "clip gradients" is not advised; the advice
  says it is on and did not stop the divergence. A percentage (fairseq's `clip=100%`, the share of clipped
  updates) is no threshold and is never read as one (hparams.py skips it).
- a learning-rate schedule (`lr_scheduled`): the learning rate the run logged changes over time, or a warm-up
  is set (`warmup_known`): "add warm-up" is then not advised.
- precision (`low_precision`, `bf16`): switching to bf16 is advised only to a float16 run.
- DataLoader workers (`workers_known`, `workers_zero`) and shared memory (`shm_exhausted`: the error names
  /dev/shm or a worker's bus error): the shm fix comes first, and num_workers=0 is not advised to a run
  that already has it."""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING, Any

from experiment_runner.diagnosis import hparams as H
from experiment_runner.diagnosis.model import Evidence

if TYPE_CHECKING:
    from experiment_runner.diagnosis.diagnose import RunInputs

_MISSING = re.compile(
    r"No module named '([^']+)'|No such file or directory: '([^']+)'|cannot import name '([^']+)'|"
    r"does not appear to have a file named ([\w./-]+)|'((?:\.{1,2}/|/|~/)[^'\s]*)'|"
    # a package named as not installed: `requires tensorboard to be installed`, `Requirement 'x' not met`
    r"\brequires `?'?([\w.-]+)'?`?(?:>=[\w.]+)? to be installed|\bRequirement '([\w.-]+)' not met"
)
_SHM = re.compile(r"shared memory|\bshm\b|bus error", re.I)


def human_seconds(s: float) -> str:
    if s >= 3600:
        return f"{s / 3600:.3g} h"
    if s >= 60:
        return f"{s / 60:.3g} min"
    return f"{s:.3g} s"


def _lr_scheduled(series: dict[str, list[tuple[int | None, float]]]) -> bool:
    from experiment_runner.metrics.vocabulary import role

    for name, points in series.items():
        if role(name) == "learning_rate":
            values = [v for _, v in points if math.isfinite(v)]
            if len(values) >= 3 and max(values) > 1.2 * min(values):
                return True
    return False


def settings(inp: RunInputs, cats: dict[str, list[Evidence]]) -> dict[str, Any]:
    """What the run already does, as facts the playbook conditions on."""
    hp = inp.hparams
    f: dict[str, Any] = {}
    clip = hp.number("grad_clip")
    f["clip_known"] = bool(clip and clip > 0)
    f["warmup_known"] = bool(hp.number("warmup"))
    f["lr_scheduled"] = _lr_scheduled(inp.series) or f["warmup_known"]
    workers = hp.number("num_workers")
    f["workers_known"] = bool(workers)
    f["workers_zero"] = workers == 0
    prec = hp.get("precision")
    text = (str(prec.value) + " " + prec.text).lower() if prec is not None else ""
    f["bf16"] = "bf16" in text or "bfloat16" in text
    f["low_precision"] = bool(prec is not None and re.search(r"16|half|amp|true", text)) and not f["bf16"]
    if "amp_loss_scale_collapse" in cats:
        f["low_precision"] = True  # a loss scaler runs only in float16
    worker_texts = [e.text or e.summary for c in ("dataloader_worker_crash", "out_of_memory") for e in cats.get(c, [])]
    f["shm_exhausted"] = any(_SHM.search(t) for t in worker_texts)
    f["regularised"] = bool(hp.number("weight_decay")) or bool(hp.number("dropout"))
    return f


def fields(inp: RunInputs, facts: dict[str, Any], final_text: str | None) -> dict[str, Any]:
    """Values the playbook's templates quote ({lr}, {lr_lower}, {batch_half} ...) and the facts its `if:` and
    `unless:` read, together."""
    hp = inp.hparams
    f: dict[str, Any] = dict(facts)
    lr, lr_value = hp.get("lr"), hp.number("lr")
    if lr is not None and lr_value:
        f["lr"] = lr.text
        f["lr_lower"] = H.format_like(lr_value / 10, lr.text)
        f["lr_higher"] = H.format_like(lr_value * 10, lr.text)
        f["lr_known"] = True
    bs, bs_value = hp.get("batch_size"), hp.number("batch_size")
    if bs is not None and bs_value and bs_value >= 2:
        f["batch_size"] = bs.text
        f["batch_half"] = str(int(bs_value) // 2)
        accum = hp.number("grad_accum") or 1
        f["accum"] = str(int(accum) * 2)
    clip = hp.get("grad_clip")
    if f.get("clip_known") and clip is not None:
        f["grad_clip"] = clip.text
    for name in ("weight_decay", "dropout", "num_workers", "num_classes", "epochs", "warmup"):
        value = hp.get(name)
        if value is not None and hp.number(name) is not None:
            f[name] = value.text
    wd, wd_value = hp.get("weight_decay"), hp.number("weight_decay")
    if wd is not None and wd_value is not None:
        f["weight_decay_higher"] = H.format_like(wd_value * 10, wd.text) if wd_value > 0 else "1e-4"
    dr = hp.number("dropout")
    if dr is not None:
        f["dropout_higher"] = f"{min(0.5, dr + 0.2):.2g}"
    prec = hp.get("precision")
    if prec is not None and f.get("low_precision"):
        f["precision"] = prec.text if prec.text not in ("True", "true") else "fp16/amp"
    seed_value = hp.number("seed")
    seed = inp.seed if inp.seed is not None else (int(seed_value) if seed_value is not None else None)
    if seed is not None:
        f["seed"] = seed
    if f.get("bad_step") is not None:
        f["bad_step_x2"] = max(2 * int(f["bad_step"]), int(f["bad_step"]) + 10)
    if inp.time_limit_s:
        f["time_limit"] = human_seconds(inp.time_limit_s)
        f["time_limit_more"] = human_seconds(inp.time_limit_s * 1.5)
    if final_text:
        f["error_line"] = final_text[:200]
        m = _MISSING.search(final_text)
        if m:
            f["missing"] = next(g for g in m.groups() if g)
            f["module_missing"] = bool(m.group(1) or m.group(3) or m.group(6) or m.group(7))
    if inp.argv:
        prog = inp.argv[0]
        f["interpreter"] = prog if "python" in prog.rsplit("/", 1)[-1] else "python"
    if inp.cwd:
        f["cwd"] = inp.cwd
    f["rss_known"] = "peak_rss" in f
    return f


def suggested_command(category: str, inp: RunInputs) -> list[str] | None:
    """The run's own command with the first next step applied, when the value to change came from it."""
    if not inp.argv:
        return None
    hp = inp.hparams
    lr, lr_value = hp.get("lr"), hp.number("lr")
    if category in ("nan_or_inf_loss", "exploding_gradients", "amp_loss_scale_collapse") and lr and lr_value:
        return H.rewrite_argv(inp.argv, lr, H.format_like(lr_value / 10, lr.text))
    bs, bs_value = hp.get("batch_size"), hp.number("batch_size")
    if category == "out_of_memory" and bs and bs_value and bs_value >= 2:
        return H.rewrite_argv(inp.argv, bs, str(int(bs_value) // 2))
    return None
