"""list_runs: the runs in the store, filtered by experiment, arm and state."""

from __future__ import annotations

import time

from pydantic import BaseModel, Field

from experiment_runner.runs import records
from experiment_runner.runs.model import RunStateName
from experiment_runner.runs.store import RunStore
from experiment_runner.sweeps.store import SweepProgress, experiment_progress
from experiment_runner.tools.base import ToolContext, ToolInput, ToolOutput, ToolSpec


class ListRunsInput(ToolInput):
    experiment: str | None = Field(None, description="Only this experiment's runs.")
    arm: str | None = Field(None, description="Only this arm's runs.")
    states: list[RunStateName] | None = Field(
        None, description="Only runs in these states (queued, running, completed, failed, cancelled, lost)."
    )
    limit: int = Field(200, ge=1, le=10000, description="Most runs returned (the newest).")


class RunRow(BaseModel):
    run_id: str
    experiment: str
    arm: str
    seed: int
    state: str
    exploratory: bool
    created_at: str
    started_at: str | None = None
    ended_at: str | None = None
    elapsed_s: float | None = None
    exit_code: int | None = None
    reason: str | None = None
    launch_id: str


class ListRunsOutput(ToolOutput):
    runs: list[RunRow] = Field(description="Oldest first.")
    total: int = Field(description="Runs matching the filters (before the limit).")
    by_state: dict[str, int]
    sweeps: list[SweepProgress] = Field(
        default_factory=list, description="With experiment: its sweeps' progress (trials by state, best, budget used)."
    )


def list_runs(inp: ListRunsInput, ctx: ToolContext) -> ListRunsOutput:
    """List runs (oldest first), filtered by experiment, arm and state; each with its state after a liveness
    check, its seed, times, exit code and why it ended. Use get_run_status for metrics, health and logs."""
    store = RunStore(ctx.workspace)
    views = store.list_runs(experiment=inp.experiment, arm=inp.arm, states=inp.states)
    now = time.time()
    rows = []
    by_state: dict[str, int] = {}
    for v in views:
        st = v.state
        by_state[st.state] = by_state.get(st.state, 0) + 1
        started, ended = records.iso_to_unix(st.started_at), records.iso_to_unix(st.ended_at)
        rows.append(
            RunRow(
                run_id=v.spec.run_id,
                experiment=v.spec.experiment,
                arm=v.spec.arm,
                seed=v.spec.seed,
                state=st.state,
                exploratory=v.spec.exploratory,
                created_at=v.spec.created_at,
                started_at=st.started_at,
                ended_at=st.ended_at,
                elapsed_s=round((ended or now) - started, 2) if started else None,
                exit_code=st.exit_code,
                reason=st.reason,
                launch_id=v.spec.launch_id,
            )
        )
    total = len(rows)
    rows = rows[-inp.limit :]
    filters = ", ".join(
        f"{k}={v}" for k, v in (("experiment", inp.experiment), ("arm", inp.arm), ("states", inp.states)) if v
    )
    counts = ", ".join(f"{n} {k}" for k, n in sorted(by_state.items())) or "none"
    summary = (
        f"{total} run(s)"
        + (f" ({filters})" if filters else "")
        + f": {counts}."
        + (f" Showing the newest {len(rows)}." if total > len(rows) else "")
    )
    sweeps = experiment_progress(store, inp.experiment) if inp.experiment else []
    summary += "".join(f" {p.summary[0].upper()}{p.summary[1:]}." for p in sweeps)
    return ListRunsOutput(summary=summary, runs=rows, total=total, by_state=by_state, sweeps=sweeps)


SPEC = ToolSpec(
    name="list_runs",
    title="List runs",
    fn=list_runs,
    input_model=ListRunsInput,
    output_model=ListRunsOutput,
    read_only=True,
    idempotent=True,
)
