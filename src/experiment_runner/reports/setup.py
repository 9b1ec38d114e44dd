"""The report's Setup section: model, data and training from the brief and the runs' commands, hardware and
environment from the runs' reproducibility manifests (distinct values across runs, so a run on other hardware
shows)."""

from __future__ import annotations

import re
from typing import Any

from experiment_runner.reports.sources import Source

#: Where a manifest may keep each fact (dotted paths, first hit wins); leaf names are searched as a fallback.
_FACTS: dict[str, tuple[str, ...]] = {
    "python": ("environment.python.version", "environment.python_version", "environment.python", "python.version", "python"),
    "torch": ("environment.torch.version", "environment.torch_version", "environment.torch", "torch.version", "torch"),
    "cuda": ("environment.torch.cuda", "environment.torch.cuda_runtime", "environment.cuda.version", "environment.cuda", "cuda"),
    "gpu": ("environment.gpus", "environment.gpu", "gpus", "gpu"),
    "cpu": ("environment.cpu.model", "environment.cpu", "cpu.model", "cpu"),
    "os": ("environment.os", "environment.platform", "os", "platform"),
    "commit": ("code.commit", "git.commit", "commit"),
    "dirty": ("code.dirty", "git.dirty", "dirty"),
}


def _get(d: Any, path: str) -> Any:
    for part in path.split("."):
        if not isinstance(d, dict) or part not in d:
            return None
        d = d[part]
    return d


def _find_leaf(d: Any, key: str, depth: int = 0) -> Any:
    if depth > 4 or not isinstance(d, dict):
        return None
    if key in d and not isinstance(d[key], dict):
        return d[key]
    for v in d.values():
        hit = _find_leaf(v, key, depth + 1)
        if hit is not None:
            return hit
    return None


def _short(value: Any) -> str | None:
    if value is None or value == "" or value == []:
        return None
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        parts = []
        for item in value:
            if isinstance(item, dict):
                parts.append(str(item.get("name") or item.get("model") or item.get("index") or item))
            else:
                parts.append(str(item))
        text = ", ".join(parts)
    elif isinstance(value, dict):
        for k in ("version", "name", "model", "summary", "status"):
            if k in value and not isinstance(value[k], (dict, list)):
                text = str(value[k])
                break
        else:
            text = ", ".join(f"{k}={v}" for k, v in value.items() if not isinstance(v, (dict, list)))
    else:
        text = str(value)
    text = " ".join(text.split())
    return text[:160] if text else None


def manifest_facts(manifest: dict | None) -> dict[str, str]:
    if not isinstance(manifest, dict):
        return {}
    out = {}
    for fact, paths in _FACTS.items():
        value = next((v for p in paths if (v := _get(manifest, p)) is not None), None)
        if value is None:
            value = _find_leaf(manifest, fact)
        short = _short(value)
        if short is not None:
            out[fact] = short
    data = _get(manifest, "data") or _get(manifest, "data_hashes")
    if isinstance(data, list):
        hashes = []
        for item in data:
            if isinstance(item, dict):
                name = item.get("path") or item.get("name")
                h = item.get("hash") or item.get("digest") or item.get("sha256") or item.get("blake3")
                if name and h:
                    hashes.append(f"{name} {str(h)[:24]}")
        if hashes:
            out["data"] = "; ".join(hashes)
    elif isinstance(data, dict):
        hashes = [f"{k} {str(v.get('hash') if isinstance(v, dict) else v)[:24]}" for k, v in data.items()]
        if hashes:
            out["data"] = "; ".join(hashes)
    return out


def _command_pattern(argv: list[str], seed: int | None) -> str:
    words = []
    for w in argv:
        if seed is not None and re.fullmatch(rf"(--?seed=)?{seed}", w):
            w = re.sub(rf"{seed}$", "{seed}", w)
        words.append(w)
    return " ".join(words)


def setup_section(source: Source, plan, step_axis: str) -> dict[str, list[str]]:
    """Facts for Setup, grouped: model, data, training, environment. Each value a line of text."""
    model, data, training, env = [], [], [], []
    brief = source.brief.brief if source.brief is not None else None
    if brief is not None:
        if brief.model.architecture:
            model.append(f"Architecture: {brief.model.architecture}")
        if brief.model.hyperparameters:
            model.append("Hyperparameters (brief): " + ", ".join(f"{k}={v}" for k, v in brief.model.hyperparameters.items()))
        for label, value in (("Dataset", brief.data.dataset), ("Size", brief.data.size), ("Splits", brief.data.splits)):
            if value:
                data.append(f"{label}: {value}")
        if brief.baseline:
            model.append(f"Baseline (brief): {brief.baseline}")
        if brief.constraints.compute:
            training.append(f"Compute budget (brief): {brief.constraints.compute}")
    arms: dict[str, set[str]] = {}
    steps: dict[str, list[float]] = {}
    for r in source.runs:
        if r.argv:
            arms.setdefault(r.arm, set()).add(_command_pattern(r.argv, r.seed))
        if r.last_step is not None and r.status == "completed":
            steps.setdefault(r.arm, []).append(r.last_step)
    for arm, cmds in arms.items():
        for c in sorted(cmds):
            model.append(f"Command of arm {arm}: `{c}`")
    for arm, s in steps.items():
        lo, hi = min(s), max(s)
        training.append(f"Arm {arm}: completed runs ended at {step_axis} {lo:g}" + (f" to {hi:g}" if hi != lo else ""))
    if source.kind == "experiment":
        training.append(f"Each run's value: aggregation '{plan.aggregation}'" + (f" (k={plan.last_k})" if plan.aggregation == "mean_last_k" else "")
                        + " of its metric series")
    facts: dict[str, dict[str, int]] = {}
    missing = 0
    for r in source.runs:
        f = manifest_facts(r.manifest)
        if not f:
            missing += 1
        for k, v in f.items():
            facts.setdefault(k, {})
            facts[k][v] = facts[k].get(v, 0) + 1
    labels = {"python": "Python", "torch": "PyTorch", "cuda": "CUDA", "gpu": "GPU", "cpu": "CPU", "os": "OS",
              "commit": "Code commit", "dirty": "Uncommitted changes", "data": "Data hashes"}
    for key, label in labels.items():
        if key in facts:
            vals = facts[key]
            text = "; ".join(f"`{v}`" + (f" ({n} runs)" if len(vals) > 1 else "") for v, n in vals.items())
            (data if key == "data" else env).append(f"{label}: {text}" + (" (runs differ)" if len(vals) > 1 else ""))
    if source.kind == "experiment":
        if missing:
            env.append(f"No reproducibility manifest for {missing} of {len(source.runs)} runs.")
    else:
        env.append("Not recorded: the results file carries no environment; see where it was produced.")
    if source.sanity:
        training.append(f"Sanity checks: {source.sanity}")
    return {"Model": model, "Data": data, "Training": training, "Environment": env}
