"""compile_report on a results file whose runs span several tasks (a `task` or `dataset` column): per-task
statistics, and the interquartile mean across tasks with a stratified bootstrap interval (Agarwal et al. 2021),
equal to a direct computation; the same seed on several tasks is one run per task; a step-counter column is the
training budget. Through a real MCP client in both protocol modes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from mcp import Client

from experiment_runner.server import build_server
from tests.conftest import result_text

pytestmark = pytest.mark.anyio

# normalised scores, three tasks, three seeds per arm and task; 'new' crashed once on breakout
SCORES = {
    ("base", "pong"): [0.50, 0.55, 0.52],
    ("new", "pong"): [0.60, 0.63, 0.58],
    ("base", "breakout"): [0.30, 0.28, 0.35],
    ("new", "breakout"): [0.41, None, 0.38],
    ("base", "qbert"): [0.71, 0.69, 0.74],
    ("new", "qbert"): [0.75, 0.79, 0.77],
}
PLAN = {"primary_metric": "score", "higher_is_better": True, "baseline": "base"}
WAIVE = [{"code": "S02", "reason": "one breakout run of new crashed"}]


def _results(ws: Path, column: str = "task") -> str:
    lines = [f"method,seed,status,{column},score"]
    for (arm, task), values in SCORES.items():
        for seed, v in enumerate(values):
            lines.append(f"{arm},{seed},{'crashed' if v is None else 'completed'},{task},{'' if v is None else v}")
    (ws / "tasks.csv").write_text("\n".join(lines) + "\n")
    return "tasks.csv"


async def _call(ws: Path, mode: str, tool: str, args: dict):
    async with Client(build_server(ws), mode=mode) as c:
        return await c.call_tool(tool, args)


def _direct_iqm_interval(by_task: dict[str, list[float]], resamples: int, rng) -> list[float]:
    """The stratified bootstrap written out resample by resample: every task's runs drawn with replacement, the IQM
    of all drawn scores together."""
    from scipy import stats as st

    draws = {t: rng.integers(0, len(v), (resamples, len(v))) for t, v in by_task.items()}
    reps = []
    for b in range(resamples):
        pooled = [by_task[t][i] for t in by_task for i in draws[t][b]]
        reps.append(st.trim_mean(pooled, 0.25))
    return reps


@pytest.mark.parametrize("column", ["task", "dataset"])
async def test_a_report_over_several_tasks_gives_per_task_statistics_and_the_iqm_with_a_stratified_interval(
    workspace, mode, column
):
    import numpy as np
    from scipy import stats as st

    f = _results(workspace, column)
    r = await _call(
        workspace, mode, "compile_report", {"results_file": f, "plan": PLAN, "figures": False, "waivers": WAIVE}
    )
    assert not r.is_error, result_text(r)  # no S08: seed 0 on three tasks is three runs, one per task
    md = r.structured_content["markdown"]
    assert "### Across tasks" in md
    assert "| base | 0.52 ± 0.03 (n=3) | 0.31 ± 0.04 (n=3) | 0.71 ± 0.03 (n=3) |" in md
    assert "| new | 0.60 ± 0.03 (n=3) | 0.40 ± 0.02 (n=2) | 0.77 ± 0.02 (n=3) |" in md
    assert "`new/breakout/seed1`" in md  # run ids name the task; the crash is listed under Failed Attempts
    data = json.loads((workspace / r.structured_content["report_dir"] / "report.json").read_text())
    at = data["across_tasks"]
    assert r.structured_content["across_tasks"] == at
    assert at["tasks"] == ["pong", "breakout", "qbert"] and at["resamples"] == 10_000 and at["seed"] == 0
    agg = {a["arm"]: a for a in at["aggregates"]}
    rng = np.random.default_rng(0)  # the report's seed; arms drawn in order, tasks in order within an arm
    reps = {}
    for arm in ("base", "new"):
        by_task = {t: [v for v in SCORES[(arm, t)] if v is not None] for t in at["tasks"]}
        pooled = [v for vs in by_task.values() for v in vs]
        assert abs(agg[arm]["iqm"] - st.trim_mean(pooled, 0.25)) < 1e-12
        reps[arm] = _direct_iqm_interval(by_task, 10_000, rng)
        low, high = np.quantile(reps[arm], [0.025, 0.975])
        assert abs(agg[arm]["ci"]["low"] - low) < 1e-9 and abs(agg[arm]["ci"]["high"] - high) < 1e-9
        assert agg[arm]["tasks"] == 3 and agg[arm]["scores"] == len(pooled)
    diff = np.asarray(reps["new"]) - np.asarray(reps["base"])
    low, high = np.quantile(diff, [0.025, 0.975])
    assert abs(agg["new"]["difference"] - (agg["new"]["iqm"] - agg["base"]["iqm"])) < 1e-12
    assert (
        abs(agg["new"]["difference_ci"]["low"] - low) < 1e-9 and abs(agg["new"]["difference_ci"]["high"] - high) < 1e-9
    )
    assert low > 0  # every task is higher under 'new'
    # the compiled report passes check_report against the same file (per-task n's and the IQMs trace)
    checked = await _call(
        workspace,
        mode,
        "check_report",
        {"report_path": f"{r.structured_content['report_dir']}/report.md", "results_file": f, "plan": PLAN},
    )
    assert checked.structured_content["findings"] == [], checked.structured_content["findings"]


async def test_planned_seeds_are_checked_on_every_task(workspace, mode):
    f = _results(workspace)
    text = (workspace / f).read_text().replace("base,2,completed,qbert,0.74\n", "")
    (workspace / f).write_text(text)
    r = await _call(
        workspace,
        mode,
        "compile_report",
        {"results_file": f, "plan": {**PLAN, "planned_seeds": [0, 1, 2]}, "figures": False},
    )
    assert r.is_error and "arm base on task qbert: planned seed(s) {2} have no row" in result_text(r)


async def test_one_task_only_gives_no_across_tasks_section(workspace, mode):
    rows = ["method,seed,status,task,score"] + [
        f"{arm},{s},completed,pong,{v}"
        for (arm, task), vs in SCORES.items()
        if task == "pong"
        for s, v in enumerate(vs)
    ]
    (workspace / "one.csv").write_text("\n".join(rows) + "\n")
    r = await _call(workspace, mode, "compile_report", {"results_file": "one.csv", "plan": PLAN, "figures": False})
    assert not r.is_error, result_text(r)
    assert "### Across tasks" not in r.structured_content["markdown"]


async def test_a_step_counter_column_is_the_training_budget_not_a_metric(workspace, mode):
    rows = ["method,seed,status,eval_return,env_steps"]
    rows += [f"sac,{s},completed,{4300 + 40 * s},500000" for s in range(3)]
    rows += [f"redq,{s},completed,{5100 + 50 * s},1000000" for s in range(3)]
    (workspace / "rl.csv").write_text("\n".join(rows) + "\n")
    plan = {"primary_metric": "eval_return", "higher_is_better": True, "baseline": "sac"}
    r = await _call(workspace, mode, "compile_report", {"results_file": "rl.csv", "plan": plan, "figures": False})
    text = result_text(r)
    assert r.is_error and "- S09" in text and "baseline sac ran a median of 500000 steps, arm redq 1e+06" in text
    checked = await _call(
        workspace, mode, "compile_report", {"results_file": "rl.csv", "plan": plan, "check_only": True}
    )
    assert {c["metric"] for c in checked.structured_content["results"]} == {"eval_return"}
