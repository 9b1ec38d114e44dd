"""Honest selection in a report on an experiment with sweeps: every configuration tried and the budget spent (failed
and pruned trials included), the selection rule and the split it used against the split the report's numbers come
from (rule S11: choosing and reporting on one split), the expected best validation score against the number of
trials (Dodge et al. 2019), and whether the chosen configuration was re-run on fresh seeds before its comparison
with the baseline (rule S12). The sweep's trial runs chose the configuration, so they are accounted for here and
left out of the arm statistics (with that reason), unless the caller names their arms."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, Field

from experiment_runner.reports.model import Exclusion
from experiment_runner.reports.sources import RunData
from experiment_runner.sweeps.model import Value
from experiment_runner.workspace import Workspace


class CurvePoint(BaseModel):
    n: int = Field(description="Trials drawn.")
    expected_best: float
    std: float


class Rerun(BaseModel):
    arm: str
    seeds: list[int]
    fresh: bool = Field(description="No seed of the re-run was used by the trial that chose the configuration.")


class SweepSection(BaseModel):
    sweep: str
    sampler: str
    objective: str = Field(description="The metric configurations were chosen on.")
    direction: str
    selection_split: str | None = Field(description="The split of the objective (val, test, train; None: unknown).")
    report_metric: str
    report_split: str | None
    rule: str = Field(description="The selection rule, in words.")
    configurations: int = Field(description="Configurations tried (every trial, whatever its end).")
    by_state: dict[str, int]
    runs: int
    device_hours: float
    max_trials: int | None
    max_gpu_hours: float | None
    chosen: dict[str, Value] | None = Field(None, description="The chosen configuration.")
    chosen_arm: str | None = None
    chosen_value: float | None = None
    chosen_argv: list[str] | None = None
    rerun: Rerun | None = None
    trial_arms: list[str] = Field(default_factory=list)
    scores: list[float] = Field(default_factory=list, description="The complete trials' objective values.")
    expected_best: list[CurvePoint] = Field(default_factory=list)


def sweep_names(ws: Workspace, experiment: str) -> list[str]:
    from experiment_runner.sweeps import store as sweeps

    return sweeps.names(ws, experiment)


def trial_arms(ws: Workspace, experiment: str) -> dict[str, str]:
    """arm -> sweep, for every trial arm of the experiment's sweeps."""
    from experiment_runner.sweeps import store as sweeps

    out: dict[str, str] = {}
    for name in sweeps.names(ws, experiment):
        for t in sweeps.read_trials(sweeps.sweep_dir(ws, experiment, name)):
            out[t.arm] = name
    return out


def exclusions(ws: Workspace, experiment: str, runs: list[RunData], arms: list[str] | None) -> list[Exclusion]:
    """The sweeps' trial runs, out of the arm statistics with the reason, except arms the caller asked for."""
    owner = trial_arms(ws, experiment)
    hit = sorted({r.arm for r in runs if r.arm in owner and (arms is None or r.arm not in arms)})
    return [
        Exclusion(
            arm=arm,
            reason=f"a trial of sweep {owner[arm]}: its runs chose the configuration, so they are reported in the "
            "sweep's selection section, not compared with the baseline",
        )
        for arm in hit
    ]


def sections(
    ws: Workspace, experiment: str, runs: list[RunData], report_metric: str, compared: list[str]
) -> list[SweepSection]:
    """One section per sweep; `compared` are the report's arms (a re-run among them is the one that counts)."""
    from experiment_runner.metrics.vocabulary import split
    from experiment_runner.runs.store import RunStore
    from experiment_runner.stats.expected_max import curve
    from experiment_runner.sweeps import store as sweeps

    store = RunStore(ws)
    out = []
    for name in sweeps.names(ws, experiment):
        d = sweeps.sweep_dir(ws, experiment, name)
        spec = sweeps.read_spec(d)
        trials, hours = sweeps.trial_statuses(store, d, spec)
        by_state: dict[str, int] = {}
        for t in trials:
            by_state[t.state] = by_state.get(t.state, 0) + 1
        best = sweeps.best_of(trials, spec.direction)
        scores = [t.value for t in trials if t.state == "complete" and t.value is not None]
        record = {t.number: t for t in sweeps.read_trials(d)}
        argv = record[best.number].argv if best else None
        trial_seeds = set(spec.seeds)
        arms = [t.arm for t in trials]
        out.append(
            SweepSection(
                sweep=name,
                sampler=spec.sampler,
                objective=spec.objective,
                direction=spec.direction,
                selection_split=split(spec.objective),
                report_metric=report_metric,
                report_split=split(report_metric),
                rule=f"the configuration with the {'highest' if spec.direction == 'max' else 'lowest'} mean "
                f"{spec.aggregation} {spec.objective} over its {len(spec.seeds)} seed(s), among the complete trials",
                configurations=len(trials),
                by_state=by_state,
                runs=sum(len(t.run_ids) for t in trials),
                device_hours=round(hours, 6),
                max_trials=spec.budget.max_trials,
                max_gpu_hours=spec.budget.max_gpu_hours,
                chosen=best.params if best else None,
                chosen_arm=best.arm if best else None,
                chosen_value=best.value if best else None,
                chosen_argv=argv,
                rerun=_rerun(argv, runs, set(arms), trial_seeds, compared) if argv else None,
                trial_arms=arms,
                scores=scores,
                expected_best=[
                    CurvePoint(n=c.n, expected_best=c.mean, std=c.std)
                    for c in curve(scores, higher_is_better=spec.direction == "max")
                ]
                if scores
                else [],
            )
        )
    return out


def _rerun(
    argv: list[str], runs: list[RunData], sweep_arms: set[str], trial_seeds: set[int], compared: list[str]
) -> Rerun | None:
    """An arm outside the sweeps whose runs ran the chosen command (same arguments but the seed): one the report
    compares first, then one on fresh seeds, then the one with most seeds."""
    arms: dict[str, list[int]] = {}
    for r in runs:
        if r.arm in sweep_arms or r.seed is None:
            continue
        if r.argv == [a.replace("{seed}", str(r.seed)) for a in argv]:
            arms.setdefault(r.arm, []).append(r.seed)
    if not arms:
        return None
    arm, seeds = max(arms.items(), key=lambda kv: (kv[0] in compared, not set(kv[1]) & trial_seeds, len(kv[1])))
    return Rerun(arm=arm, seeds=sorted(seeds), fresh=not (set(seeds) & trial_seeds))


def same_split_evidence(secs: list[SweepSection]) -> list[str]:
    """S11's evidence: each sweep that chose its configuration on the split the report's numbers come from."""
    return [
        f"sweep {s.sweep} chose on {s.objective} ({s.selection_split} split) and the report's numbers are "
        f"{s.report_metric} ({s.report_split} split): the chosen configuration's score is the best of "
        f"{s.configurations} tries on the very data it is reported on, an optimistic number"
        for s in secs
        if s.selection_split is not None and s.selection_split == s.report_split
    ]


def not_rerun_evidence(secs: list[SweepSection], compared_arms: list[str], baseline: str) -> list[str]:
    """S12's evidence: a trial arm compared directly, a chosen configuration with no re-run, or a re-run that reused
    the sweep's seeds."""
    out: list[str] = []
    for s in secs:
        if s.chosen_arm is None:
            continue
        in_stats = [a for a in compared_arms if a in s.trial_arms and a != baseline]
        out += [
            f"arm {a} is a trial of sweep {s.sweep}: its values are the ones that chose it (winner's curse)"
            for a in in_stats
        ]
        if s.rerun is None:
            out.append(
                f"sweep {s.sweep} chose {s.chosen_arm}, but no arm re-ran its command on fresh seeds: launch it with "
                f"launch_training (command {s.chosen_argv}, seeds other than those of the sweep)"
            )
        elif not s.rerun.fresh:
            out.append(
                f"arm {s.rerun.arm} re-runs {s.chosen_arm} on seeds {s.rerun.seeds}, some of which the sweep's trial "
                "already used: the re-run must use fresh seeds"
            )
    return out


def markdown(secs: list[SweepSection], figures: list[dict[str, str]]) -> str:
    from experiment_runner.sweeps.space import describe

    lines = ["## Selection", ""]
    for s in secs:
        states = ", ".join(f"{n} {k}" for k, n in sorted(s.by_state.items()))
        budget = [f"{s.configurations} configuration(s) tried ({states}), {s.runs} run(s)"]
        budget.append(
            f"{s.device_hours:.3g} device-hours spent"
            + (f" of a budget of {s.max_gpu_hours:g}" if s.max_gpu_hours else "")
            + (f", max_trials {s.max_trials}" if s.max_trials else "")
        )
        lines += [
            f"### Sweep `{s.sweep}` ({s.sampler})",
            "",
            f"- Tried: {'; '.join(budget)}. Failed and pruned trials count: their runs were spent.",
            f"- Selection rule: {s.rule}.",
            f"- Chosen on `{s.objective}` ({s.selection_split or 'split unknown'}); the report's numbers are "
            f"`{s.report_metric}` ({s.report_split or 'split unknown'}).",
        ]
        if s.chosen is not None and s.chosen_value is not None:
            lines.append(
                f"- Chosen configuration: {describe(s.chosen)} (arm `{s.chosen_arm}`, {s.objective} "
                f"{s.chosen_value:.4g})."
            )
        else:
            lines.append("- Chosen configuration: none (no trial completed).")
        if s.rerun is not None:
            lines.append(
                f"- Re-run: arm `{s.rerun.arm}` ran it on seeds {s.rerun.seeds}"
                + (" (fresh)." if s.rerun.fresh else " (not all fresh).")
            )
        else:
            lines.append("- Re-run: none on fresh seeds.")
        if s.expected_best:
            lines += [
                "",
                f"Expected best {s.objective} of n trials (Dodge et al. 2019: the best of n draws from these "
                f"{len(s.scores)} complete trials' scores; pruned and failed trials have no final score):",
                "",
                "| n | expected best | std |",
                "|---|---|---|",
            ]
            lines += [f"| {p.n} | {p.expected_best:.4g} | {p.std:.3g} |" for p in s.expected_best]
        lines += [
            f"\n![{f['alt']}]({f['path']})" for f in figures if f["path"].endswith(f"expected_best_{s.sweep}.png")
        ]
        lines.append("")
    return "\n".join(lines) + "\n"


def write_figures(secs: list[SweepSection], out_dir: Path) -> list[Path]:
    """One figure per sweep: expected best objective against the number of trials, with +-1 std."""
    import matplotlib.pyplot as plt

    from experiment_runner.reports.plots import _save, use_agg

    use_agg()
    paths: list[Path] = []
    for s in secs:
        if not s.expected_best:
            continue
        fig, ax = plt.subplots(figsize=(5.5, 3.6))
        n = [p.n for p in s.expected_best]
        mean = [p.expected_best for p in s.expected_best]
        ax.plot(n, mean, marker="o", color="#1f77b4")
        ax.fill_between(
            n,
            [m - p.std for m, p in zip(mean, s.expected_best, strict=True)],
            [m + p.std for m, p in zip(mean, s.expected_best, strict=True)],
            color="#1f77b4",
            alpha=0.2,
        )
        ax.set_xlabel("trials (configurations)")
        ax.set_ylabel(f"expected best {s.objective}")
        ax.set_title(f"sweep {s.sweep}: expected best of n trials (±1 std)")
        fig.tight_layout()
        try:
            paths += _save(fig, out_dir, f"expected_best_{s.sweep}")
        finally:
            plt.close(fig)
    return paths
