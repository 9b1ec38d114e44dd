"""The report's Setup section: model, data and training from the brief and the runs' commands, hardware and
environment from the runs' reproducibility manifests (distinct values across runs, so a run on other hardware
shows)."""

from __future__ import annotations

import re
from typing import Any

from experiment_runner.reports.sources import Source


def _get(d: Any, path: str) -> Any:
    for part in path.split("."):
        if not isinstance(d, dict) or part not in d:
            return None
        d = d[part]
    return d


def _text(value: Any) -> str | None:
    if value is None or value in ("", []):
        return None
    if isinstance(value, bool):
        return "yes" if value else "no"
    text = " ".join(str(value).split())
    return text[:160] or None


def _gpu(env: dict) -> str | None:
    gpu = env.get("gpu")
    if not isinstance(gpu, dict):
        return _text(gpu)
    devices = gpu.get("devices") or []
    if devices:
        names = [
            f"{d.get('name', '?')}"
            + (f" {d['memory_total_mb'] / 1024:.0f} GiB" if isinstance(d.get("memory_total_mb"), (int, float)) else "")
            for d in devices
            if isinstance(d, dict)
        ]
        driver = f", driver {gpu['driver_version']}" if gpu.get("driver_version") else ""
        return ", ".join(names) + driver
    return _text(gpu.get("reason")) or ("unavailable" if gpu.get("available") is False else None)


def _part(d: dict, key: str) -> dict:
    """d[key] when it is a dict; {} when it is missing or malformed."""
    v = d.get(key)
    return v if isinstance(v, dict) else {}


def manifest_facts(manifest: dict | None) -> dict[str, str]:
    """Short facts from a reproducibility manifest (check_reproducibility's format: command, code, data, config,
    environment with python, torch, gpu and host). A missing part is left out, never guessed."""
    if not isinstance(manifest, dict):
        return {}
    env = _part(manifest, "environment")
    torch = _part(env, "torch")
    host = _part(env, "host")
    cuda = torch.get("cuda_runtime") or torch.get("cuda_compiled")
    facts = {
        "python": _text(_get(env, "python.version")),
        "torch": _text(torch.get("version")),
        "cuda": _text(cuda) or (_text(torch.get("cuda_unavailable_reason")) if torch else None),
        "gpu": _gpu(env),
        "cpu": _text(f"{host['cpu_model']} ({host.get('cpu_count', '?')} cores)") if host.get("cpu_model") else None,
        "os": _text(host.get("os")),
        "commit": _text(_get(manifest, "code.commit")),
        "dirty": _text(_get(manifest, "code.dirty")),
    }
    entries = _get(manifest, "data.entries")
    if isinstance(entries, list):
        hashes = [
            f"{e.get('path')} {str(e.get('hash'))[:23]}"
            for e in entries
            if isinstance(e, dict) and e.get("path") and e.get("hash")
        ]
        facts["data"] = "; ".join(hashes) or None
    resolved = _get(manifest, "config.resolved")
    if isinstance(resolved, dict):
        flat = []
        for section in ("model", "training"):
            part = resolved.get(section)
            if isinstance(part, dict):
                flat += [f"{section}.{k}={v}" for k, v in part.items() if not isinstance(v, (dict, list))]
        overrides = _get(manifest, "config.command_overrides")
        if isinstance(overrides, dict):
            flat += [
                f"--{k} {v}"
                for k, v in overrides.items()
                if k not in ("config", "seed") and not isinstance(v, (dict, list))
            ]
        facts["config"] = ", ".join(flat) or None
    if manifest.get("unreadable"):
        facts["unreadable"] = _text(manifest["unreadable"])
    return {k: v for k, v in facts.items() if v}


def _seed_sub(word: str, seed: int | None) -> str:
    """`word` with the seed's digits (standing alone, not part of a longer number) written as {seed}."""
    if seed is None:
        return word
    return re.sub(rf"(?<![\d.]){seed}(?![\d.])", "{seed}", word)


def _command_pattern(argv: list[str], seed: int | None) -> str:
    """The command with its seed written as {seed}: a seed argument (`--seed 3`, `--seed=3`) always; the seed inside
    another argument (`--out_dir=out-3`) by arm_commands, where the arm's other runs show it varies with the seed."""
    words, after_seed = [], False
    for arg in argv:
        word = arg
        if seed is not None and (
            (after_seed and arg == str(seed)) or re.fullmatch(rf"(--?)?[\w.-]*seed[\w.-]*={seed}", arg, re.I)
        ):
            word = re.sub(rf"{seed}$", "{seed}", arg)
        after_seed = bool(re.fullmatch(r"--?[\w.-]*seed[\w.-]*", arg, re.I))
        words.append(word)
    return " ".join(words)


def arm_commands(runs) -> list[str]:
    """The distinct commands of one arm's runs, the seed written as {seed}: an argument that differs between runs
    only where each holds its own seed (`--out_dir=out-{seed}`) is one pattern, so one command per arm stays one."""
    argvs = [(list(r.argv), r.seed) for r in runs if r.argv]
    if not argvs:
        return []
    patterns = {_command_pattern(a, s) for a, s in argvs}
    if len(patterns) == 1 or len({len(a) for a, _ in argvs}) != 1:
        return sorted(patterns)
    columns = []
    for i in range(len(argvs[0][0])):
        raw = {a[i] for a, _ in argvs}
        subbed = {_seed_sub(a[i], s) for a, s in argvs}
        columns.append(next(iter(subbed)) if len(raw) > 1 and len(subbed) == 1 else None)
    out = set()
    for a, s in argvs:
        words = [col if col is not None else w for col, w in zip(columns, a)]
        out.add(_command_pattern(words, s))
    return sorted(out)


def setup_section(source: Source, plan, step_axis: str) -> dict[str, list[str]]:
    """Facts for Setup, grouped: model, data, training, environment. Each value a line of text."""
    model: list[str] = []
    data: list[str] = []
    training: list[str] = []
    env: list[str] = []
    brief = source.brief.brief if source.brief is not None else None
    if brief is not None:
        if brief.model.architecture:
            model.append(f"Architecture: {brief.model.architecture}")
        if brief.model.hyperparameters:
            model.append(
                "Hyperparameters (brief): " + ", ".join(f"{k}={v}" for k, v in brief.model.hyperparameters.items())
            )
        for label, value in (("Dataset", brief.data.dataset), ("Size", brief.data.size), ("Splits", brief.data.splits)):
            if value:
                data.append(f"{label}: {value}")
        if brief.baseline:
            model.append(f"Baseline (brief): {brief.baseline}")
        if brief.constraints.compute:
            training.append(f"Compute budget (brief): {brief.constraints.compute}")
    steps: dict[str, list[float]] = {}
    by_arm: dict[str, list] = {}
    for r in source.runs:
        by_arm.setdefault(r.arm, []).append(r)
        if r.last_step is not None and r.status == "completed":
            steps.setdefault(r.arm, []).append(r.last_step)
    model.extend(f"Command of arm {arm}: `{c}`" for arm, runs in by_arm.items() for c in arm_commands(runs))
    for arm, s in steps.items():
        lo, hi = min(s), max(s)
        training.append(f"Arm {arm}: completed runs ended at {step_axis} {lo:g}" + (f" to {hi:g}" if hi != lo else ""))
    if source.kind == "experiment":
        training.append(
            f"Each run's value: aggregation '{plan.aggregation}'"
            + (f" (k={plan.last_k})" if plan.aggregation == "mean_last_k" else "")
            + " of its metric series"
        )
    facts: dict[str, dict[str, int]] = {}
    missing = 0
    for r in source.runs:
        f = manifest_facts(r.manifest)
        if "config" in f:  # an override that only carries the run's own seed (out-3) is the same setting in every run
            f["config"] = ", ".join(_seed_sub(part, r.seed) for part in f["config"].split(", "))
        if not f:
            missing += 1
        for k, v in f.items():
            facts.setdefault(k, {})
            facts[k][v] = facts[k].get(v, 0) + 1
    labels = {
        "config": "Config (manifests)",
        "python": "Python",
        "torch": "PyTorch",
        "cuda": "CUDA",
        "gpu": "GPU",
        "cpu": "CPU",
        "os": "OS",
        "commit": "Code commit",
        "dirty": "Uncommitted changes",
        "data": "Data hashes",
        "unreadable": "Unreadable manifest",
    }
    for key, label in labels.items():
        if key in facts:
            vals = facts[key]
            text = "; ".join(f"`{v}`" + (f" ({n} runs)" if len(vals) > 1 else "") for v, n in vals.items())
            group = data if key == "data" else (training if key == "config" else env)
            group.append(f"{label}: {text}" + (" (runs differ)" if len(vals) > 1 else ""))
    if source.kind == "experiment":
        if missing:
            env.append(f"No reproducibility manifest for {missing} of {len(source.runs)} runs.")
    else:
        env.append("Not recorded: the results file carries no environment; see where it was produced.")
    if source.sanity:
        training.append(f"Sanity checks: {source.sanity}")
    return {"Model": model, "Data": data, "Training": training, "Environment": env}
