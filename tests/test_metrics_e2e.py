"""A real framework's run, end to end: a small script replays what a Lightning run printed (its tqdm bar, the Rich
test table) and writes the metrics.csv its CSVLogger wrote (tests/data/metrics/lightning_tqdm), launched through
launch_training over two arms and two seeds; get_run_status and compile_report must show its real curves with
the CSV's steps, and no setting as a metric."""

from __future__ import annotations

import textwrap
import time
from pathlib import Path

import anyio
import pytest
from mcp import Client

from experiment_runner.server import build_server
from tests.runs_util import make_workspace, result_text

pytestmark = [pytest.mark.anyio, pytest.mark.slow]

FIXTURE = Path(__file__).parent / "data" / "metrics" / "lightning_tqdm"

# Replays the fixture's stdout, validation values shifted by arm and seed (in the text and in the CSV alike, so
# the two still agree), and writes the CSV where CSVLogger put it.
REPLAY = textwrap.dedent("""
    import re, shutil, sys, time
    from pathlib import Path
    fixture, seed, shift = Path(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
    delta = shift + 0.01 * seed
    def moved(m):
        return f"{m.group(1)}{float(m.group(2)) + delta:.3f}"
    text = (fixture / "stdout.txt").read_text()
    sys.stdout.write(re.sub(r"(val_loss=)([0-9.]+)", moved, text))
    sys.stdout.flush()
    csv = (fixture / "files" / "logs" / "lightning_logs" / "version_0" / "metrics.csv").read_text().splitlines()
    header = csv[0].split(",")
    col = header.index("val_loss")
    rows = [csv[0]]
    for line in csv[1:]:
        cells = line.split(",")
        if cells[col]:
            cells[col] = repr(float(cells[col]) + delta)
        rows.append(",".join(cells))
    out = Path(f"logs/seed{seed}-{shift}/lightning_logs/version_0")
    out.mkdir(parents=True, exist_ok=True)
    (out / "metrics.csv").write_text("\\n".join(rows) + "\\n")
""")


async def _wait_ended(client, experiment: str, timeout: float = 120) -> dict:
    deadline = time.monotonic() + timeout
    while True:
        r = await client.call_tool("get_run_status", {"experiment": experiment, "log_lines": 0})
        assert not r.is_error, result_text(r)
        if r.structured_content["all_ended"]:
            return r.structured_content
        if time.monotonic() > deadline:
            raise AssertionError(f"runs still going after {timeout} s")
        await anyio.sleep(0.25)


async def test_a_lightning_run_shows_its_csv_curves_in_status_and_its_real_steps_in_the_report(tmp_path, mode):
    ws = make_workspace(tmp_path / "ws", {"replay.py": REPLAY})
    async with Client(build_server(ws), mode=mode) as c:
        for arm, shift in (("base", "0"), ("tuned", "-0.05")):
            r = await c.call_tool(
                "launch_training",
                {
                    "experiment": "lt",
                    "arm": arm,
                    "command": ["python", "replay.py", str(FIXTURE), "{seed}", shift],
                    "seeds": [0, 1],
                },
            )
            assert not r.is_error, result_text(r)
        await _wait_ended(c, "lt")
        runs = (await c.call_tool("list_runs", {"experiment": "lt"})).structured_content["runs"]
        assert len(runs) == 4 and {x["state"] for x in runs} == {"completed"}
        rid = next(x["run_id"] for x in runs if x["arm"] == "base" and x["seed"] == 0)
        status = (await c.call_tool("get_run_status", {"run_id": rid, "curve_points": 50})).structured_content
        report = await c.call_tool(
            "compile_report",
            {
                "experiment": "lt",
                "plan": {"primary_metric": "val_loss", "higher_is_better": False, "baseline": "base"},
                "figures": False,
                "waivers": [{"code": "S01", "reason": "a replay of two seeds per arm"}],
            },
        )
    run = status["runs"][0] if "runs" in status else status
    curves = run["curves"]
    # the exact CSV history: validation at the end of each epoch (CSV steps), the per-step loss every 5 steps
    assert [p[0] for p in curves["val_loss"]["points"]] == [14, 29, 44, 59]
    assert [p[0] for p in curves["train_loss_step"]["points"]] == [4, 9, 14, 19, 24, 29, 34, 39, 44, 49, 54, 59]
    assert "train_acc" in curves and "test_acc" in curves  # logged only to the CSV / the test table
    assert not {"v_num", "hp_metric", "lr", "hidden", "max_epochs"} & set(run["latest"])
    assert run["best"]["val_loss"]["goal"] == "min" and "epoch" not in run["best"]
    assert run["step"] == 60  # the CSV's last row: trainer.test() logged at global step 60
    assert not report.is_error, result_text(report)
    out = report.structured_content
    codes = {v["code"] for v in out["violations"] if not v["waived"]}
    assert "S09" not in codes and "S01" not in codes  # both arms: 2 completed runs of 60 steps by their counter
    base = next(x for x in out["results"] if x["arm"] == "base" and x["metric"] == "val_loss")
    assert base["n"] == 2
