"""run_sanity_checks: the seed's Phase 1 as pass/fail verdicts on the user's own PyTorch model, run in a child
process with the user's interpreter under a time limit and a memory cap, recorded with the experiment."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from experiment_runner.sanity.model import CheckName, SanityRecord
from experiment_runner.tools.base import BackgroundCall, ToolContext, ToolInput, ToolOutput, ToolSpec


class RunSanityChecksInput(ToolInput):
    entrypoint: str = Field(
        description="What builds the model: 'path/to/file.py:build' (relative to the workspace root) or "
        "'package.module:build'. build() takes no arguments and returns a dict with model, train_loader, loss_fn "
        "and optionally val_loader, optimizer (callable(params) -> optimizer), task, num_classes."
    )
    experiment: str | None = Field(
        None,
        description="Record the result with this experiment (under <store>/<experiment>/sanity/); omit to not record.",
    )
    device: Literal["auto", "cpu", "cuda"] | None = Field(
        None,
        description="auto: CUDA when the interpreter's torch sees a GPU, else CPU. Default: sanity.device in "
        "experiment-runner.yaml (auto).",
    )
    interpreter: str | None = Field(
        None,
        description="Python to run the user's code with (path or name on PATH). Default: python in "
        "experiment-runner.yaml, else the server's own.",
    )
    workdir: str | None = Field(
        None, description="Working directory for build(), inside the workspace. Default: the workspace root."
    )
    timeout_s: float | None = Field(
        None, gt=0, le=7200, description="Time limit in seconds. Default: sanity.timeout_s (300)."
    )
    memory_mb: int | None = Field(
        None, gt=0, description="MiB the child may use beyond its start-up size. Default: sanity.memory_mb (8192)."
    )
    checks: list[CheckName] | None = Field(
        None,
        description="Which checks to run (default: all but lr_range_test). data_finite and shapes always run "
        "first because the others build on them, but only the ones named are reported.",
    )
    lr_range_test: bool = Field(
        False, description="Also run the learning-rate range test (1e-5 to 1e-1) and suggest a rate."
    )
    overfit_steps: int = Field(200, ge=1, le=10000, description="Most optimizer steps for overfit_one_batch.")
    train_steps: int = Field(
        200, ge=1, le=100000, description="Optimizer steps of the short training in beats_baseline."
    )
    max_batches: int = Field(
        50, ge=1, le=100000, description="Most batches read from each loader (all checks use these)."
    )
    lr_steps: int = Field(100, ge=10, le=10000, description="Steps of the learning-rate range test.")
    seed: int = Field(0, description="Seed for torch and random, set before build() is called.")


class RunSanityChecksOutput(SanityRecord, ToolOutput):
    path: str | None = Field(
        None, description="Where the result was recorded, relative to the workspace (none without experiment)."
    )
    table: str = Field(description="The checks as a markdown table.")


def run_sanity_checks(inp: RunSanityChecksInput, ctx: ToolContext) -> RunSanityChecksOutput:
    """Sanity-check the user's PyTorch model before spending compute (the seed's Phase 1), on its real data, in a
    child process running the user's interpreter under a time limit and a memory cap (the server never runs user
    code itself). Checks, each passed/failed/skipped/error with expected vs observed, the threshold and why,
    evidence, and the fix to try: data_finite (NaN/Inf in inputs and targets, with where), shapes (batch sizes,
    output vs targets, labels in 0..C-1, and the layout found: per sample (N, C), per token (B, T, V) or (B, V, T)
    or flattened (B*T, V), per pixel (B, C, H, W); ignore_index padding), initial_loss (near ln(C) for
    cross-entropy, per token for sequences; near the targets' variance for MSE), gradients_flow (every trainable
    parameter gets a finite non-zero gradient; the output depends on the input and on no other sample),
    overfit_one_batch (the loss on one batch goes to about zero), beats_baseline (after a short training, better
    than the majority class / mean on validation data, linear model reported), label_leak (the targets cannot be
    read off the inputs: equal to a feature, an affine map or lookup of one, language-model targets not shifted, a
    model that sees later tokens), train_val_overlap (identical or near-duplicate samples in train and validation),
    and optionally lr_range_test (1e-5..1e-1, with a suggested rate). Verdict: passed, failed, error (build() or
    the contract failed), timeout, out_of_memory, crashed. With `experiment` the result is recorded so
    launch_training and the report can cite it."""
    from experiment_runner.sanity.service import SanityOptions, run_sanity, table

    opts = SanityOptions(
        entrypoint=inp.entrypoint,
        experiment=inp.experiment,
        device=inp.device or "",
        interpreter=inp.interpreter,
        workdir=inp.workdir,
        timeout_s=inp.timeout_s,
        memory_mb=inp.memory_mb,
        checks=list(inp.checks) if inp.checks else None,
        lr_range_test=inp.lr_range_test,
        overfit_steps=inp.overfit_steps,
        train_steps=inp.train_steps,
        max_batches=inp.max_batches,
        lr_steps=inp.lr_steps,
        seed=inp.seed,
    )
    record, path = run_sanity(ctx.workspace, opts, progress=ctx.progress)
    counts: dict[str, int] = {}
    for c in record.checks:
        counts[c.status] = counts.get(c.status, 0) + 1
    tally = ", ".join(f"{n} {s}" for s, n in counts.items())
    where = record.device_used or record.device_requested
    summary = (
        f"Sanity checks {record.verdict.upper()} on {where} in {record.timings.get('wall', 0):.1f} s: {record.message}"
    )
    if tally:
        summary += f" ({tally})."
    failed = [c for c in record.checks if c.status == "failed"]
    for c in failed[:3]:
        summary += f" {c.name}: {c.message}"
    if record.error is not None and record.verdict != "failed":
        summary += f" [{record.error.stage}] " + (record.error.traceback[-1] if record.error.traceback else "")
    summary += (
        f" Recorded at {ctx.workspace.display(path)}." if path else " Not recorded (pass experiment to record it)."
    )
    return RunSanityChecksOutput(
        **record.model_dump(),
        summary=summary.strip(),
        path=ctx.workspace.display(path) if path else None,
        table=table(record),
    )


SPEC = ToolSpec(
    name="run_sanity_checks",
    title="Sanity-check a PyTorch model before training",
    fn=run_sanity_checks,
    input_model=RunSanityChecksInput,
    output_model=RunSanityChecksOutput,
    read_only=False,
    destructive=False,
    idempotent=False,
    open_world=False,
    task=BackgroundCall(),
)
