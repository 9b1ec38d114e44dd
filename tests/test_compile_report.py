"""compile_report and check_report on experiments in the run store: every run accounted for, the pre-registered
hypothesis and plan, refusals with codes and waivers, figures, reports never overwritten. Runs are written with
the run engine's own record writers (one test launches real processes)."""

from __future__ import annotations

import json
import math
import os
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from mcp import Client

from experiment_runner.server import build_server
from experiment_runner.workspace import Workspace
from tests.conftest import call_cli, result_text

pytestmark = pytest.mark.anyio

HYPOTHESIS = "Widening the hidden layer from 16 to 64 units raises validation accuracy."
BRIEF = {
    "goal": "Find out whether a wider hidden layer improves a small MLP classifier.",
    "hypothesis": HYPOTHESIS,
    "success_criteria": "wide's mean val_acc exceeds narrow's by at least 0.02 with p < 0.05",
    "data": {"dataset": "synthetic blobs v1", "size": "1,200 train / 400 validation rows", "splits": "fixed files"},
    "model": {"architecture": "2-layer MLP", "hyperparameters": {"hidden": 16, "lr": 0.05, "epochs": 4}},
    "baseline": "the same MLP with 16 hidden units (arm 'narrow')",
    "metrics": {"primary": "val_acc", "secondary": ["val_loss"]},
    "constraints": {"compute": "CPU", "time": "today", "seeds": 3},
    "if_wrong": "keep the narrow model",
    "analysis": {"higher_is_better": True, "aggregation": "final", "test": "welch_t"},
}
# (arm, seed) -> final val_acc of a 4-epoch run; the curves rise towards it
FINAL = {("narrow", 0): 0.871, ("narrow", 1): 0.864, ("narrow", 2): 0.869, ("wide", 0): 0.902, ("wide", 1): 0.897}
MANIFEST = {  # the parts of check_reproducibility's manifest that the Setup section reads
    "environment": {
        "python": {"version": "3.11.9"},
        "torch": {"version": "2.13.0", "cuda_runtime": None, "cuda_unavailable_reason": "a CPU-only build"},
        "gpu": {"available": False, "reason": "unavailable: no NVIDIA driver", "devices": []},
        "host": {"os": "Linux-6.1", "cpu_model": "Test CPU", "cpu_count": 2},
    },
    "code": {"commit": "0123456789abcdef0123456789abcdef01234567", "dirty": False},
    "data": {"entries": [{"path": "data", "hash": "blake3:54ebafadc1c34ad0cfa6275bfb4ba96082"}]},
    "config": {"resolved": {"model": {"hidden": 16}, "training": {"epochs": 4, "learning_rate": 0.05}}},
}


def iso(dt: datetime) -> str:
    return dt.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def record_run(
    ws: Path,
    experiment: str,
    arm: str,
    seed: int,
    state: str,
    metrics: list[dict],
    *,
    created: datetime | None = None,
    exploratory: bool = False,
    exit_code: int | None = 0,
    reason: str | None = None,
    stderr: str = "",
    argv: list[str] | None = None,
    manifest: dict | None = MANIFEST,
) -> str:
    """A finished run written by the run engine's own writers (spec, state, metrics, manifest, logs)."""
    from experiment_runner.runs import metricsio, records
    from experiment_runner.runs.launch import create_run_dir
    from experiment_runner.runs.model import RunSpec, RunState

    created = created or datetime.now(UTC)
    run_id = f"{arm}-s{seed}-{abs(hash((arm, seed, state, created))) % 0xFFFFFF:06x}"
    spec = RunSpec(
        run_id=run_id,
        experiment=experiment,
        arm=arm,
        seed=seed,
        argv=argv or ["python", "train.py", "--seed", str(seed), "--hidden", "64" if arm == "wide" else "16"],
        cwd=str(ws),
        launch_id="l-test",
        exploratory=exploratory,
        created_at=iso(created),
    )
    st = RunState(
        state=state,
        updated_at=iso(created),
        started_at=iso(created),
        ended_at=iso(created + timedelta(seconds=30)),
        exit_code=exit_code,
        reason=reason,
    )
    Workspace(ws)  # registers the root: store files are written only inside a workspace this process knows
    d = create_run_dir(ws / ".experiments" / experiment / "runs", spec, st)
    lines = [metricsio.encode_record(m, "user", f"{time.time():.6f}") for m in metrics]  # the supervisor's encoder
    (d / records.METRICS).write_text("".join(line for line in lines if line))
    (d / "stdout.log").write_text("")
    (d / "stderr.log").write_text(stderr)
    if manifest is not None:
        (d / records.MANIFEST).write_text(json.dumps(manifest))
    return run_id


def curve(final_acc: float, epochs: int = 4, steps_per_epoch: int = 38) -> list[dict]:
    out = []
    for e in range(1, epochs + 1):
        acc = final_acc - 0.06 * (epochs - e) / epochs
        out.append(
            {
                "step": e * steps_per_epoch,
                "loss": 1.2 / e,
                "val_loss": round(1.0 - acc, 4) + 0.1,
                "val_acc": round(acc, 4),
            }
        )
    return out


async def confirm_brief(c, experiment="demo-width", **changes) -> dict:
    r = await c.call_tool("draft_brief", {"experiment": experiment, "brief": {**BRIEF, **changes}, "confirm": True})
    assert not r.is_error, result_text(r)
    return r.structured_content


def demo_runs(ws: Path, experiment: str = "demo-width", created: datetime | None = None) -> dict[str, str]:
    ids = {}
    for (arm, seed), acc in FINAL.items():
        ids[(arm, seed)] = record_run(ws, experiment, arm, seed, "completed", curve(acc), created=created)
    ids[("wide", 2)] = record_run(
        ws,
        experiment,
        "wide",
        2,
        "failed",
        [{"step": 1, "loss": 2.3}, {"step": 2, "loss": float("nan")}],
        created=created,
        exit_code=1,
        reason="exited with code 1",
        stderr="Traceback ...\nSystemExit: loss became nan at step 2\n",
        argv=["python", "train.py", "--seed", "2", "--hidden", "64", "--lr", "40"],
    )
    return ids


WAIVERS = [
    {
        "code": "S01",
        "reason": "wide seed 2 was launched with lr 40 on purpose and diverged; it is listed under Failed Attempts",
    },
    {"code": "S02", "reason": "the counts differ only because wide seed 2 diverged, as planned for the demo"},
]


async def test_an_experiment_report_is_refused_below_the_minimum_seeds_then_written_with_a_waiver(workspace, mode):
    async with Client(build_server(workspace), mode=mode) as c:
        brief = await confirm_brief(c)
        ids = demo_runs(workspace)
        refused = await c.call_tool("compile_report", {"experiment": "demo-width"})
        checked = await c.call_tool("compile_report", {"experiment": "demo-width", "check_only": True})
        written = await c.call_tool("compile_report", {"experiment": "demo-width", "waivers": WAIVERS})
        linted = await c.call_tool(
            "check_report",
            {"report_path": written.structured_content["report_dir"] + "/report.md", "experiment": "demo-width"},
        )
    assert linted.structured_content["findings"] == []  # the compiled report passes its own linter
    text = result_text(refused)
    assert refused.is_error and "nothing was written" in text
    assert "- S01 below_min_seeds (soft, waivable with a written reason)" in text
    assert "arm wide: 2 completed of 3 launched; the plan asks for at least 3" in text
    assert "- S02 unequal_seeds" in text and "fix:" in text
    v = {x["code"]: x for x in checked.structured_content["violations"]}
    assert set(v) == {"S01", "S02"} and v["S01"]["severity"] == "soft" and not v["S01"]["waived"]

    assert not written.is_error, result_text(written)
    out = written.structured_content
    assert out["label"] == "confirmatory" and out["baseline"] == "narrow" and out["ok"]
    assert all(x["waived"] for x in out["violations"])
    md = out["markdown"]
    assert f"> {HYPOTHESIS}" in md and f"brief v{brief['version']} of 'demo-width'" in md
    assert "| narrow (baseline) | 3 / 3 | 0.8680 ± 0.0036 (n=3) |" in md
    assert "| wide | 2 / 3 | 0.8995 ± 0.0035 (n=2) |" in md
    failed = ids[("wide", 2)]
    assert f"`{failed}`" in md and "loss became nan at step 2" in md and "exited with code 1" in md
    assert WAIVERS[0]["reason"] in md and WAIVERS[1]["reason"] in md
    assert "Python: `3.11.9`" in md and "PyTorch: `2.13.0`" in md and "GPU: `unavailable: no NVIDIA driver`" in md
    assert "CPU: `Test CPU (2 cores)`" in md and "Data hashes: `data blake3:54ebafadc1c34ad0`" in md
    assert "Config (manifests): `model.hidden=16, training.epochs=4, training.learning_rate=0.05`" in md
    assert "Command of arm wide: `python train.py --seed {seed} --hidden 64 --lr 40`" in md
    report_dir = workspace / out["report_dir"]
    assert report_dir.parent == workspace / ".experiments" / "demo-width" / "reports"
    names = sorted(p.name for p in (report_dir / "figures").iterdir())
    assert names == [
        "curves_val_acc.png",
        "curves_val_acc.svg",
        "curves_val_loss.png",
        "curves_val_loss.svg",
        "values_val_acc.png",
        "values_val_acc.svg",
        "values_val_loss.png",
        "values_val_loss.svg",
    ]
    assert (report_dir / "figures" / "values_val_acc.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    svg = (report_dir / "figures" / "curves_val_acc.svg").read_text()
    assert "val_acc (fraction)" in svg and "training step (count)" in svg
    data = json.loads((report_dir / "report.json").read_text())
    assert data["label"] == "confirmatory" and {r["run_id"] for r in data["runs"]} == set(ids.values())
    assert [f["run_id"] for f in data["failed_attempts"]] == [failed]
    cmp = data["comparisons"][0]
    assert cmp["arm"] == "wide" and cmp["n"] == 2 and cmp["n_baseline"] == 3 and cmp["p"] < 0.05 and cmp["significant"]


async def test_a_second_report_never_overwrites_the_first(workspace, mode):
    async with Client(build_server(workspace), mode=mode) as c:
        await confirm_brief(c)
        demo_runs(workspace)
        first = (
            await c.call_tool("compile_report", {"experiment": "demo-width", "waivers": WAIVERS, "figures": False})
        ).structured_content
        before = (workspace / first["report_dir"] / "report.md").read_bytes()
        second = (
            await c.call_tool(
                "compile_report",
                {"experiment": "demo-width", "waivers": WAIVERS, "figures": False, "title": "Width, second look"},
            )
        ).structured_content
    assert first["report_dir"] != second["report_dir"]
    assert (workspace / first["report_dir"] / "report.md").read_bytes() == before
    assert (workspace / second["report_dir"] / "report.md").read_text().startswith("# Width, second look")


async def test_a_run_folder_that_cannot_be_read_is_a_hard_refusal(workspace, mode):
    async with Client(build_server(workspace), mode=mode) as c:
        await confirm_brief(c)
        demo_runs(workspace)
        broken = workspace / ".experiments" / "demo-width" / "runs" / "wide-s9-abcdef"
        broken.mkdir()
        (broken / "spec.json").write_text("{not json")
        (broken / "state.json").write_text("{}")
        r = await c.call_tool("compile_report", {"experiment": "demo-width", "waivers": WAIVERS})
    assert r.is_error
    assert "- H02 run_unaccounted (hard, never waived)" in result_text(r) and "wide-s9-abcdef" in result_text(r)


async def test_runs_launched_before_the_pre_registration_make_the_report_exploratory(workspace, mode):
    async with Client(build_server(workspace), mode=mode) as c:
        demo_runs(workspace, created=datetime.now(UTC) - timedelta(days=1))
        await confirm_brief(c)
        checked = (
            await c.call_tool("compile_report", {"experiment": "demo-width", "check_only": True})
        ).structured_content
        waived = WAIVERS + [
            {"code": "S06", "reason": "the runs were a pilot launched the day before the brief was confirmed"}
        ]
        out = (
            await c.call_tool("compile_report", {"experiment": "demo-width", "waivers": waived, "figures": False})
        ).structured_content
    assert {v["code"] for v in checked["violations"]} == {"S01", "S02", "S06"}
    assert out["label"] == "exploratory" and "launched before the brief was pre-registered" in out["label_reasons"][0]
    assert out["markdown"].splitlines()[2].startswith("**Exploratory report**")


async def test_a_test_changed_from_the_pre_registration_is_a_plan_change_and_labelled_exploratory(workspace, mode):
    async with Client(build_server(workspace), mode=mode) as c:
        await confirm_brief(c)
        demo_runs(workspace)
        out = (
            await c.call_tool(
                "compile_report", {"experiment": "demo-width", "plan": {"test": "mann_whitney"}, "check_only": True}
            )
        ).structured_content
    s05 = next(v for v in out["violations"] if v["code"] == "S05")
    assert s05["evidence"] == ["test: 'welch_t' (registered) -> 'mann_whitney' (used)"]
    assert out["label"] == "exploratory"
    assert out["comparisons"][0]["test"] == "mann_whitney" and out["comparisons"][0][
        "mann_whitney_min_p"
    ] == pytest.approx(0.2)


async def test_a_later_re_registration_does_not_replace_the_original_hypothesis(workspace, mode):
    async with Client(build_server(workspace), mode=mode) as c:
        await confirm_brief(c)
        demo_runs(workspace)
        await confirm_brief(c, hypothesis="A wider hidden layer does not hurt validation accuracy.")
        out = (
            await c.call_tool("compile_report", {"experiment": "demo-width", "waivers": WAIVERS, "figures": False})
        ).structured_content
    md = out["markdown"]
    assert f"> {HYPOTHESIS}" in md and "does not hurt" not in md
    assert "confirmed again later as v2; this report follows the original pre-registration v1" in md
    assert out["label"] == "confirmatory"


async def test_an_experiment_without_a_confirmed_brief_needs_a_plan_and_is_exploratory(workspace, mode):
    demo_runs(workspace, experiment="pilot")
    async with Client(build_server(workspace), mode=mode) as c:
        r = await c.call_tool("compile_report", {"experiment": "pilot"})
        out = (
            await c.call_tool(
                "compile_report",
                {
                    "experiment": "pilot",
                    "plan": {"primary_metric": "val_acc", "higher_is_better": True, "baseline": "narrow"},
                    "waivers": WAIVERS,
                    "figures": False,
                },
            )
        ).structured_content
    assert r.is_error and "lacks primary_metric and higher_is_better" in result_text(r)
    assert out["label"] == "exploratory" and out["label_reasons"] == ["no confirmed brief for this experiment"]


async def test_a_baseline_trained_for_fewer_steps_is_a_truncated_baseline(workspace, mode):
    async with Client(build_server(workspace), mode=mode) as c:
        await confirm_brief(c)
        for (arm, seed), acc in FINAL.items():
            record_run(workspace, "demo-width", arm, seed, "completed", curve(acc, epochs=2 if arm == "narrow" else 4))
        record_run(workspace, "demo-width", "wide", 2, "completed", curve(0.899))
        out = (await c.call_tool("compile_report", {"experiment": "demo-width", "check_only": True})).structured_content
    s09 = next(v for v in out["violations"] if v["code"] == "S09")
    assert s09["evidence"] == ["baseline narrow ran a median of 76 steps, arm wide 152"]


async def test_an_arm_filter_or_exclusion_keeps_every_run_listed(workspace, mode):
    async with Client(build_server(workspace), mode=mode) as c:
        await confirm_brief(c)
        ids = demo_runs(workspace)
        filtered = (
            await c.call_tool("compile_report", {"experiment": "demo-width", "seeds": [0, 1], "check_only": True})
        ).structured_content
        reason = "seed 2 of every arm excluded: the seed-2 data shard was corrupted (verified afterwards)"
        excluded = (
            await c.call_tool(
                "compile_report",
                {
                    "experiment": "demo-width",
                    "exclude": [{"seed": 2, "reason": reason}],
                    "waivers": [
                        {"code": "S03", "reason": "the whole seed-2 shard was bad, in every arm"},
                        {"code": "S01", "reason": "two clean seeds per arm are all the shard left us"},
                    ],
                    "figures": False,
                },
            )
        ).structured_content
    h02 = next(v for v in filtered["violations"] if v["code"] == "H02")
    assert len(h02["evidence"]) == 2 and all("without a reason" in e for e in h02["evidence"])
    md = excluded["markdown"]
    assert f"`{ids[('narrow', 2)]}`" in md and reason in md and "| narrow (baseline) | 2 / 3 |" in md


async def test_check_report_against_an_experiment_flags_a_changed_hypothesis_and_an_unmentioned_failure(
    workspace, mode
):
    text = (
        "# Width\n\n## Hypothesis\n\nA wider hidden layer does not hurt validation accuracy.\n\n## Results\n\n"
        "| Arm | val_acc |\n|---|---|\n| narrow | 0.8680 ± 0.0036 (n=3) |\n| wide | 0.8995 ± 0.0035 (n=2) |\n\n"
        "Wide is better than narrow (Welch's t-test p = 0.0018).\n"
    )
    async with Client(build_server(workspace), mode=mode) as c:
        await confirm_brief(c)
        ids = demo_runs(workspace)
        r = await c.call_tool("check_report", {"report": text, "experiment": "demo-width"})
    out = r.structured_content
    codes = {f["code"]: f for f in out["findings"]}
    assert set(codes) == {"L05", "L06", "L02"}, out["findings"]
    assert (
        codes["L06"]["sentence"] == "A wider hidden layer does not hurt validation accuracy."
        and codes["L06"]["line"] == 5
    )
    assert ids[("wide", 2)] in codes["L05"]["message"]
    assert "0.0018" in codes["L02"]["message"]  # the real p differs


async def test_a_running_run_is_unfinished_until_it_ends(tmp_path):
    from experiment_runner.tools.base import ToolContext
    from experiment_runner.tools.compile_report import SPEC as COMPILE
    from experiment_runner.tools.launch_training import SPEC as LAUNCH
    from experiment_runner.tools.stop_run import SPEC as STOP
    from experiment_runner.workspace import Workspace
    from tests.runs_util import make_workspace, wait_states

    ws = make_workspace(tmp_path / "ws", {"slow.py": "import time\nprint('val_acc=0.5', flush=True)\ntime.sleep(60)\n"})
    ctx = ToolContext(workspace=Workspace(ws))
    rid = (
        LAUNCH.call({"experiment": "going", "arm": "a", "command": ["python", "slow.py"], "seeds": [0]}, ctx)
        .runs[0]
        .run_id
    )
    try:
        wait_states(ws, [rid], {"running"}, 30)
        out = COMPILE.call(
            {
                "experiment": "going",
                "plan": {"primary_metric": "val_acc", "higher_is_better": True},
                "check_only": True,
            },
            ctx,
        )
        s07 = next(v for v in out.violations if v.code == "S07")
        assert s07.evidence == [f"run {rid} (arm a, seed 0) is running"]
    finally:
        STOP.call({"run_id": rid}, ctx)
    wait_states(ws, [rid], {"cancelled", "failed", "completed"}, 30)


def test_the_cli_writes_a_report_and_exits_1_with_the_rules_on_a_refusal(workspace):
    import shutil

    from tests.conftest import DATA

    shutil.copy(DATA / "results" / "unequal_seeds.csv", workspace / "r.csv")
    plan = {"primary_metric": "bleu", "higher_is_better": True, "baseline": "baseline"}
    code, out, err = call_cli("compile_report", {"results_file": "r.csv", "plan": plan, "figures": False}, workspace)
    assert code == 1 and out is None and "S02 unequal_seeds" in err
    code, out, err = call_cli(
        "compile_report",
        {
            "results_file": "r.csv",
            "plan": plan,
            "figures": False,
            "waivers": [{"code": "S02", "reason": "big_vocab runs were cut by the deadline"}],
        },
        workspace,
    )
    assert code == 0, err
    assert (
        out["report_dir"].startswith(".experiments/_reports/r-")
        and (workspace / out["report_dir"] / "report.json").is_file()
    )


def test_plots_start_magnitudes_at_zero_share_one_scale_across_panels_and_label_every_axis(workspace):
    import shutil

    from experiment_runner.reports.compile import Request, load
    from experiment_runner.reports.model import ReportPlan
    from experiment_runner.reports.plots import curves_figure, values_figure
    from experiment_runner.workspace import Workspace
    from tests.conftest import DATA

    shutil.copy(DATA / "results" / "many_arms.csv", workspace / "m.csv")
    an = load(
        Workspace(workspace),
        Request(results_file="m.csv", plan=ReportPlan(primary_metric="top1", higher_is_better=True)),
    )
    fig = values_figure(an, "top1")
    ax = fig.axes[0]
    assert ax.get_ylim()[0] == 0 and ax.get_ylabel() == "top1 (fraction)" and ax.get_xlabel().startswith("arm")
    points = ax.collections[0].get_offsets()
    assert len(points) == 55  # every seed's point: 11 arms x 5 seeds
    assert curves_figure(an, "top1") is None  # a results file has no curves

    for arm in ("a", "b", "c", "d", "e", "f", "g", "h"):
        for seed in (0, 1):
            record_run(workspace, "many", arm, seed, "completed", curve(0.8 + 0.01 * seed), manifest=None)
    an = load(
        Workspace(workspace),
        Request(experiment="many", plan=ReportPlan(primary_metric="val_acc", higher_is_better=True, baseline="a")),
    )
    fig = curves_figure(an, "val_acc")
    panels = [a for a in fig.axes if a.get_visible() and a.lines]
    assert len(panels) == 2  # 7 arms besides the baseline, at most 6 per panel
    assert len({p.get_ylim() for p in panels}) == 1 and panels[0].get_ylim()[0] == 0
    assert all(p.get_xlabel() == "training step (count)" and p.get_ylabel() == "val_acc (fraction)" for p in panels)
    assert all(any(line.get_label().startswith("a (") for line in p.lines) for p in panels)  # baseline in every panel


def test_importing_the_report_tools_loads_no_heavy_library():
    import subprocess
    import sys

    code = (
        "import sys, experiment_runner.tools.compile_report, experiment_runner.tools.check_report;"
        "print([m for m in ('numpy', 'scipy', 'matplotlib', 'jinja2') if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "[]", out.stderr
    _ = (math, os)


# --- issue 14: retries, free-text waivers, zero variance, planned seeds, criterion verdicts, paired statistics -------


def _csv(ws: Path, name: str, rows: list[str]) -> str:
    (ws / name).write_text("method,seed,status,acc\n" + "\n".join(rows) + "\n")
    return name


async def _compile(ws, mode, args):
    async with Client(build_server(ws), mode=mode) as c:
        return await c.call_tool("compile_report", {"figures": False, **args})


BASE = [f"baseline,{s},completed,{v}" for s, v in enumerate([0.9601, 0.9652, 0.9583, 0.9627, 0.9611])]
MIX = [f"mixup,{s},completed,{v}" for s, v in enumerate([0.9703, 0.9741, 0.9688, 0.9725, 0.9712])]
PLAN = {"primary_metric": "acc", "higher_is_better": True, "baseline": "baseline"}


async def test_a_crashed_seed_run_again_is_an_attempt_not_a_bigger_budget(workspace, mode):
    f = _csv(workspace, "r.csv", BASE + ["mixup,2,crashed,"] + MIX)
    r = await _compile(workspace, mode, {"results_file": f, "plan": PLAN})
    assert not r.is_error, result_text(r)  # no S09 (5 seeds each), no S08 (one completed run per seed)
    md = r.structured_content["markdown"]
    assert "| `mixup/seed2` | mixup | 2 | crashed |" in md  # the crash stays listed under Failed Attempts
    assert "| mixup | 5 / 5 |" in md


async def test_a_waiver_reason_is_free_text_and_is_never_checked_as_a_result(workspace, mode):
    f = _csv(workspace, "r.csv", BASE[:4] + MIX)
    reason = "the baseline's fifth seed was cut by the deadline (3 epochs x 32 steps left)"
    r = await _compile(
        workspace,
        mode,
        {
            "results_file": f,
            "plan": PLAN,
            "waivers": [{"code": "S02", "reason": reason}, {"code": "S09", "reason": reason}],
        },
    )
    assert not r.is_error, result_text(r)
    assert reason in r.structured_content["markdown"]


async def test_identical_results_across_seeds_are_a_finding_that_names_the_unused_seed(workspace, mode):
    same = [f"mixup,{s},completed,0.9706" for s in range(5)]
    f = _csv(workspace, "r.csv", BASE + same)
    refused = await _compile(workspace, mode, {"results_file": f, "plan": PLAN})
    text = result_text(refused)
    assert refused.is_error and "- S10 zero_variance" in text and "the seed most likely never reached the run" in text
    assert "arm mixup: acc is 0.9706 in all 5 completed seeds ({0, 1, 2, 3, 4})" in text
    r = await _compile(
        workspace,
        mode,
        {
            "results_file": f,
            "plan": PLAN,
            "waivers": [{"code": "S10", "reason": "kept to show what an unseeded script gives"}],
        },
    )
    md = r.structured_content["markdown"]
    assert "Every completed seed of mixup gave the same acc (0.9706, n=5)" in md


async def test_planned_seeds_without_a_row_are_runs_not_accounted_for(workspace, mode):
    f = _csv(workspace, "r.csv", BASE[:3] + MIX[:3])
    r = await _compile(workspace, mode, {"results_file": f, "plan": {**PLAN, "planned_seeds": [0, 1, 2, 3, 4, 5]}})
    text = result_text(r)
    assert r.is_error and "- H02 run_unaccounted (hard, never waived)" in text
    assert "arm mixup: planned seed(s) {3, 4, 5} have no row in the results file" in text
    per_arm = await _compile(
        workspace,
        mode,
        {"results_file": f, "plan": {**PLAN, "planned_seeds": {"baseline": [0, 1, 2], "mixup": [0, 1, 2]}}},
    )
    assert not per_arm.is_error, result_text(per_arm)


async def test_each_comparison_gets_a_verdict_against_the_success_criterion_and_paired_statistics(workspace, mode):
    f = _csv(workspace, "r.csv", BASE + MIX)
    plan = {**PLAN, "success_criteria": "+0.5 points over the baseline, significant", "smallest_effect": 0.005}
    r = await _compile(workspace, mode, {"results_file": f, "plan": plan})
    out = r.structured_content
    cmp_ = out["comparisons"][0]
    assert cmp_["criterion"].startswith(
        'Success criterion ("+0.5 points over the baseline, significant"), mixup vs baseline: met'
    )
    assert "threshold: an improvement of at least 0.0050 in acc, significant" in cmp_["criterion"]
    assert cmp_["paired"]["n"] == 5 and cmp_["paired"]["wins"] == 5 and cmp_["paired"]["sign_flip_exact"]
    assert cmp_["paired"]["sign_flip_p"] == pytest.approx(0.0625)  # 5 of 5 seeds better: 2 / 2^5
    assert cmp_["min_detectable"] is not None and cmp_["equivalence"]["margin"] == 0.005
    md = out["markdown"]
    assert cmp_["criterion"] in md and "paired difference (95% BCa CI)" in md and "detectable at 80% power" in md
    high = await _compile(
        workspace, mode, {"results_file": f, "plan": {**PLAN, "success_criteria": "+3 points over the baseline"}}
    )
    assert (
        ": not met (threshold: an improvement of at least 0.0300"
        in high.structured_content["comparisons"][0]["criterion"]
    )


async def test_no_difference_is_said_only_when_the_equivalence_test_shows_it(workspace, mode):
    close = [f"mixup,{s},completed,{v}" for s, v in enumerate([0.9605, 0.9648, 0.9590, 0.9622, 0.9617])]
    f = _csv(workspace, "r.csv", BASE + close)
    wide = await _compile(workspace, mode, {"results_file": f, "plan": {**PLAN, "smallest_effect": 0.01}})
    narrow = await _compile(workspace, mode, {"results_file": f, "plan": {**PLAN, "smallest_effect": 0.0001}})
    assert (
        "so the difference is shown to be smaller than 0.0100" in wide.structured_content["comparisons"][0]["verdict"]
    )
    assert "this is no evidence of no effect" in narrow.structured_content["comparisons"][0]["verdict"]


async def test_a_baseline_chosen_without_a_brief_or_plan_says_why(workspace, mode):
    f = _csv(workspace, "r.csv", BASE + MIX)
    r = await _compile(
        workspace,
        mode,
        {"results_file": f, "plan": {"primary_metric": "acc", "higher_is_better": True, "eval_examples": 10000}},
    )
    md = r.structured_content["markdown"]
    assert (
        "against the baseline `baseline` (chosen because an arm is called 'baseline': no brief or plan names a "
        "baseline)" in md
    )
    assert "95% Wilson CI, one evaluation of 10000 examples" in md


async def test_commands_collapse_when_the_seed_sits_inside_another_argument_and_steps_come_from_step_counters(
    workspace, mode
):
    async with Client(build_server(workspace), mode=mode) as c:
        await confirm_brief(c)
        for (arm, seed), acc in FINAL.items():
            manifest = {**MANIFEST, "config": {**MANIFEST["config"], "command_overrides": {"out_dir": f"out-{seed}"}}}
            metrics = [
                {"step": 1, "val_acc": acc - 0.01, "val_loss": 0.3},
                {"step": 3, "val_acc": acc, "val_loss": 0.2 + 0.01 * seed},
            ] + [
                {"loss": 0.5 - 0.01 * i}
                for i in range(12)  # logged without a step: ordered by line, not steps
            ]
            argv = [
                "python",
                "train.py",
                f"--out_dir=out-{seed}",
                "--seed",
                str(seed),
                "--hidden",
                "64" if arm == "wide" else "16",
            ]
            record_run(workspace, "demo-width", arm, seed, "completed", metrics, argv=argv, manifest=manifest)
        record_run(
            workspace,
            "demo-width",
            "wide",
            2,
            "completed",
            [{"step": 3, "val_acc": 0.899, "val_loss": 0.23}],
            argv=["python", "train.py", "--out_dir=out-2", "--seed", "2", "--hidden", "64"],
            manifest={**MANIFEST, "config": {**MANIFEST["config"], "command_overrides": {"out_dir": "out-2"}}},
        )
        r = await c.call_tool("compile_report", {"experiment": "demo-width", "figures": False})
        assert not r.is_error, result_text(r)
        out = r.structured_content
    md = out["markdown"]
    assert "Command of arm wide: `python train.py --out_dir=out-{seed} --seed {seed} --hidden 64`" in md
    assert md.count("Command of arm narrow:") == 1
    assert "--out_dir out-{seed}" in md and "(runs differ)" not in md
    assert "Arm narrow: completed runs ended at step 3" in md and "step 11" not in md


async def test_a_brief_confirmed_before_smallest_effect_existed_still_loads_and_one_with_it_drives_tost(
    workspace, mode
):
    async with Client(build_server(workspace), mode=mode) as c:
        old = await confirm_brief(c)
        stored = json.loads((workspace / ".experiments" / "demo-width" / "brief" / "v001.json").read_text())
        assert "smallest_effect" not in stored["brief"]["analysis"]  # unset: hashed exactly as before the field
        demo_runs(workspace)
        await confirm_brief(c, "demo-width-2", analysis={**BRIEF["analysis"], "smallest_effect": 0.02})
        for (arm, seed), acc in FINAL.items():
            record_run(workspace, "demo-width-2", arm, seed, "completed", curve(acc))
        record_run(workspace, "demo-width-2", "wide", 2, "completed", curve(0.899))
        first = await c.call_tool("compile_report", {"experiment": "demo-width", "waivers": WAIVERS, "figures": False})
        second = await c.call_tool("compile_report", {"experiment": "demo-width-2", "figures": False})
    assert old["version"] == 1 and not first.is_error, result_text(first)
    cmp_ = second.structured_content["comparisons"][0]
    assert cmp_["equivalence"]["margin"] == 0.02 and "Success criterion" in cmp_["criterion"]
