"""What differs between two manifests, most consequential first: the code (commit, then uncommitted changes),
the data, the config values and seeds, the command, then the environment (torch/CUDA/cuDNN and GPU before a
package's patch version) and the host. Each difference carries both values and why it matters."""

from __future__ import annotations

import json
import re
from typing import Any, Literal

from pydantic import BaseModel, Field

from experiment_runner.repro.manifest import Manifest

Area = Literal["code", "data", "config", "seeds", "command", "environment", "host"]
_AREA_ORDER = {"code": 0, "data": 1, "config": 2, "seeds": 3, "command": 4, "environment": 5, "host": 6}
_SEED_KEYS = {"seed", "seeds", "random_seed", "rng_seed", "manual_seed", "global_seed", "seed_value"}
_DETERMINISM_VARS = {"PYTHONHASHSEED", "CUBLAS_WORKSPACE_CONFIG", "CUDA_LAUNCH_BLOCKING", "TF_DETERMINISTIC_OPS"}
_THREAD_VARS = {
    "OMP_NUM_THREADS",
    "MKL_NUM_THREADS",
    "OPENBLAS_NUM_THREADS",
    "NUMEXPR_NUM_THREADS",
    "VECLIB_MAXIMUM_THREADS",
}


class Difference(BaseModel):
    area: Area
    item: str = Field(description="What differs, e.g. 'commit', 'classify/data', 'training.learning_rate', 'torch'.")
    a: str | None = Field(description="Value in the first manifest (None: absent).")
    b: str | None = Field(description="Value in the second manifest (None: absent).")
    weight: int = Field(description="How consequential (100 = different code); the list is sorted by it.")
    why: str
    status: Literal["differs", "not_recorded"] = Field(
        "differs",
        description="differs: both manifests record it, with different values; not_recorded: one manifest has no "
        "record of it (no data path given, no config, the environment probe failed), so nothing can be said. "
        "not_recorded items come after every real difference.",
    )


#: Weight of a not_recorded item: below every real difference.
NOT_RECORDED_WEIGHT = 5


def _s(v: Any) -> str | None:
    if v is None:
        return None
    if isinstance(v, str):
        return v
    return json.dumps(v, sort_keys=True, default=str)


def _version_weight(a: str | None, b: str | None, major_minor: int, patch: int) -> int:
    if not a or not b:
        return major_minor
    pa, pb = re.split(r"[.+]", a), re.split(r"[.+]", b)
    return major_minor if pa[:2] != pb[:2] else patch


def _flatten(d: Any, prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    if isinstance(d, dict):
        for k, v in d.items():
            key = f"{prefix}.{k}" if prefix else str(k)
            if isinstance(v, dict) and v:
                out.update(_flatten(v, key))
            else:
                out[key] = v
    return out


class _Diffs:
    def __init__(self) -> None:
        self.items: list[Difference] = []

    def add(self, area: Area, item: str, a: Any, b: Any, weight: int, why: str) -> None:
        self.items.append(Difference(area=area, item=item, a=_s(a), b=_s(b), weight=weight, why=why))

    def unrecorded(self, area: Area, item: str, a: Any, b: Any, what: str) -> None:
        side = "first" if a is None else "second"
        self.items.append(
            Difference(
                area=area,
                item=item,
                a=_s(a),
                b=_s(b),
                weight=NOT_RECORDED_WEIGHT,
                why=f"not recorded in the {side} manifest ({what}): it may or may not differ",
                status="not_recorded",
            )
        )

    def values(self, area: Area, item: str, a: Any, b: Any, weight: int, why: str) -> None:
        if a != b:
            self.add(area, item, a, b, weight, why)


def _code(d: _Diffs, a: Manifest, b: Manifest) -> None:
    ca, cb = a.code, b.code
    if ca.status != cb.status:
        d.add(
            "code",
            "repository",
            f"{ca.status}: {ca.reason or ca.commit}",
            f"{cb.status}: {cb.reason or cb.commit}",
            100,
            "one run's code version is not known from git",
        )
    if ca.commit != cb.commit:
        same_tree = ca.worktree_tree and ca.worktree_tree == cb.worktree_tree
        d.add(
            "code",
            "commit",
            ca.commit,
            cb.commit,
            30 if same_tree else 100,
            "different commits, but the exact source trees are identical" if same_tree else "different code",
        )
    if ca.commit == cb.commit and ca.worktree_tree != cb.worktree_tree:

        def state(c):
            return f"uncommitted changes, patch {c.patch_sha256} ({len(c.changes)} files)" if c.dirty else "clean"

        d.add(
            "code",
            "uncommitted changes",
            state(ca),
            state(cb),
            95,
            "the same commit with different uncommitted changes: different code",
        )
    ua, ub = set(ca.untracked_source), set(cb.untracked_source)
    if ua != ub:
        d.add(
            "code",
            "untracked source files",
            ", ".join(sorted(ua - ub)) or "(none extra)",
            ", ".join(sorted(ub - ua)) or "(none extra)",
            60,
            "source files outside git differ",
        )


def _data(d: _Diffs, a: Manifest, b: Manifest) -> None:
    ea = {e.path: e for e in a.data.entries}
    eb = {e.path: e for e in b.data.entries}
    for path in sorted(set(ea) | set(eb)):
        x, y = ea.get(path), eb.get(path)
        if (x is None and not ea) or (y is None and not eb):
            d.unrecorded("data", path, x.hash if x else None, y.hash if y else None, "no data path was given")
        elif x is None or y is None:
            d.add("data", path, x.hash if x else None, y.hash if y else None, 85, "the data paths differ")
        elif x.algorithm != y.algorithm:
            d.add(
                "data",
                path,
                x.hash,
                y.hash,
                70,
                "hashed with different algorithms, so equal content cannot be confirmed; "
                "re-check both with the same algorithm",
            )
        elif x.hash != y.hash:
            d.add("data", path, x.hash, y.hash, 90, "different data content")


def _config(d: _Diffs, a: Manifest, b: Manifest) -> None:
    fa, fb = _flatten(a.config.resolved), _flatten(b.config.resolved)
    for key in sorted(set(fa) | set(fb)):
        va, vb = fa.get(key, "<absent>"), fb.get(key, "<absent>")
        if (key not in fa and not fa) or (key not in fb and not fb):
            d.unrecorded("config", key, fa.get(key), fb.get(key), "no config file and no defaults of the script")
            continue
        if va != vb:
            leaf = key.rsplit(".", 1)[-1].lower()
            if leaf in _SEED_KEYS:
                d.add("config", key, va, vb, 72, "a different seed (expected between seeds of one arm)")
            else:
                d.add("config", key, va, vb, 80, "a different configuration value")
    oa, ob = a.config.command_overrides, b.config.command_overrides
    for key in sorted(set(oa) | set(ob)):
        va, vb = oa.get(key), ob.get(key)
        if va != vb:
            seed = key.rsplit(".", 1)[-1].lower() in _SEED_KEYS
            d.add(
                "config",
                f"argv: {key}",
                va,
                vb,
                72 if seed else 80,
                "a different seed on the command line" if seed else "a different value on the command line",
            )
    if not any(x.area == "config" and x.status == "differs" for x in d.items):
        ha = [f.sha256 for f in a.config.files]
        hb = [f.sha256 for f in b.config.files]
        if ha != hb:
            d.add(
                "config",
                "config files",
                ", ".join(f.path for f in a.config.files),
                ", ".join(f.path for f in b.config.files),
                20,
                "the files' text differs (comments, order or formatting) but the resolved values are equal",
            )


def _seeds(d: _Diffs, a: Manifest, b: Manifest) -> None:
    sa = {(c.kind, c.call) for c in a.seeds.calls}
    sb = {(c.kind, c.call) for c in b.seeds.calls}
    if sa != sb:
        d.add(
            "seeds",
            "seeding and determinism calls",
            "; ".join(sorted(f"{k}: {c}" for k, c in sa - sb)) or "(none extra)",
            "; ".join(sorted(f"{k}: {c}" for k, c in sb - sa)) or "(none extra)",
            66,
            "the code seeds or sets determinism differently",
        )


def _command(d: _Diffs, a: Manifest, b: Manifest) -> None:
    import shlex

    d.values("command", "argv", shlex.join(a.command.argv), shlex.join(b.command.argv), 70, "a different command")
    d.values("command", "working directory", a.command.cwd, b.command.cwd, 40, "a different working directory")
    ea, eb = a.command.env, b.command.env
    for k in sorted(set(ea) | set(eb)):
        va, vb = ea.get(k), eb.get(k)
        if va == vb:
            continue
        if k == "EXPERIMENT_RUNNER_SEED":
            w, why = 72, "a different seed"
        elif k in _DETERMINISM_VARS:
            w, why = 55, "changes determinism"
        elif k in _THREAD_VARS:
            w, why = 45, "a different thread count (float reductions can differ)"
            if k in a.command.set_by_runner or k in b.command.set_by_runner:
                why += "; set by experiment-runner from runs.threads_per_run (the same for every launch unless changed)"
        elif k in ("CUDA_VISIBLE_DEVICES", "HIP_VISIBLE_DEVICES"):
            w, why = 30, "different devices"
        else:
            w, why = 35, "an environment variable that affects training"
        d.add("command", f"env {k}", va, vb, w, why)


def _environment(d: _Diffs, a: Manifest, b: Manifest) -> None:
    xa, xb = a.environment, b.environment
    if (xa.probe_status == "ok") != (xb.probe_status == "ok"):
        bad = xa if xa.probe_status != "ok" else xb
        d.unrecorded(
            "environment",
            "python, packages, torch",
            None if bad is xa else "recorded",
            None if bad is xb else "recorded",
            f"its environment probe {bad.probe_status}: {bad.probe_error}",
        )
        return
    pa, pb = xa.python.get("version"), xb.python.get("version")
    if pa != pb:
        d.add("environment", "python", pa, pb, _version_weight(pa, pb, 62, 30), "a different Python")
    d.values("environment", "interpreter", xa.interpreter, xb.interpreter, 25, "a different interpreter path")
    ta, tb = xa.torch or {}, xb.torch or {}
    if ta.get("version") != tb.get("version"):
        d.add(
            "environment",
            "torch",
            ta.get("version"),
            tb.get("version"),
            _version_weight(ta.get("version"), tb.get("version"), 65, 50),
            "a different torch",
        )
    for key, label, w, why in (
        ("cuda_available", "CUDA available", 63, "one ran on GPU, the other could not"),
        ("cuda_compiled", "torch built with CUDA", 60, "a different CUDA build"),
        ("cuda_runtime", "CUDA runtime loaded", 60, "a different CUDA runtime"),
        ("cudnn", "cuDNN loaded", 55, "a different cuDNN (convolution algorithms differ)"),
        ("nccl", "NCCL loaded", 45, "a different NCCL (collective reductions can differ)"),
        ("cuda_driver", "CUDA driver API", 36, "a different driver"),
    ):
        d.values("environment", label, ta.get(key), tb.get(key), w, why)
    ga = sorted(str(x.name) for x in xa.gpu.devices)
    gb = sorted(str(x.name) for x in xb.gpu.devices)
    if ga != gb:
        same_models = sorted(set(ga)) == sorted(set(gb))
        d.add(
            "environment",
            "GPUs",
            ", ".join(ga) or (xa.gpu.reason or "none"),
            ", ".join(gb) or (xb.gpu.reason or "none"),
            50 if same_models else 58,
            "a different GPU count" if same_models else "different GPU models",
        )
    d.values("environment", "NVIDIA driver", xa.gpu.driver_version, xb.gpu.driver_version, 35, "a different driver")
    va = {x["name"].lower(): x.get("version") for x in xa.distributions}
    vb = {x["name"].lower(): x.get("version") for x in xb.distributions}
    for name in sorted(set(va) | set(vb)):
        if name == "torch":
            continue
        x, y = va.get(name), vb.get(name)
        if x == y:
            continue
        if x is None or y is None:
            d.add("environment", f"package {name}", x, y, 25, "installed in one environment only")
        else:
            d.add("environment", f"package {name}", x, y, _version_weight(x, y, 40, 15), "a different package version")


def _host(d: _Diffs, a: Manifest, b: Manifest) -> None:
    ha, hb = a.environment.host, b.environment.host
    d.values(
        "host", "CPU model", ha.cpu_model, hb.cpu_model, 20, "a different CPU (float results of some kernels differ)"
    )
    d.values("host", "operating system", ha.os, hb.os, 18, "a different OS or kernel")
    d.values("host", "CPU count", ha.cpu_count, hb.cpu_count, 15, "a different CPU count")
    d.values("host", "hostname", ha.hostname, hb.hostname, 10, "a different machine")


def compare_manifests(a: Manifest, b: Manifest) -> list[Difference]:
    """Differences between two manifests, most consequential first."""
    d = _Diffs()
    for part in (_code, _data, _config, _seeds, _command, _environment, _host):
        part(d, a, b)
    d.items.sort(key=lambda x: (x.status != "differs", -x.weight, _AREA_ORDER[x.area], x.item))
    return d.items
