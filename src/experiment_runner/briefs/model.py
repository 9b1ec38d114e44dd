"""The experiment brief (the seed's Experiment Brief plus an analysis plan). Every field is optional while
drafting; `problems()` says what is missing or vague, and confirmation is refused until there are none."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from experiment_runner.strictmodel import StrictModel


class DataSpec(StrictModel):
    dataset: str | None = Field(
        None, description="Dataset name or path, with its version, e.g. 'CIFAR-10 (torchvision 0.19)'."
    )
    size: str | None = Field(None, description="How many examples (and of what), e.g. '50k train / 10k test images'.")
    splits: str | None = Field(
        None, description="How train/validation/test are split, e.g. '45k/5k/10k, fixed split seed 0'."
    )


class ModelSpec(StrictModel):
    architecture: str | None = Field(None, description="Model architecture, e.g. 'ResNet-18'.")
    hyperparameters: dict[str, Any] = Field(
        default_factory=dict, description="Key hyperparameters, e.g. {'lr': 0.1, 'batch_size': 128}."
    )


class MetricsSpec(StrictModel):
    primary: str | None = Field(None, description="The one metric that decides the outcome, e.g. 'val_accuracy'.")
    secondary: list[str] = Field(
        default_factory=list, description="Other metrics reported, e.g. ['val_loss', 'train_time_s']."
    )


class ConstraintsSpec(StrictModel):
    compute: str | None = Field(None, description="Compute budget, e.g. '1x A100 for 8 GPU-hours' or 'CPU only'.")
    time: str | None = Field(None, description="Wall-clock deadline or time budget, e.g. 'results by Friday'.")
    seeds: int | None = Field(None, ge=1, description="Seeds per arm (at least the policy minimum, 3 by default).")


Aggregation = Literal["final", "best", "mean_last_k"]
StatTest = Literal["welch_t", "mann_whitney", "student_t"]


class AnalysisPlan(StrictModel):
    primary_metric: str | None = Field(
        None, description="Metric the test is run on; must be one of the brief's metrics."
    )
    higher_is_better: bool | None = Field(
        None, description="True if larger values of the primary metric are better (accuracy), false if smaller (loss)."
    )
    aggregation: Aggregation = Field(
        "final",
        description="How one run's value is taken: its final value, its best value, or the mean of its last k "
        "evaluations.",
    )
    last_k: int = Field(5, ge=1, description="k for aggregation 'mean_last_k'.")
    test: StatTest = Field(
        "welch_t", description="Statistical test against the baseline: welch_t, mann_whitney or student_t."
    )
    alpha: float = Field(0.05, gt=0, lt=1, description="Significance level.")
    min_seeds: int = Field(3, ge=1, description="Fewest completed seeds per arm the report needs.")
    correction: Literal["holm", "none"] = Field(
        "holm", description="Correction when several arms are compared with the baseline."
    )
    # Added after briefs were first confirmed: left out of the dump while unset, so a brief confirmed before the field
    # existed hashes as it did then (its pre-registration stays verifiable).
    smallest_effect: float | None = Field(
        None,
        gt=0,
        exclude_if=lambda v: v is None,
        description="Smallest difference from the baseline that matters, in the primary metric's units (0.005 = half "
        "a point of accuracy stored as a fraction): reports test equivalence against it and read the success "
        "criterion with it.",
    )


class Brief(StrictModel):
    goal: str | None = Field(None, description="What we want to learn or show, in one or two sentences.")
    hypothesis: str | None = Field(
        None,
        description="The specific, falsifiable prediction, e.g. 'label smoothing 0.1 raises val accuracy by >= 0.5 "
        "points'.",
    )
    success_criteria: str | None = Field(
        None, description="A measurable threshold that decides success, e.g. 'val_accuracy >= 0.93 on 3 seeds'."
    )
    data: DataSpec = Field(default_factory=DataSpec, description="Dataset, size and splits.")
    model: ModelSpec = Field(default_factory=ModelSpec, description="Architecture and key hyperparameters.")
    baseline: str | None = Field(
        None, description="What we compare against, e.g. 'same ResNet-18 without label smoothing, same budget'."
    )
    metrics: MetricsSpec = Field(default_factory=MetricsSpec, description="Primary and secondary metrics.")
    constraints: ConstraintsSpec = Field(default_factory=ConstraintsSpec, description="Compute, time and seeds.")
    if_wrong: str | None = Field(None, description="What we do if the hypothesis is wrong (the fallback plan).")
    analysis: AnalysisPlan = Field(
        default_factory=AnalysisPlan, description="How the results will be analysed, fixed before the runs."
    )


class Problem(BaseModel):
    code: str = Field(description="Stable id of the problem, e.g. 'missing_field', 'unmeasurable_success'.")
    field: str = Field(description="The brief field concerned, dotted, e.g. 'metrics.primary'.")
    message: str = Field(description="What is wrong and how to fix it.")
