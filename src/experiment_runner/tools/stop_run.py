"""stop_run: end a run, an arm's runs or an experiment's runs: SIGTERM to each run's whole process session,
SIGKILL after a grace period; queued runs are cancelled before they start."""

from __future__ import annotations

import time

from pydantic import BaseModel, Field

from experiment_runner.errors import UserError
from experiment_runner.runs.backends import get_backend
from experiment_runner.runs.model import TERMINAL_STATES
from experiment_runner.runs.store import RunStore
from experiment_runner.tools.base import BackgroundCall, ToolContext, ToolInput, ToolOutput, ToolSpec
from experiment_runner.workspace import Workspace

#: How long past the grace period a waiting stop_run waits for the runs to be reaped.
STOP_WAIT_MARGIN_S = 15.0


class StopRunInput(ToolInput):
    run_id: str | None = Field(None, description="The run to stop. Give this, or experiment (optionally with arm).")
    experiment: str | None = Field(None, description="Stop every queued or running run of this experiment.")
    arm: str | None = Field(None, description="With experiment: only this arm's runs.")
    grace_s: float | None = Field(
        None, ge=0, le=3600, description="Seconds between SIGTERM and SIGKILL (default runs.stop_grace_s, 10)."
    )
    wait: bool = Field(
        True, description="Wait until the runs have ended (at most the grace period plus 15 s) and report how."
    )


class StopResult(BaseModel):
    run_id: str
    previous_state: str
    state: str
    action: str = Field(description="What was done, in words.")
    stop_signal: str | None = Field(
        None, description="SIGTERM if that ended it, SIGKILL if it outlived the grace period."
    )
    reason: str | None = None


class StopRunOutput(ToolOutput):
    results: list[StopResult]
    all_ended: bool


def stop_run(inp: StopRunInput, ctx: ToolContext) -> StopRunOutput:
    """Stop a run, or all queued and running runs of an experiment (or of one of its arms). Each running run's whole
    process session (the command and everything it started) gets SIGTERM, then SIGKILL if it is still there after
    the grace period; queued runs are cancelled before they start. The run's state records which signal it took.
    A recorded pid that now belongs to another process is never signalled."""
    if (inp.run_id is None) == (inp.experiment is None):
        raise UserError(
            "give run_id (one run) or experiment (all its runs, optionally one arm), not both and not neither"
        )
    if inp.run_id is not None and inp.arm is not None:
        raise UserError("arm narrows an experiment; with run_id leave it out")
    store = RunStore(ctx.workspace)
    grace = ctx.workspace.config.runs.stop_grace_s if inp.grace_s is None else inp.grace_s
    asked: list[str] = []
    if inp.run_id is not None:
        views = [store.get(inp.run_id)]
    else:
        if inp.arm is None:  # first, so that a sweep's driver launches nothing more while its runs are stopped
            from experiment_runner.sweeps.launch import stop_sweeps

            asked = stop_sweeps(ctx.workspace, inp.experiment or "", by="stop_run")
        views = store.list_runs(experiment=inp.experiment, arm=inp.arm)
        if not views:
            raise UserError(
                f"experiment {inp.experiment!r}" + (f" arm {inp.arm!r}" if inp.arm else "") + " has no runs to stop"
            )
    results: dict[str, StopResult] = {}
    for v in views:
        prev = v.state.state
        if prev in ("completed", "failed", "cancelled"):
            if inp.run_id is not None:
                results[v.run_id] = StopResult(
                    run_id=v.run_id,
                    previous_state=prev,
                    state=prev,
                    action=f"nothing to do: already {prev}",
                    reason=v.state.reason,
                )
            continue
        action = get_backend(v.spec.backend).stop(v, grace, by="stop_run")
        results[v.run_id] = StopResult(run_id=v.run_id, previous_state=prev, state=prev, action=action)
    if not results and not asked:
        raise UserError(
            f"no queued or running run to stop in experiment {inp.experiment!r}"
            + (f" arm {inp.arm!r}" if inp.arm else "")
        )

    deadline = time.monotonic() + grace + STOP_WAIT_MARGIN_S
    pending = set(results)
    while True:
        for run_id in list(pending):
            v = store.get(run_id)
            r = results[run_id]
            r.state, r.stop_signal, r.reason = v.state.state, v.state.stop_signal, v.state.reason
            if v.state.state in TERMINAL_STATES:
                pending.discard(run_id)
        if not pending or not inp.wait or time.monotonic() >= deadline:
            break
        ctx.progress(len(results) - len(pending), len(results), f"{len(pending)} run(s) still ending")
        time.sleep(0.2)
    out = list(results.values())
    ended = [r for r in out if r.state in TERMINAL_STATES]
    killed = [r for r in ended if r.stop_signal == "SIGKILL"]
    summary = f"Stopped {len(ended)} of {len(out)} run(s)"
    if killed:
        summary += f" ({len(killed)} needed SIGKILL after the {grace:g} s grace period)"
    if pending:
        summary += f"; {len(pending)} still ending" + ("" if inp.wait else " (wait=false)")
    if asked:
        summary += f"; sweep(s) {', '.join(asked)} asked to stop (their drivers launch no more trials)"
    return StopRunOutput(summary=summary + ".", results=out, all_ended=not pending)


def waits_long(inp: StopRunInput, ws: Workspace) -> bool:
    """A stop that waits may wait the grace period and then some: past a minute, it is a task where the client
    takes them."""
    grace = ws.config.runs.stop_grace_s if inp.grace_s is None else inp.grace_s
    return inp.wait and grace + STOP_WAIT_MARGIN_S >= 60


SPEC = ToolSpec(
    name="stop_run",
    title="Stop runs (SIGTERM, then SIGKILL after a grace period)",
    fn=stop_run,
    input_model=StopRunInput,
    output_model=StopRunOutput,
    read_only=False,
    destructive=True,
    idempotent=True,
    task=BackgroundCall(when=waits_long),
)
