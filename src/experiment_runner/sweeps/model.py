"""What a sweep is on disk: its search space and settings (SweepSpec, written once) and its trials (TrialRecord)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Sampler = Literal["grid", "random", "tpe"]
Pruner = Literal["median", "hyperband", "none"]
Aggregation = Literal["final", "best"]
Direction = Literal["max", "min"]
TrialState = Literal["queued", "running", "complete", "pruned", "failed", "cancelled"]
ENDED_TRIAL_STATES: tuple[str, ...] = ("complete", "pruned", "failed", "cancelled")
Value = float | int | str | bool


class ParamSpec(BaseModel):
    """One parameter of the search space: a list of values, or a range."""

    model_config = ConfigDict(extra="forbid")

    values: list[Value] | None = Field(
        None, description="The values to try (a grid needs this), e.g. [16, 32, 64] or ['adam', 'sgd']."
    )
    low: float | None = Field(None, description="Lower end of a range (random and tpe), e.g. 1e-4.")
    high: float | None = Field(None, description="Upper end of a range (inclusive), e.g. 1e-1.")
    log: bool = Field(False, description="Sample the range on a log scale (learning rates, weight decay).")
    type: Literal["float", "int"] = Field("float", description="Whether a range holds floats or integers.")

    @model_validator(mode="after")
    def _one_kind(self) -> ParamSpec:
        has_range = self.low is not None or self.high is not None
        if (self.values is None) == (not has_range):
            raise ValueError("give either values (a list) or low and high (a range), not both and not neither")
        if self.values is not None and not self.values:
            raise ValueError("values is empty: give at least one value")
        if has_range:
            if self.low is None or self.high is None:
                raise ValueError("a range needs both low and high")
            if self.low > self.high:
                raise ValueError(f"low {self.low:g} is above high {self.high:g}")
            if self.log and self.low <= 0:
                raise ValueError(f"a log range needs low > 0 (got {self.low:g})")
        return self


class Budget(BaseModel):
    model_config = ConfigDict(extra="forbid")

    max_trials: int | None = Field(None, ge=1, description="Most configurations tried.")
    max_gpu_hours: float | None = Field(
        None, gt=0, description="Most device-hours spent (wall hours x GPUs per run; a CPU run counts one device)."
    )


class SweepSpec(BaseModel):
    """A sweep as launched: fixed once written."""

    model_config = ConfigDict(extra="forbid")

    version: Literal[1] = 1
    sweep: str
    experiment: str
    sampler: Sampler
    space: dict[str, ParamSpec]
    command: list[str] = Field(description="The command template: {param} and {seed} placeholders.")
    seeds: list[int]
    objective: str
    direction: Direction
    aggregation: Aggregation
    budget: Budget
    parallel_trials: int = Field(ge=1)
    pruner: Pruner
    pruner_startup_trials: int = Field(ge=0)
    pruner_warmup_steps: int = Field(ge=0)
    sampler_seed: int
    launch_options: dict = Field(description="The LaunchOptions every trial's launch uses (JSON).")
    gpus_per_run: int = 0
    created_at: str


class TrialRecord(BaseModel):
    """One configuration tried: its arm (one run per seed) and, once known, its verdict."""

    model_config = ConfigDict(extra="forbid")

    number: int
    arm: str
    params: dict[str, Value]
    argv: list[str] = Field(description="The command with the configuration filled in ({seed} left).")
    run_ids: list[str] = Field(default_factory=list)
    launch_id: str | None = None
    state: TrialState | None = Field(
        None, description="The driver's verdict once the trial ended (None: read it from the runs)."
    )
    value: float | None = Field(None, description="The objective: the mean over its seeds of each run's value.")
    pruned_at_step: int | None = None
    reason: str | None = None
