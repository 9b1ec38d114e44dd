"""What a sanity-check run produces: one result per check and a record of the whole run (what was checked, where,
with which limits, and the verdict). A check outcome is data: a status, the expectation and the observation, the
threshold applied and why, evidence, and the fix to try."""

from __future__ import annotations

from typing import Any, Literal, get_args

from pydantic import BaseModel, Field

from experiment_runner.probe.results import CheckName, CheckStatus
from experiment_runner.probe.session import TaskKind

# The probe produces the results, so its vocabularies are the ones: one definition each.
ALL_CHECKS: tuple[CheckName, ...] = get_args(CheckName)
DEFAULT_CHECKS: tuple[CheckName, ...] = tuple(c for c in ALL_CHECKS if c != "lr_range_test")
CHECK_STATUSES: tuple[CheckStatus, ...] = get_args(CheckStatus)

Verdict = Literal["passed", "failed", "error", "timeout", "out_of_memory", "crashed"]
VERDICTS: tuple[Verdict, ...] = get_args(Verdict)
#: where a sanity-check run stopped: the entrypoint's stages (spec ... data), the device, the checks (out of memory
#: in one), the probe itself, or the limits the server enforces (timeout, memory)
ProbeStage = Literal["spec", "import", "build", "contract", "data", "device", "checks", "probe", "limits"]
PROBE_STAGES: tuple[ProbeStage, ...] = get_args(ProbeStage)


class CheckResult(BaseModel):
    name: CheckName
    status: CheckStatus
    message: str = Field(description="One line: what was found.")
    expected: str | None = Field(None, description="What a healthy setup shows.")
    observed: str | None = Field(None, description="What this model showed.")
    threshold: str | None = Field(None, description="The rule applied, and why it is set there.")
    evidence: dict[str, Any] = Field(
        default_factory=dict, description="Numbers, locations and curves behind the status."
    )
    fix: str | None = Field(
        None, description="What to try (from the debugging steps), when the check failed or errored."
    )
    seconds: float | None = Field(None, description="Time the check took.")


class ProbeError(BaseModel):
    stage: ProbeStage = Field(
        description="Where it stopped: spec, import, build, contract, data, device, checks, probe, or limits."
    )
    message: str
    traceback: list[str] = Field(
        default_factory=list, description="The last lines of the user's traceback, when their code raised."
    )


class SanityRecord(BaseModel):
    experiment: str | None = Field(None, description="The experiment the result is recorded with (none: not recorded).")
    created_at: str = Field(description="UTC time the checks finished.")
    entrypoint: str
    entrypoint_sha256: str | None = Field(
        None, description="sha256 of the entrypoint file, when it is a file: which code was checked."
    )
    interpreter: str = Field(description="The Python the checks ran in.")
    python_version: str | None = None
    torch_version: str | None = None
    device_requested: Literal["auto", "cpu", "cuda"]
    device_used: str | None = Field(None, description="e.g. 'cpu' or 'cuda:0'.")
    device_name: str | None = None
    verdict: Verdict = Field(
        description="passed: no check failed or errored; failed: at least one check failed; error: "
        "build() or the contract failed, or a check could not run; timeout / out_of_memory / crashed: "
        "how the child process ended."
    )
    passed: bool = Field(description="True when the verdict is 'passed'.")
    message: str = Field(description="The verdict in one line.")
    checks: list[CheckResult]
    task: TaskKind | None = Field(
        None, description="multiclass, binary or regression, as the first forward pass showed."
    )
    loss: str | None = None
    num_classes: int | None = None
    notes: list[str] = Field(default_factory=list)
    error: ProbeError | None = None
    limits: dict[str, float] = Field(description="timeout_s and memory_mb the child ran under.")
    memory: dict[str, Any] = Field(
        default_factory=dict, description="How the memory cap was enforced and the peak resident memory."
    )
    options: dict[str, Any] = Field(default_factory=dict, description="The options the checks ran with.")
    timings: dict[str, float] = Field(
        default_factory=dict, description="Seconds: wall time, start-up, build, each check."
    )
    output_tail: str | None = Field(None, description="The end of the child's stdout/stderr when it did not complete.")

    @property
    def failed_checks(self) -> list[str]:
        return [c.name for c in self.checks if c.status == "failed"]
