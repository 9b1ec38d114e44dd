"""A run or a launch in a few lines of JSON: what the notification hook reads on stdin and what the run's
run://<run_id>/status resource (and a launch's launch://<experiment>/<launch_id>) serves."""

from __future__ import annotations

import math
import time
from typing import Any

from experiment_runner.runs import records
from experiment_runner.runs.model import RunView

#: Most metrics a digest names (the latest value of each).
MAX_METRICS = 20


def _num(v: float) -> float | str:
    return v if math.isfinite(v) else ("nan" if math.isnan(v) else ("inf" if v > 0 else "-inf"))


def run_digest(view: RunView) -> dict[str, Any]:
    from experiment_runner.runs.summary import summarize

    st, spec = view.state, view.spec
    started = records.iso_to_unix(st.started_at)
    ended = records.iso_to_unix(st.ended_at)
    summary = summarize(view.dir)
    latest = {
        name: {"step": ser.latest[0], "value": _num(ser.latest[1])}
        for name, ser in sorted(summary.series().items())[:MAX_METRICS]
        if ser.latest is not None
    }
    try:
        health = records.read_json(view.dir / records.HEALTH)
    except (OSError, ValueError):
        health = []
    try:
        ckpt = records.read_json(view.dir / records.CHECKPOINTS)
    except (OSError, ValueError):
        ckpt = None
    return {
        "run_id": spec.run_id,
        "experiment": spec.experiment,
        "arm": spec.arm,
        "seed": spec.seed,
        "launch_id": spec.launch_id,
        "backend": spec.backend,
        "state": st.state,
        "ended_by": st.ended_by,
        "reason": st.reason,
        "exit_code": st.exit_code,
        "signal": st.signal,
        "attempt": st.attempt,
        "max_attempts": st.max_attempts,
        "attempts": [a.model_dump(mode="json", exclude_none=True) for a in st.attempts],
        "started_at": st.started_at,
        "ended_at": st.ended_at,
        "elapsed_s": round((ended or time.time()) - started, 1) if started else None,
        "step": summary.step(),
        "latest": latest,
        "health": health if isinstance(health, list) else [],
        "checkpoints": ckpt if isinstance(ckpt, dict) else None,
        "run_dir": str(view.dir),
        "checkpoint_dir": spec.checkpoint_dir,
    }


def launch_digest(experiment: str, launch_id: str, views: list[RunView]) -> dict[str, Any]:
    counts: dict[str, int] = {}
    for v in views:
        counts[v.state.state] = counts.get(v.state.state, 0) + 1
    return {
        "experiment": experiment,
        "launch_id": launch_id,
        "runs": len(views),
        "by_state": counts,
        "ended": all(v.terminal for v in views),
        "run_states": [
            {
                "run_id": v.run_id,
                "arm": v.spec.arm,
                "seed": v.spec.seed,
                "state": v.state.state,
                "attempt": v.state.attempt,
                "reason": v.state.reason,
            }
            for v in views
        ],
    }
