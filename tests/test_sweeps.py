"""launch_sweep and the honest-selection part of compile_report, through a real MCP client in both protocol modes,
over real runs of a small stdlib script (the slow tests run the example project's torch script)."""

from __future__ import annotations

import json
import os
import textwrap
import time

import anyio
import pytest
from mcp import Client

from experiment_runner.server import build_server
from experiment_runner.stats.expected_max import curve, expected_best
from tests.conftest import call_cli, result_text
from tests.runs_util import make_workspace

pytestmark = pytest.mark.anyio

# Validation accuracy peaks at lr=0.1 and grows with the width; the test split is a little lower.
TRAIN = textwrap.dedent("""
    import argparse, random
    p = argparse.ArgumentParser()
    p.add_argument("--seed", type=int)
    p.add_argument("--lr", type=float)
    p.add_argument("--width", type=int)
    a = p.parse_args()
    random.seed(a.seed)
    for step in range(1, 4):
        acc = 0.9 - abs(a.lr - 0.1) - 1 / a.width + random.random() * 0.01 + step * 0.01
        print(f"step={step} val_acc={acc:.4f} test_acc={acc - 0.02:.4f}", flush=True)
""")
COMMAND = ["python", "train.py", "--lr", "{lr}", "--width", "{width}", "--seed", "{seed}"]
GRID = {"lr": {"values": [0.01, 0.1, 0.3]}, "width": {"values": [8, 32]}}


def _ws(tmp_path):
    return make_workspace(tmp_path / "ws", {"train.py": TRAIN}, runs={"max_parallel": 4})


async def _call(c, tool: str, args: dict) -> dict:
    r = await c.call_tool(tool, args)
    assert not r.is_error, result_text(r)
    return r.structured_content


async def _error(c, tool: str, args: dict) -> str:
    r = await c.call_tool(tool, args)
    assert r.is_error, r.structured_content
    return result_text(r)


async def _until(c, experiment: str, done, timeout: float = 60) -> dict:
    deadline = time.monotonic() + timeout
    while True:
        out = await _call(c, "get_run_status", {"experiment": experiment, "log_lines": 0, "curve_points": 0})
        if done(out):
            return out
        if time.monotonic() > deadline:
            raise AssertionError(f"not done after {timeout} s: {out['summary']}")
        await anyio.sleep(0.25)


def _ended(out: dict) -> bool:
    return out["all_ended"] and all(s["state"] == "ended" for s in out["sweeps"])


async def test_a_grid_sweep_launches_every_configuration_at_once_and_status_shows_the_best(tmp_path, mode):
    ws = _ws(tmp_path)
    async with Client(build_server(ws), mode=mode) as c:
        out = await _call(
            c,
            "launch_sweep",
            {
                "experiment": "e",
                "sweep": "g",
                "sampler": "grid",
                "command": COMMAND,
                "space": GRID,
                "objective": "val_acc",
                "seeds": [0],
            },
        )
        assert out["runs"] == 6 and [t["arm"] for t in out["trials"]] == [f"g-00{i}" for i in range(6)]
        assert out["trials"][3]["params"] == {"lr": 0.1, "width": 32}
        assert out["trials"][3]["argv"] == ["python", "train.py", "--lr", "0.1", "--width", "32", "--seed", "{seed}"]
        status = await _until(c, "e", _ended)
        sweep = status["sweeps"][0]
        assert sweep["trials"] == 6 and sweep["by_state"] == {"complete": 6}
        assert sweep["best"]["params"] == {"lr": 0.1, "width": 32} and sweep["best"]["arm"] == "g-003"
        assert "best val_acc" in status["summary"] and "(lr=0.1, width=32)" in status["summary"]
        listed = await _call(c, "list_runs", {"experiment": "e"})
        assert listed["total"] == 6 and listed["sweeps"][0]["best"]["number"] == 3


async def test_bad_sweeps_are_refused_with_what_would_be_valid(tmp_path, mode):
    ws = _ws(tmp_path)
    base = {
        "experiment": "e",
        "sweep": "s",
        "sampler": "grid",
        "command": COMMAND,
        "space": GRID,
        "objective": "val_acc",
    }
    async with Client(build_server(ws), mode=mode) as c:
        text = await _error(c, "launch_sweep", {**base, "sampler": "bayes"})
        assert "sampler" in text and "'grid', 'random' or 'tpe'" in text
        text = await _error(c, "launch_sweep", {**base, "space": {}})
        assert "space is empty" in text
        text = await _error(c, "launch_sweep", {**base, "space": {**GRID, "dropout": {"values": [0.1]}}})
        assert "dropout" in text and "do not occur in the command" in text and "{lr}, {width}" in text
        text = await _error(c, "launch_sweep", {**base, "space": {"lr": GRID["lr"]}})
        assert "{width}" in text and "does not define" in text
        text = await _error(c, "launch_sweep", {**base, "space": {**GRID, "lr": {"low": 1e-3, "high": 1}}})
        assert "a grid needs a list of values" in text and "lr" in text
        text = await _error(c, "launch_sweep", {**base, "sampler": "random"})
        assert "needs max_trials" in text
        text = await _error(c, "launch_sweep", {**base, "max_trials": 4})
        assert "6 configurations but max_trials is 4" in text
        text = await _error(c, "launch_sweep", {**base, "pruner": "median"})
        assert "only sampler 'tpe'" in text
        text = await _error(c, "launch_sweep", {**base, "objective": "widgets"})
        assert "give direction 'max' or 'min'" in text
        text = await _error(c, "launch_sweep", {"experiment": "e", "sweep": "s", "command": COMMAND})
        assert "a new sweep needs space, sampler, objective (missing here)" in text and "resume=true" in text
        text = await _error(c, "launch_sweep", {"experiment": "e", "sweep": "s", "resume": True})
        assert "experiment 'e' has no sweep 's'" in text
        for bad in ("é" * 300, "s" * 56, "../s", "s\n"):
            for resume in (False, True):
                text = await _error(c, "launch_sweep", {**base, "sweep": bad, "resume": resume})
                assert "sweep name" in text and "is not valid" in text and "1-55 letters" in text
        assert not (ws / ".experiments" / "e" / "sweeps" / "s").exists()  # nothing written by a refusal


def test_a_tpe_sweep_without_optuna_names_the_missing_package_and_grid_still_works(tmp_path):
    ws = _ws(tmp_path)
    blocked = tmp_path / "no-optuna"
    (blocked / "optuna").mkdir(parents=True)
    (blocked / "optuna" / "__init__.py").write_text("raise ImportError('No module named optuna')\n")
    env = {"PYTHONPATH": os.pathsep.join([str(blocked), os.environ.get("PYTHONPATH", "")])}
    args = {
        "experiment": "e",
        "sweep": "t",
        "sampler": "tpe",
        "max_trials": 3,
        "command": COMMAND,
        "space": {"lr": {"low": 1e-3, "high": 1, "log": True}, "width": {"values": [8]}},
        "objective": "val_acc",
    }
    code, _, err = call_cli("launch_sweep", args, ws, env=env)
    assert code != 0 and "needs the optuna package" in err and "experiment-runner[sweep]" in err
    code, out, err = call_cli("launch_sweep", {**args, "sampler": "random"}, ws, env=env)
    assert code == 0, err
    assert out["runs"] == 3 and all(0.001 <= t["params"]["lr"] <= 1 for t in out["trials"])


def test_the_expected_best_of_n_trials_matches_a_hand_computed_case():
    # scores 1, 2, 3; best of 2 draws: P(1) = 1/9, P(2) = 3/9, P(3) = 5/9
    two = expected_best([3.0, 1.0, 2.0], 2)
    assert two.mean == pytest.approx(22 / 9) and two.variance == pytest.approx(58 / 9 - (22 / 9) ** 2)
    lowest = expected_best([3.0, 1.0, 2.0], 2, higher_is_better=False)  # the min: P(1) = 5/9, P(2) = 3/9, P(3) = 1/9
    assert lowest.mean == pytest.approx(14 / 9) and lowest.variance == pytest.approx(two.variance)
    points = curve([1.0, 2.0, 3.0])
    assert [p.n for p in points] == [1, 2, 3] and points[0].mean == pytest.approx(2.0)
    assert points[0].std == pytest.approx((2 / 3) ** 0.5) and points[2].mean == pytest.approx(
        1 + 7 / 27 * 1 + 19 / 27 * 2
    )


async def test_a_report_refuses_choosing_and_reporting_on_one_split_unless_waived_and_shows_the_selection(
    tmp_path, mode
):
    ws = _ws(tmp_path)
    async with Client(build_server(ws), mode=mode) as c:
        await _call(
            c,
            "launch_sweep",
            {
                "experiment": "e",
                "sweep": "g",
                "sampler": "grid",
                "command": COMMAND,
                "space": GRID,
                "objective": "val_acc",
                "seeds": [0],
            },
        )
        fill = {"lr": "0.01", "width": "8"}
        base_cmd = [fill.get(a.strip("{}"), a) if a != "{seed}" else a for a in COMMAND]
        await _call(c, "launch_training", {"experiment": "e", "arm": "base", "command": base_cmd, "seeds": [1, 2, 3]})
        await _until(c, "e", _ended)
        plan = {"primary_metric": "val_acc", "higher_is_better": True, "baseline": "base"}
        waive_s06 = {"code": "S06", "reason": "no brief in this test"}
        text = await _error(c, "compile_report", {"experiment": "e", "plan": plan, "waivers": [waive_s06]})
        assert "S11 selected_and_reported_on_one_split" in text and "sweep g chose on val_acc (val split)" in text
        assert "S12 chosen_config_not_rerun" in text and "no arm re-ran its command" in text

        chosen = ["python", "train.py", "--lr", "0.1", "--width", "32", "--seed", "{seed}"]
        await _call(c, "launch_training", {"experiment": "e", "arm": "chosen", "command": chosen, "seeds": [0, 1, 2]})
        await _until(c, "e", _ended)
        text = await _error(c, "compile_report", {"experiment": "e", "plan": plan, "waivers": [waive_s06]})
        assert "seeds [0, 1, 2], some of which the sweep's trial already used" in text

        await _call(c, "launch_training", {"experiment": "e", "arm": "fresh", "command": chosen, "seeds": [4, 5, 6]})
        await _until(c, "e", _ended)
        exclude = [{"arm": "chosen", "reason": "re-run on seeds the sweep used; replaced by arm fresh"}]
        waiver = {"code": "S11", "reason": "this toy script has no held-out split worth the name"}
        out = await _call(
            c, "compile_report", {"experiment": "e", "plan": plan, "exclude": exclude, "waivers": [waive_s06, waiver]}
        )
        md = (ws / out["report_dir"] / "report.md").read_text()
        assert "S11" in md and "no held-out split worth the name" in md
        assert "### Sweep `g` (grid)" in md and "6 configuration(s) tried (6 complete), 6 run(s)" in md
        assert "Chosen on `val_acc` (val); the report's numbers are `val_acc` (val)" in md
        assert "Re-run: arm `fresh` ran it on seeds [4, 5, 6] (fresh)." in md
        assert "| 6 | " in md and "figures/expected_best_g.png" in md

        test_plan = {**plan, "primary_metric": "test_acc"}
        out = await _call(
            c, "compile_report", {"experiment": "e", "plan": test_plan, "exclude": exclude, "waivers": [waive_s06]}
        )
        data = json.loads((ws / out["report_dir"] / "report.json").read_text())
        (sweep,) = data["sweeps"]
        assert sweep["selection_split"] == "val" and sweep["report_split"] == "test"
        assert sweep["configurations"] == 6 and len(sweep["expected_best"]) == 6
        assert sweep["expected_best"][-1]["expected_best"] <= max(sweep["scores"])
        assert not [v for v in data["violations"] if v["code"] in ("S11", "S12")]
        swept = [r["run_id"] for r in data["excluded"] if r["run_id"].startswith("g-")]
        assert len(swept) == 6 and all("a trial of sweep g" in r["reason"] for r in data["excluded"][:1])
        assert "g-003" not in data["arms"] and data["arms"] == ["base", "fresh"]

        # a hand-written report may quote the Selection section's numbers: they trace to the sweep
        three = sweep["expected_best"][2]
        text = (
            f"Sweep g tried {sweep['configurations']} configurations in {sweep['runs']} runs. The expected best "
            f"val_acc of {three['n']} trials is {three['expected_best']:.4g} (std {three['std']:.3g}); the chosen "
            f"configuration (lr {sweep['chosen']['lr']}, width {sweep['chosen']['width']}) scored "
            f"{sweep['chosen_value']:.4f} in the sweep.\n\n"
            "A made-up expected best val_acc of 0.61937 is still caught.\n"
        )
        checked = await _call(c, "check_report", {"report": text, "experiment": "e", "plan": plan, "exclude": exclude})
        untraced = [f["sentence"] for f in checked["findings"] if f["code"] == "L02"]
        assert untraced == ["A made-up expected best val_acc of 0.61937 is still caught."], checked["findings"]


@pytest.mark.slow
async def test_a_tpe_sweep_with_pruning_and_a_grid_on_the_example_survive_a_driver_kill_and_report_honestly(tmp_path):
    import shutil
    import signal

    import yaml

    from tests.conftest import EXAMPLES

    ws = tmp_path / "ws"
    shutil.copytree(EXAMPLES / "classify", ws)
    (ws / "experiment-runner.yaml").write_text(yaml.safe_dump({"runs": {"manifest": False, "max_parallel": 4}}))
    fast = ["python", "train.py", "--epochs", "3", "--min-epoch-s", "0.25", "--seed", "{seed}"]
    async with Client(build_server(ws), mode="auto") as c:
        tpe = await _call(
            c,
            "launch_sweep",
            {
                "experiment": "ex",
                "sweep": "tpe",
                "sampler": "tpe",
                "command": [*fast, "--lr", "{lr}", "--hidden", "{hidden}"],
                "space": {"lr": {"low": 1e-4, "high": 0.5, "log": True}, "hidden": {"values": [8, 32]}},
                "objective": "val_acc",
                "max_trials": 12,
                "parallel_trials": 2,
                "pruner_startup_trials": 2,
            },
        )
        assert tpe["driver"] and tpe["trials"] == []
        grid = await _call(
            c,
            "launch_sweep",
            {
                "experiment": "ex",
                "sweep": "grid",
                "sampler": "grid",
                "command": [*fast, "--lr", "{lr}", "--hidden", "{hidden}"],
                "space": {"lr": {"values": [0.001, 0.05, 0.2]}, "hidden": {"values": [8, 32]}},
                "objective": "val_acc",
            },
        )
        assert grid["runs"] == 6
        await _call(c, "launch_training", {"experiment": "ex", "arm": "base", "command": fast, "seeds": [1, 2]})

        driver = json.loads((ws / ".experiments/ex/sweeps/tpe/driver.json").read_text())
        await _until(c, "ex", lambda o: o["sweeps"][1]["trials"] >= 3)
        os.kill(driver["pid"], signal.SIGKILL)
        lost = await _until(c, "ex", lambda o: o["sweeps"][1]["state"] == "driver_lost", timeout=10)
        assert "driver_lost" in lost["summary"]
        # a resume reads the sweep's own settings: its name is all it needs
        resumed = await _call(c, "launch_sweep", {"experiment": "ex", "sweep": "tpe", "resume": True})
        assert resumed["summary"].startswith("Resumed TPE sweep 'tpe'")

        status = await _until(c, "ex", _ended, timeout=150)
        grid_p, tpe_p = status["sweeps"]
        assert grid_p["by_state"] == {"complete": 6} and grid_p["best"]["params"]["lr"] != 0.001
        assert tpe_p["trials"] == 12 and sum(tpe_p["by_state"].values()) == 12
        assert set(tpe_p["by_state"]) <= {"complete", "pruned", "failed"} and tpe_p["by_state"].get("pruned", 0) >= 1
        trials = json.loads((ws / ".experiments/ex/sweeps/tpe/trials.json").read_text())
        assert [t["number"] for t in trials] == list(range(12))
        pruned = [t for t in trials if t["state"] == "pruned"]
        assert all(t["pruned_at_step"] is not None and "pruned at step" in t["reason"] for t in pruned)

        waivers = [
            {"code": "S06", "reason": "no brief in this test"},
            {"code": "S01", "reason": "two seeds are enough for this test"},
            {"code": "S12", "reason": "the re-run is tested with the stdlib script"},
        ]
        plan = {"primary_metric": "test_acc", "higher_is_better": True, "baseline": "base"}
        out = await _call(c, "compile_report", {"experiment": "ex", "plan": plan, "waivers": waivers})
        md = (ws / out["report_dir"] / "report.md").read_text()
        assert "### Sweep `tpe` (tpe)" in md and "12 configuration(s) tried (" in md and "pruned" in md
        assert "device-hours spent, max_trials 12" in md
        assert "Chosen on `val_acc` (val); the report's numbers are `test_acc` (test)" in md
        assert (
            "Expected best val_acc of n trials" in md
            and (ws / out["report_dir"] / "figures/expected_best_tpe.png").exists()
        )
