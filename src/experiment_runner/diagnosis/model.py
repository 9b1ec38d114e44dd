"""What a diagnosis is made of: evidence items, findings (a category with its evidence, causes and next steps),
and the whole diagnosis. A finding's category is a stable id (CATEGORIES); its confidence combines its evidence
as independent signals: 1 - prod(1 - strength)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

CATEGORIES: tuple[str, ...] = (
    "nan_or_inf_loss",
    "exploding_gradients",
    "loss_not_decreasing",
    "underfitting",
    "overfitting",
    "data_leakage",
    "amp_loss_scale_collapse",
    "out_of_memory",
    "shape_mismatch",
    "dtype_or_device_mismatch",
    "device_side_assert",
    "dataloader_worker_crash",
    "distributed_timeout",
    "disk_full",
    "missing_file_or_module",
    "time_limit",
    "preempted_or_node_failure",
    "process_crash",
    "unrecognized_error",
)

#: The run monitor's health codes (runs/health.py) and the diagnosis category each one is evidence for: the one
#: table that maps the two vocabularies. None: a code about the machinery, not about how training fails.
HEALTH_CODE_CATEGORY: dict[str, str | None] = {
    "nan_loss": "nan_or_inf_loss",
    "loss_diverging": "exploding_gradients",
    "loss_flat": "loss_not_decreasing",
    "grad_norm_exploding": "exploding_gradients",
    "val_rising": "overfitting",
    "low_gpu_util": None,
    "no_output": None,
    "heartbeat_lost": None,
    "disk_filling": None,  # the disk, not the training: status says it, diagnosis has nothing to add
    "not_resumed": None,  # a retry that restarted from step 0: a fact about the script, shown by status
}

#: Findings below this confidence are listed as weak signals, not findings; a run with none above it is healthy.
REPORT_THRESHOLD = 0.5


class Evidence(BaseModel):
    kind: Literal["log", "final_error", "exit", "scheduler", "metric", "telemetry", "probe"] = Field(
        description="Where it comes from: a log line, the exception that ended the run, the exit code or signal, the "
        "scheduler's state, a metric series, a telemetry sample, or the active probe."
    )
    summary: str = Field(description="The evidence in one sentence, with its values.")
    strength: float = Field(ge=0, le=1, description="How strongly this alone points at the category (0..1).")
    stream: str | None = Field(None, description="stdout or stderr, for log evidence.")
    line: int | None = Field(None, description="1-based line number in that stream.")
    text: str | None = Field(None, description="The log line itself.")
    count: int | None = Field(None, description="How many lines matched the same pattern.")
    step: int | None = Field(None, description="Training step the evidence refers to.")
    value: float | str | None = Field(None, description="The value at that step (NaN/Inf as strings).")
    data: dict[str, Any] = Field(
        default_factory=dict, description="Statistics behind it (test statistic, p-value, slope ...)."
    )


class Finding(BaseModel):
    category: str = Field(description="Stable category id, e.g. nan_or_inf_loss, out_of_memory.")
    title: str
    confidence: float = Field(ge=0, le=1)
    headline: str = Field(description="What happened, in one sentence with the run's own numbers.")
    evidence: list[Evidence]
    likely_causes: list[str] = Field(description="Most likely first.")
    next_steps: list[str] = Field(description="In the order to try them, with values taken from the run.")
    cheapest_experiment: str = Field(description="The cheapest next experiment that settles the diagnosis.")
    suggested_command: list[str] | None = Field(
        None,
        description="The run's own command with the first next step applied (when the value came from the command).",
    )
    facts: dict[str, Any] = Field(default_factory=dict, description="Key values: first bad step, onset step, rates ...")


class ProbeReport(BaseModel):
    status: str = Field(description="completed | error | timeout | out_of_memory | crashed (the probe child's end).")
    message: str
    first_nonfinite: dict[str, Any] | None = Field(
        None,
        description="Where the first NaN/Inf appeared: step, phase (input/forward/loss/backward/optimizer), module, "
        "operation.",
    )
    steps: list[dict[str, Any]] = Field(
        default_factory=list, description="Per probe step: loss, total and per-layer gradient norms."
    )


def combine(strengths: list[float]) -> float:
    p = 1.0
    for s in strengths:
        p *= 1.0 - max(0.0, min(1.0, s))
    return round(min(0.99, 1.0 - p), 3)
