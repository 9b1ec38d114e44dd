"""Active mode: run probe/anomaly.py on a sanity-check entrypoint in the user's interpreter, through the sanity
checks' child runner (time limit, memory cap, own process group, stdin from /dev/null), and turn its events into
a ProbeReport."""

from __future__ import annotations

import json
import time
from pathlib import Path

from experiment_runner.diagnosis.model import ProbeReport

PROBE_SCRIPT = Path(__file__).resolve().parent.parent / "probe" / "anomaly.py"


def run_anomaly_probe(
    ws, entrypoint: str, *, steps: int, lr: float | None, interpreter: str | None, timeout_s: float | None = None
) -> ProbeReport:
    from experiment_runner.sanity.runner import Limits, run_probe
    from experiment_runner.sanity.service import resolve_entrypoint, resolve_interpreter

    python = resolve_interpreter(ws, interpreter)
    spec, _ = resolve_entrypoint(ws, entrypoint)
    sanity = ws.config.sanity
    limits = Limits(timeout_s=float(timeout_s or sanity.timeout_s), memory_mb=int(sanity.memory_mb))
    config = {
        "entrypoint": spec,
        "workdir": str(ws.root),
        "steps": steps,
        "lr": lr,
        "seed": 0,
        "device": getattr(sanity, "device", "auto"),
        "memory_mb": limits.memory_mb,
        "deadline": time.time() + limits.timeout_s,
    }
    outcome = run_probe(python, PROBE_SCRIPT, ["--config", json.dumps(config)], cwd=ws.root, limits=limits)
    result = next((e for e in reversed(outcome.events) if e.get("event") == "result"), None)
    error = next((e for e in reversed(outcome.events) if e.get("event") == "error"), None)
    if result is not None:
        first = result.get("first_nonfinite")
        where = first["summary"] if first else f"no NaN/Inf in {result.get('steps_run')} steps (lr {result.get('lr')})"
        return ProbeReport(
            status="completed", message=f"{where}", first_nonfinite=first, steps=result.get("steps") or []
        )
    if error is not None:
        tb = "; ".join(error.get("traceback") or [])[-600:]
        return ProbeReport(status="error", message=f"{error.get('message')}" + (f" ({tb})" if tb else ""))
    return ProbeReport(
        status=outcome.status,
        message=f"the probe did not finish: {outcome.message}; output: {outcome.output_tail[-400:]}",
    )
