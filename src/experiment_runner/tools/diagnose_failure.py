"""diagnose_failure: ranked causes of a failed (or suspicious) training run, with evidence and next steps."""

from __future__ import annotations

import signal as _signal
from typing import Any

from pydantic import BaseModel, Field, field_validator

from experiment_runner.diagnosis.model import Finding, ProbeReport
from experiment_runner.diagnosis.verdict import VerdictOutcome
from experiment_runner.errors import UserError
from experiment_runner.tools.base import BackgroundCall, ResourceRef, ToolContext, ToolInput, ToolOutput, ToolSpec

MAX_TEXT = 64 << 20  # pasted text beyond this belongs in a run's log file


class DiagnoseFailureInput(ToolInput):
    run_id: str | None = Field(
        None,
        description="A run launched with launch_training: its logs, metrics, exit, telemetry and command are read from "
        "the store.",
    )
    log_text: str | None = Field(
        None, description="A log (standard output, or everything) pasted from anywhere, when there is no run id."
    )
    stderr_text: str | None = Field(None, description="The error output, when it is separate from log_text.")
    exit_code: int | None = Field(
        None, description="The process's exit code, with log_text (137 is SIGKILL as a shell reports it)."
    )
    signal: int | None = Field(
        None, description="Signal that ended the process, with log_text: a number (9) or a name (SIGKILL)."
    )
    reason: str | None = Field(
        None, description="Why it ended, in words, with log_text (e.g. a scheduler's 'TIMEOUT' or 'time limit 2 h')."
    )
    command: list[str] | None = Field(
        None,
        description="The training command (argv), with log_text: hyperparameters such as --lr and --batch-size are "
        "read from it.",
    )
    metrics: dict[str, list[Any]] | None = Field(
        None,
        description="Metric series, alone or with log_text: {name: [value, ...] or [[step, value], ...]}; values "
        'may be "nan", "inf", "-inf". Names like loss, val_loss, grad_norm, val_acc are recognised.',
    )
    entrypoint: str | None = Field(
        None,
        description="Active mode: a sanity-check entrypoint ('path/to/file.py:build') to re-run a few training steps "
        "under autograd anomaly detection, naming the first module and operation that produced NaN/Inf, with "
        "per-layer gradient norms.",
    )
    probe_steps: int = Field(
        30, ge=1, le=2000, description="Training steps the active probe runs (it stops at the first NaN/Inf)."
    )
    probe_lr: float | None = Field(
        None, gt=0, description="Learning rate for the probe (default: the run's own, when known)."
    )
    interpreter: str | None = Field(
        None,
        description="Python for the active probe (default: python in experiment-runner.yaml, else the server's own).",
    )

    @field_validator("signal", mode="before", json_schema_input_type=int | str | None)
    @classmethod
    def _signal(cls, value: object) -> object:
        """A signal's name becomes its number; anything else is left to the field's own validation."""
        if not isinstance(value, str):
            return value
        text = value.strip().upper()
        if text.isdigit():
            return int(text)
        name = text if text.startswith("SIG") else "SIG" + text
        try:
            return int(_signal.Signals[name])
        except KeyError:
            raise ValueError(
                f"unknown signal {value!r}; give a number (9) or a name such as SIGKILL, SIGTERM, SIGSEGV"
            ) from None


class ScanInfo(BaseModel):
    stream: str
    engine: str = Field(description="hyperscan (native) or python (fallback).")
    lines: int
    bytes: int
    bytes_read: int = Field(
        description="Bytes read by this call: less than `bytes` when an earlier scan's state was reused."
    )
    seconds: float


class WeakSignal(BaseModel):
    category: str
    confidence: float
    headline: str


class DiagnoseFailureOutput(ToolOutput):
    source: str = Field(description="run, log_text or metrics.")
    run_id: str | None = None
    healthy: bool = Field(description="No failure found: no finding, and nothing says the run failed.")
    verdict: VerdictOutcome = Field(
        description="failed (a finding, or the run's end says it failed), healthy (no failure found and the log "
        "shows the run learning: shown_by) or undetermined (no failure found, and nothing shows it learning either: "
        "to_check says what would settle it)."
    )
    shown_by: list[str] = Field(default_factory=list, description="What shows a healthy run learning, with values.")
    to_check: list[str] = Field(
        default_factory=list, description="What the log leaves open and what would settle it, most useful first."
    )
    outcome: str
    findings: list[Finding] = Field(
        description="Ranked by confidence, highest first, a cause before the consequence it explains; empty when no "
        "failure was found."
    )
    weak_signals: list[WeakSignal] = Field(
        default_factory=list, description="Categories with evidence below the reporting threshold."
    )
    metrics_used: dict[str, str] = Field(default_factory=dict)
    hyperparameters: dict[str, Any] = Field(default_factory=dict)
    scans: list[ScanInfo] = Field(default_factory=list, description="How each log was scanned.")
    probe: ProbeReport | None = Field(None, description="What the active probe found, when an entrypoint was given.")


def diagnose_failure(inp: DiagnoseFailureInput, ctx: ToolContext) -> DiagnoseFailureOutput:
    """Diagnose a training run: why it failed, or whether it is quietly going wrong. Give a run_id (logs, metrics,
    exit code or signal, telemetry and command come from the store), or log_text (with stderr_text, exit_code,
    signal, command) pasted from anywhere (a traceback at the end is a failure even without an exit code), or metric
    series. Returns findings ranked by confidence, a cause before the consequence it explains (a divergence before
    the NaN it led to), each with a stable category (nan_or_inf_loss, exploding_gradients, loss_not_decreasing,
    underfitting, overfitting, data_leakage, amp_loss_scale_collapse, out_of_memory, shape_mismatch,
    dtype_or_device_mismatch, device_side_assert, dataloader_worker_crash, distributed_timeout, disk_full,
    missing_file_or_module, time_limit, ...); losses and accuracies are judged against the chance level (ln C,
    1/C). Each finding has the evidence (log line numbers and lines, steps and values, statistics), likely causes,
    next steps in order with values from the run (e.g. lower the learning rate from 3e-3 to 3e-4; none the run
    already takes), and the cheapest next experiment. A healthy run gets no finding.
    With an entrypoint, a probe re-runs a few steps under anomaly detection and names the first NaN-producing op."""
    from experiment_runner.diagnosis import sources
    from experiment_runner.diagnosis.diagnose import diagnose

    given = [n for n in ("run_id", "log_text", "metrics") if getattr(inp, n) is not None]
    if not given and inp.stderr_text is None:
        raise UserError("nothing to diagnose: give run_id, or log_text (and/or stderr_text), or metrics")
    if inp.run_id is not None and (inp.log_text is not None or inp.stderr_text is not None or inp.metrics is not None):
        raise UserError(
            "give either run_id or log_text/stderr_text/metrics, not both: a run's logs and metrics are read from the "
            "store"
        )
    if (
        inp.run_id is None
        and inp.command is None
        and inp.log_text is None
        and inp.stderr_text is None
        and inp.metrics == {}
    ):
        raise UserError('metrics is empty: give at least one series, e.g. {"loss": [2.3, 2.1, nan]}')
    for name in ("log_text", "stderr_text"):
        text = getattr(inp, name)
        if text is not None and len(text) > MAX_TEXT:
            raise UserError(
                f"{name} is {len(text):,} characters; the most accepted is {MAX_TEXT:,}: launch the run with "
                "launch_training (or pass its run_id) so the log is scanned from disk"
            )
    if inp.interpreter is not None:
        if not inp.entrypoint:
            raise UserError(
                f"interpreter {inp.interpreter!r} is only used by the active probe: give entrypoint too (e.g. "
                "'model.py:build'), or leave interpreter out"
            )
        from experiment_runner.sanity.service import resolve_interpreter

        resolve_interpreter(ctx.workspace, inp.interpreter)  # checked before anything runs, as run_sanity_checks does
    ctx.progress(0, 3, "reading logs")
    if inp.run_id is not None:
        run = sources.from_run(ctx.workspace, inp.run_id)
    else:
        series = sources.normalise_series(inp.metrics) if inp.metrics else None
        run = sources.from_text(
            inp.log_text,
            inp.stderr_text,
            exit_code=inp.exit_code,
            signal=inp.signal,
            reason=inp.reason,
            command=inp.command,
            series=series,
        )
        if inp.log_text is None and inp.stderr_text is None:
            run.source = "metrics"
    probe = None
    if inp.entrypoint:
        from experiment_runner.diagnosis.active import run_anomaly_probe

        ctx.progress(1, 3, "running the anomaly probe")
        lr = inp.probe_lr or run.hparams.number("lr")
        probe = run_anomaly_probe(
            ctx.workspace, inp.entrypoint, steps=inp.probe_steps, lr=lr, interpreter=inp.interpreter
        )
        run.probe = probe
    ctx.progress(2, 3, "analysing")
    result = diagnose(run)
    scans = [
        ScanInfo(
            stream=s.name,
            engine=s.scan.engine,
            lines=s.scan.lines,
            bytes=s.scan.bytes_total,
            bytes_read=s.scan.bytes_read,
            seconds=round(s.scan.elapsed_s, 4),
        )
        for s in run.streams
    ]
    summary = result.summary
    if probe is not None:
        summary += f" Probe: {probe.message}"
    return DiagnoseFailureOutput(
        summary=summary,
        source=run.source,
        run_id=run.run_id,
        healthy=result.healthy,
        verdict=result.verdict,
        shown_by=result.shown_by,
        to_check=result.to_check,
        outcome=result.outcome,
        findings=result.findings,
        weak_signals=[
            WeakSignal(category=f.category, confidence=f.confidence, headline=f.headline) for f in result.weak_signals
        ],
        metrics_used=result.metrics_used,
        hyperparameters=result.hyperparameters,
        scans=scans,
        probe=probe,
        resources=_run_links(ctx, inp.run_id),
    )


def _run_links(ctx: ToolContext, run_id: str | None) -> list[ResourceRef]:
    """The diagnosed run's logs and metrics, to read beyond the evidence lines quoted here."""
    if run_id is None:
        return []
    from experiment_runner.runs.store import RunStore
    from experiment_runner.tools.links import run_refs

    return run_refs(RunStore(ctx.workspace).get(run_id))


SPEC = ToolSpec(
    name="diagnose_failure",
    title="Diagnose a failed or suspicious training run",
    fn=diagnose_failure,
    input_model=DiagnoseFailureInput,
    output_model=DiagnoseFailureOutput,
    read_only=True,
    idempotent=True,
    # the active probe runs the user's code for a while: a task where the client takes them
    task=BackgroundCall(when=lambda inp, ws: inp.entrypoint is not None),
)
