"""Run the sanity checks on an entrypoint: resolve the interpreter and the entrypoint inside the workspace, start the
probe under limits, turn its events into progress and a SanityRecord, and record it with the experiment."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from experiment_runner.errors import NotFound, UserError
from experiment_runner.sanity.model import (
    ALL_CHECKS,
    DEFAULT_CHECKS,
    PROBE_STAGES,
    CheckResult,
    ProbeError,
    ProbeStage,
    SanityRecord,
    Verdict,
)
from experiment_runner.sanity.runner import Limits, ProbeOutcome, run_probe
from experiment_runner.workspace import Workspace

PROBE_SCRIPT = Path(__file__).resolve().parent.parent / "probe" / "sanity.py"
#: the probe runs data_finite and shapes first in any case: the other checks build on them
_FIRST = ("data_finite", "shapes")

ProgressFn = Callable[[float, "float | None", "str | None"], None]


@dataclass
class SanityOptions:
    entrypoint: str
    experiment: str | None = None
    device: str = "auto"
    interpreter: str | None = None
    workdir: str | None = None
    timeout_s: float | None = None
    memory_mb: int | None = None
    checks: list[str] | None = None
    lr_range_test: bool = False
    overfit_steps: int = 200
    train_steps: int = 200
    max_batches: int = 50
    lr_steps: int = 100
    seed: int = 0


_PYTHON_NAME = re.compile(r"(?:python|pypy)\d*(?:\.\d+)*[a-z]?")


def resolve_interpreter(ws: Workspace, given: str | None) -> str:
    """The Python for user code: the tool input, else `python` in experiment-runner.yaml, else the server's own."""
    if given:
        value, source = given, "interpreter"
    elif ws.config.python:
        value, source = ws.config.python, "python in experiment-runner.yaml"
    else:
        return sys.executable
    from experiment_runner.workspace import names

    names.path_text(value, source)
    if os.sep in value or value.startswith("."):
        path = Path(value).expanduser()
        path = path if path.is_absolute() else ws.root / path
    else:
        found = shutil.which(value)
        if found is None:
            raise UserError(
                f"{source} {value!r} is not a program on PATH; give the path of a Python interpreter "
                f"(e.g. .venv/bin/python or {sys.executable})"
            )
        path = Path(found)
    if not path.is_file() or not os.access(path, os.X_OK):
        raise UserError(
            f"{source} {value!r} is not an executable file (looked at {path}); give the path of a Python "
            f"interpreter (e.g. .venv/bin/python or {sys.executable})"
        )
    if not _PYTHON_NAME.fullmatch(path.name):  # only an interpreter runs the probe: never an arbitrary program
        raise UserError(
            f"{source} {value!r} is not a Python interpreter (its name should look like python, python3 "
            f"or python3.11); give e.g. .venv/bin/python or {sys.executable}"
        )
    return str(path)


def resolve_entrypoint(ws: Workspace, spec: str) -> tuple[str, Path | None]:
    """(the spec the probe gets, the entrypoint file when it is one). File paths are relative to the workspace root."""
    from experiment_runner.probe.entrypoint import EntrypointError, parse_spec

    try:
        parsed = parse_spec(spec)
    except EntrypointError as e:
        raise UserError(e.message) from None
    if parsed.kind == "module":
        return spec, None
    path = ws.resolve(parsed.target, what="entrypoint file")
    if not path.exists():
        raise NotFound(
            f"entrypoint file {parsed.target!r} does not exist (looked at {path}); paths are relative to the "
            f"workspace root {ws.root}"
        )
    if not path.is_file():
        raise UserError(f"entrypoint {parsed.target!r} is not a file")
    return f"{path}:{parsed.attribute}", path


def _sha256(path: Path | None) -> str | None:
    if path is None:
        return None
    from experiment_runner.workspace import confine

    return "sha256:" + hashlib.sha256(confine.read_bytes(path)).hexdigest()


def requested_checks(opts: SanityOptions) -> list[str]:
    names = list(opts.checks) if opts.checks else list(DEFAULT_CHECKS)
    if opts.lr_range_test and "lr_range_test" not in names:
        names.append("lr_range_test")
    bad = [n for n in names if n not in ALL_CHECKS]
    if bad:
        raise UserError(f"unknown check(s) {bad}; valid: {', '.join(ALL_CHECKS)}")
    return [n for n in ALL_CHECKS if n in names]


def _stack_from_tail(tail: str) -> list[str]:
    """The stack faulthandler printed (deadline or fatal signal), else the last lines of output."""
    lines = tail.splitlines()
    for marker in ("Timeout (", "Fatal Python error", "Traceback (most recent call last)"):
        starts = [i for i, line in enumerate(lines) if line.startswith(marker)]
        if starts:
            return [line.rstrip() for line in lines[starts[-1] :]][:40]
    return [line.rstrip() for line in lines[-12:]]


def _stage(value: object) -> ProbeStage:
    """The stage a probe's error names; one this server does not know reads as the probe's own failure."""
    return next((stage for stage in PROBE_STAGES if stage == value), "probe")


def _fill_missing(order: list[str], results: dict[str, CheckResult], outcome: ProbeOutcome, loaded: bool) -> None:
    """Checks the child never reported: the one running when it stopped is an error, the rest were not reached."""
    running = None
    if loaded and outcome.status != "error":
        progress = outcome.last_progress or ""
        for name in order:
            if name not in results and name in progress:
                running = name
                break
    for name in order:
        if name in results:
            continue
        if name == running:
            results[name] = CheckResult(
                name=name,
                status="error",
                message=f"did not finish: {outcome.message}",
                evidence={"output_tail": outcome.output_tail[-1500:]},
            )
        else:
            results[name] = CheckResult(name=name, status="skipped", message=f"not reached: {outcome.message}")


def run_sanity(
    ws: Workspace, opts: SanityOptions, progress: ProgressFn | None = None
) -> tuple[SanityRecord, Path | None]:
    """Run the checks; returns the record and where it was saved (None without an experiment)."""
    from experiment_runner.workspace import validate_experiment_name

    if opts.experiment is not None:
        validate_experiment_name(opts.experiment)
    interpreter = resolve_interpreter(ws, opts.interpreter)
    probe_spec, entry_file = resolve_entrypoint(ws, opts.entrypoint)
    if opts.workdir:
        workdir = ws.resolve(opts.workdir, kind="dir", must_exist=True, what="workdir")
    else:
        workdir = ws.root if ws.contains(ws.root) else ws.roots[0]
    sanity_cfg = ws.config.sanity
    limits = Limits(
        timeout_s=float(opts.timeout_s if opts.timeout_s is not None else sanity_cfg.timeout_s),
        memory_mb=int(opts.memory_mb if opts.memory_mb is not None else sanity_cfg.memory_mb),
    )
    device = opts.device or sanity_cfg.device
    names = requested_checks(opts)
    order = [n for n in _FIRST if n in names] + [n for n in names if n not in _FIRST]
    config = {
        "entrypoint": probe_spec,
        "workdir": str(workdir),
        "device": device,
        "checks": names,
        "overfit_steps": opts.overfit_steps,
        "train_steps": opts.train_steps,
        "max_batches": opts.max_batches,
        "lr_steps": opts.lr_steps,
        "seed": opts.seed,
        "memory_mb": limits.memory_mb,
        "deadline": time.time() + limits.timeout_s,
    }
    report = progress or (lambda *a: None)
    report(0.0, float(len(order) + 2), f"starting {Path(interpreter).name} (torch import, then {opts.entrypoint})")
    total_units = float(len(order) + 2)

    def on_event(event: dict[str, Any]) -> None:
        if event.get("event") == "progress":
            total = float(event.get("total") or 1.0)
            # one more unit than the probe counts: its start-up (interpreter and torch) comes first
            done = 1.0 + float(event.get("done") or 0.0) * (total_units - 1) / total
            report(round(done, 3), total_units, event.get("message"))

    outcome = run_probe(
        interpreter, PROBE_SCRIPT, ["--config", json.dumps(config)], cwd=workdir, limits=limits, on_event=on_event
    )
    record = assemble(
        ws,
        opts,
        outcome,
        interpreter=interpreter,
        device=device,
        order=order,
        limits=limits,
        entry_file=entry_file,
        workdir=ws.display(workdir),
    )
    report(total_units, total_units, f"{record.verdict}: {record.message}")
    path = None
    if opts.experiment is not None:
        from experiment_runner.sanity import store

        path = store.save(ws, record)
    return record, path


_ERROR_STAGE_WORDS: dict[ProbeStage, str] = {
    "import": "the entrypoint could not be loaded",
    "build": "build() failed",
    "contract": "what build() returned breaks the contract",
    "data": "reading a loader failed",
    "spec": "the entrypoint is not valid",
    "probe": "the probe failed",
}


def _verdict(outcome: ProbeOutcome, checks: list[CheckResult]) -> tuple[Verdict, str, ProbeError | None]:
    """The run's verdict, in one line, and where it stopped when it did not complete."""
    err = outcome.error
    if outcome.status == "completed":
        failed = [c.name for c in checks if c.status == "failed"]
        errored = [c.name for c in checks if c.status == "error"]
        ran = [c for c in checks if c.status != "skipped"]
        if failed:
            return "failed", f"{len(failed)} of {len(checks)} checks failed: {', '.join(failed)}", None
        if errored:
            return "error", f"{len(errored)} check(s) could not run: {', '.join(errored)}", None
        skipped = f" ({len(checks) - len(ran)} skipped)" if len(ran) < len(checks) else ""
        return "passed", f"all {len(ran)} checks that ran passed{skipped}", None
    if outcome.status == "error":
        stage = _stage(err.get("stage")) if err else "probe"
        traceback = list(err.get("traceback") or []) if err else []
        return (
            "error",
            _ERROR_STAGE_WORDS.get(stage, "error") + f": {outcome.message}",
            ProbeError(stage=stage, message=outcome.message, traceback=traceback),
        )
    stack = list(err.get("traceback") or []) if err else _stack_from_tail(outcome.output_tail)
    ended: ProbeStage = "limits" if outcome.status in ("timeout", "out_of_memory") else "probe"
    return outcome.status, outcome.message, ProbeError(stage=ended, message=outcome.message, traceback=stack)


def assemble(
    ws, opts, outcome: ProbeOutcome, *, interpreter, device, order, limits, entry_file, workdir
) -> SanityRecord:
    first: dict[str, dict[str, Any]] = {}
    for event in outcome.events:
        first.setdefault(str(event.get("event")), event)
    hello, dev, task, done = (
        first.get("hello", {}),
        first.get("device", {}),
        first.get("task", {}),
        first.get("done", {}),
    )
    err = outcome.error
    if err is not None and err.get("stage") == "device":
        raise UserError(str(err.get("message")))
    results: dict[str, CheckResult] = {}
    for event in outcome.events:
        if event.get("event") == "check":
            res = CheckResult.model_validate(event["result"])
            results[res.name] = res
    _fill_missing(order, results, outcome, loaded="loaded" in first)
    requested = list(order)
    order = [n for n in ALL_CHECKS if n in order or n in results]  # plus a failed prerequisite nobody asked for
    checks = [results[n] for n in order]
    verdict, message, error = _verdict(outcome, checks)
    timings = {k: float(v) for k, v in (done.get("timings") or {}).items()}
    timings["wall"] = outcome.wall_s
    if hello and "import_torch" in timings:
        timings["startup"] = round(max(0.0, outcome.wall_s - timings.get("probe_total", outcome.wall_s)), 3)
    from experiment_runner.sanity.store import utc_now

    return SanityRecord(
        experiment=opts.experiment,
        created_at=utc_now().isoformat(timespec="seconds").replace("+00:00", "Z"),
        entrypoint=opts.entrypoint,
        entrypoint_sha256=_sha256(entry_file),
        interpreter=interpreter,
        python_version=hello.get("python"),
        torch_version=dev.get("torch"),
        device_requested=device,
        device_used=dev.get("device"),
        device_name=dev.get("name"),
        verdict=verdict,
        passed=verdict == "passed",
        message=message,
        checks=checks,
        task=task.get("task"),
        loss=task.get("loss") or first.get("loaded", {}).get("loss"),
        num_classes=task.get("num_classes"),
        notes=list(task.get("notes") or [])
        + (
            [f"build() returned keys the contract does not use: {', '.join(first['loaded']['extra_keys'])}"]
            if first.get("loaded", {}).get("extra_keys")
            else []
        ),
        error=error,
        limits={"timeout_s": limits.timeout_s, "memory_mb": limits.memory_mb},
        memory={**(dev.get("memory") or {}), "peak_rss_mb": outcome.peak_rss_mb},
        options={
            "checks": requested,
            "overfit_steps": opts.overfit_steps,
            "train_steps": opts.train_steps,
            "max_batches": opts.max_batches,
            "lr_steps": opts.lr_steps,
            "seed": opts.seed,
            "workdir": workdir,
        },
        timings=timings,
        output_tail=outcome.output_tail[-TAIL_KEPT:] if outcome.status != "completed" else None,
    )


TAIL_KEPT = 3000


def table(record: SanityRecord) -> str:
    """The checks as a markdown table: check, status, expected, observed."""

    def cell(text: str | None, width: int = 90) -> str:
        text = (text or "").replace("|", "/").replace("\n", " ")
        return text if len(text) <= width else text[: width - 3] + "..."

    rows = ["| check | status | expected | observed |", "|---|---|---|---|"]
    for c in record.checks:
        observed = c.observed if c.status in ("passed", "failed") else c.message
        rows.append(f"| {c.name} | {c.status} | {cell(c.expected, 60)} | {cell(observed)} |")
    return "\n".join(rows)
