"""What reports read and produce: the analysis plan a caller may give, waivers and exclusions, the violations of
the enforcement rules and the lint findings, and the per-arm statistics that end up in report.json."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from experiment_runner.briefs.model import Aggregation, StatTest
from experiment_runner.strictmodel import StrictModel

PlannedSeeds = list[int] | dict[str, list[int]]


class RegisteredPlan(StrictModel):
    """A plan registered before the results existed (for a results file made elsewhere)."""

    hypothesis: str | None = Field(None, description="The registered hypothesis, word for word.")
    primary_metric: str | None = Field(None, description="The registered primary metric.")
    higher_is_better: bool | None = Field(None, description="The registered direction of the primary metric.")
    metrics: list[str] = Field(default_factory=list, description="Other registered metrics.")
    test: StatTest | None = Field(None, description="The registered test.")
    alpha: float | None = Field(None, gt=0, lt=1, description="The registered significance level.")
    correction: Literal["holm", "none"] | None = Field(
        None, description="The registered multiple-comparison correction."
    )
    min_seeds: int | None = Field(None, ge=1, description="The registered minimum of seeds per arm.")
    smallest_effect: float | None = Field(None, gt=0, description="The registered smallest effect of interest.")
    success_criteria: str | None = Field(None, description="The registered success criterion, word for word.")
    planned_seeds: PlannedSeeds | None = Field(None, description="The seeds registered to be run.")
    where: str | None = Field(None, description="Where and when it was registered, e.g. 'OSF, 2024-03-01'.")


class ReportPlan(StrictModel):
    """The analysis plan. For a results file it is required (primary_metric and higher_is_better at least). For an
    experiment it comes from the first confirmed brief; fields given here override it, and any override that
    differs from the pre-registration is a plan change (rule S05: the report is then labelled exploratory)."""

    primary_metric: str | None = Field(None, description="Metric the test is run on, e.g. 'val_acc'.")
    higher_is_better: bool | None = Field(None, description="True if larger values of the primary metric are better.")
    metrics: list[str] | None = Field(
        None, description="Other pre-registered metrics that must appear in the report, e.g. ['val_loss']."
    )
    baseline: str | None = Field(
        None, description="The baseline arm (method) every other arm is compared with, e.g. 'narrow'."
    )
    min_seeds: int | None = Field(
        None, ge=1, description="Fewest completed seeds per arm (default: the brief's, else the workspace policy)."
    )
    test: StatTest | None = Field(None, description="welch_t, mann_whitney or student_t (default welch_t).")
    alpha: float | None = Field(None, gt=0, lt=1, description="Significance level (default 0.05).")
    correction: Literal["holm", "none"] | None = Field(
        None, description="Correction when several arms are compared (default holm)."
    )
    aggregation: Aggregation | None = Field(
        None,
        description="How a run's value is taken from its metric series: final, best or mean_last_k (experiments only).",
    )
    last_k: int | None = Field(None, ge=1, description="k for mean_last_k.")
    hypothesis: str | None = Field(
        None, description="The hypothesis this report tests (default: the pre-registered one)."
    )
    registered: RegisteredPlan | None = Field(
        None, description="Results files only: the plan as registered before the results, to check this one against."
    )
    smallest_effect: float | None = Field(
        None,
        gt=0,
        description="Smallest difference from the baseline that matters, in the primary metric's units (e.g. 0.005 for "
        "half a point of accuracy stored as a fraction): the equivalence test (TOST) and the success criterion use it "
        "(default: the brief's).",
    )
    success_criteria: str | None = Field(
        None,
        description="Results files only: the success criterion, e.g. '+1 point over the baseline, significant' (an "
        "experiment's comes from its brief).",
    )
    planned_seeds: PlannedSeeds | None = Field(
        None,
        description="Results files only: the seeds that were planned, for every arm ([0, 1, 2, 3, 4]) or per arm "
        "({'baseline': [0, 1, 2], ...}); a planned seed with no row is a run not accounted for (H02).",
    )
    eval_examples: int | None = Field(
        None,
        ge=1,
        description="Examples in the single evaluation set the primary metric is a proportion of (e.g. 10000 test "
        "images): the report then gives each arm's Wilson interval, the noise of that evaluation set alone.",
    )


class Waiver(StrictModel):
    code: str = Field(description="The soft rule waived, e.g. 'S01'. Hard rules (H..) are never waived.")
    reason: str = Field(description="Why, in words; printed in the report (at least a short sentence).")


class Exclusion(StrictModel):
    run_id: str | None = Field(
        None, description="The run to exclude (for a results file: '<method>/seed<seed>' or the row's run_id)."
    )
    arm: str | None = Field(
        None, description="Exclude every run of this arm (with seed: that arm's run with this seed)."
    )
    seed: int | None = Field(None, description="With arm: the run of that seed.")
    reason: str = Field(
        description="Why the run is left out of the statistics; it stays listed in the report with this reason."
    )


Severity = Literal["hard", "soft"]


class Violation(BaseModel):
    code: str = Field(description="Stable rule code, e.g. 'H01' or 'S02'.")
    name: str = Field(description="Stable rule name, e.g. 'arm_without_variance'.")
    severity: Severity = Field(description="hard: never waived; soft: waivable with a written reason.")
    message: str
    evidence: list[str] = Field(default_factory=list, description="The facts that broke the rule (runs, arms, values).")
    fix: str
    waived: bool = False
    waiver_reason: str | None = None


class Finding(BaseModel):
    code: str = Field(description="Stable lint code, e.g. 'L03'.")
    name: str
    line: int | None = Field(description="1-based line of the quoted sentence in the report, when there is one.")
    sentence: str = Field(description="The sentence (or table row) the finding is about, quoted.")
    message: str
    fix: str


class Interval(BaseModel):
    low: float | None
    high: float | None


class ArmMetric(BaseModel):
    arm: str
    metric: str
    n: int = Field(description="Completed runs with a finite value (the values the statistics use).")
    n_launched: int = Field(description="Every run of the arm, whatever its state.")
    mean: float | None
    std: float | None = Field(description="Sample standard deviation (ddof=1).")
    sem: float | None
    ci_t: Interval = Field(description="95% t-based interval of the mean.")
    ci_bootstrap: Interval = Field(description="95% bootstrap interval of the mean.")
    min: float | None
    max: float | None
    median: float | None
    seeds: list[int | None]
    values: list[float]
    text: str = Field(description="As printed: 'mean ± std (n=N)'.")
    wilson: Interval | None = Field(
        None,
        description=(
            "95% Wilson interval of the mean as a proportion of the plan's eval_examples (evaluation-set noise)."
        ),
    )
    zero_variance: bool = Field(False, description="Every completed seed gave the same value (n >= 2).")


class Paired(BaseModel):
    n: int = Field(description="Seeds both arms completed.")
    seeds: list[int]
    mean_difference: float = Field(description="Mean over shared seeds of arm - baseline.")
    t: float | None
    df: float | None
    p: float | None = Field(description="Paired t-test, two-sided.")
    sign_flip_p: float | None = Field(description="Sign-flip permutation test of the mean difference, two-sided.")
    sign_flip_exact: bool
    ci_bca: Interval = Field(description="95% BCa bootstrap interval of the mean paired difference.")
    wins: int = Field(description="Seeds where the arm is better than the baseline in the plan's direction.")


class Equivalence(BaseModel):
    margin: float = Field(description="The smallest effect of interest, in the metric's units.")
    p: float | None = Field(description="TOST p: the larger of the two one-sided p-values.")
    ci: Interval = Field(description="The (1 - 2 alpha) interval of the difference used by TOST.")
    equivalent: bool = Field(description="True when the difference is shown to lie within +-margin at alpha.")
    paired: bool


class Comparison(BaseModel):
    arm: str
    baseline: str
    metric: str
    n: int
    n_baseline: int
    difference: float | None = Field(description="mean(arm) - mean(baseline).")
    difference_ci: Interval = Field(description="95% bootstrap interval of the difference.")
    hedges_g: float | None
    probability_of_improvement: float | None = Field(
        description="P(a run of the arm beats a run of the baseline), ties one half."
    )
    welch_t: float | None
    welch_df: float | None
    welch_p: float | None
    student_t: float | None
    student_p: float | None
    mann_whitney_u: float | None
    mann_whitney_p: float | None
    mann_whitney_min_p: float | None = Field(
        description="Smallest p the exact Mann-Whitney test can give with these n."
    )
    test: str = Field(description="The plan's test, whose p decides.")
    p: float | None
    p_adjusted: float | None = Field(
        description="p after the plan's correction over all comparisons (equal to p without one)."
    )
    significant: bool
    better: bool | None = Field(
        description="True when the arm's mean is better than the baseline's in the plan's direction."
    )
    seeds_needed: int | None = Field(description="Seeds per arm the observed effect would need for 80% power at alpha.")
    min_detectable: float | None = Field(
        None,
        description="Smallest true difference the plan's t-test detects with 80% power at alpha with these seeds "
        "(paired when the arms share seeds), in the metric's units.",
    )
    paired: Paired | None = Field(None, description="The paired-by-seed comparison, when the arms share 2+ seeds.")
    equivalence: Equivalence | None = Field(
        None, description="TOST against the smallest effect of interest, when the plan has one."
    )
    criterion: str | None = Field(
        None, description="The verdict against the success criterion: met, not met or inconclusive, with the threshold."
    )
    verdict: str = Field(description="The sentence the report prints.")


class TaskCell(BaseModel):
    task: str
    arm: str
    n: int = Field(description="Completed runs of the arm on this task with a finite value.")
    mean: float | None
    std: float | None = Field(description="Sample standard deviation (ddof=1).")
    text: str = Field(description="As printed: 'mean ± std (n=N)'.")


class TaskAggregate(BaseModel):
    arm: str
    tasks: int = Field(description="Tasks the arm has scores on.")
    scores: int = Field(description="(task, run) scores behind the IQM.")
    iqm: float | None = Field(description="Interquartile mean of every (task, run) score.")
    ci: Interval = Field(description="95% stratified bootstrap interval of the IQM (runs resampled within each task).")
    difference: float | None = Field(None, description="IQM of the arm minus the IQM of the baseline.")
    difference_ci: Interval | None = Field(
        None, description="95% interval of the difference: each arm bootstrapped within tasks, independently."
    )
    missing_tasks: list[str] = Field(default_factory=list, description="Tasks the arm has no completed score on.")


class AcrossTasks(BaseModel):
    metric: str
    tasks: list[str]
    cells: list[TaskCell]
    aggregates: list[TaskAggregate]
    resamples: int
    seed: int


class RunRow(BaseModel):
    run_id: str
    arm: str
    seed: int | None
    task: str | None = Field(None, description="The run's task or data set (a results file's task column).")
    status: str = Field(description="completed, failed, diverged, crashed, cancelled, lost, queued or running.")
    included: bool = Field(description="Whether the run's values enter the statistics.")
    excluded_reason: str | None = None
    values: dict[str, float | None]
    last_step: float | None = None
    cause: str | None = Field(None, description="Why it did not complete (failed runs), with its source.")
    cause_source: str | None = None
    attempts: int = Field(1, description="Starts of the run's command (a retried or requeued run has several).")
    value_attempts: dict[str, list[int]] = Field(
        default_factory=dict, description="For a retried run: the attempt(s) each metric's value came from."
    )
    attempt_notes: list[str] = Field(default_factory=list, description="How each earlier attempt ended.")
