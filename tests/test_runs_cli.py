"""The run commands of the CLI as subprocesses: list, status (with --watch), follow, stop."""

from __future__ import annotations

import json
import textwrap

import pytest

from tests.conftest import call_cli, run_cli
from tests.runs_util import make_workspace, store, wait_states

TRAIN = textwrap.dedent("""
    import time
    for step in range(1, 31):
        print(f"step={step} loss={1.0 / step:.4f}", flush=True)
        time.sleep(0.05)
    print("finished", flush=True)
""")
SLEEP = "import time\nprint('sleeping', flush=True)\ntime.sleep(120)\n"


def _launch(ws, script: str, seeds: list[int], experiment: str = "cli") -> list[str]:
    code, out, err = call_cli(
        "launch_training", {"experiment": experiment, "arm": "a", "command": ["python", script], "seeds": seeds}, ws
    )
    assert code == 0, err
    return [r["run_id"] for r in out["runs"]]


@pytest.mark.slow
def test_follow_streams_a_log_until_the_run_ends_and_list_and_status_show_it(tmp_path):
    ws = make_workspace(tmp_path / "ws", {"train.py": TRAIN})
    [rid] = _launch(ws, "train.py", [0])
    follow = run_cli("follow", rid, "--lines", "0", root=ws, timeout=120)
    assert follow.returncode == 0, follow.stderr
    lines = follow.stdout.splitlines()
    assert lines[-1] == "finished" and "step=30 loss=0.0333" in lines
    assert f"{rid}: completed" in follow.stderr

    listed = run_cli("list", "--experiment", "cli", root=ws)
    assert listed.returncode == 0 and rid in listed.stdout and "completed" in listed.stdout
    assert "1 run(s)" in listed.stderr

    status = run_cli("status", rid, root=ws)
    assert (
        status.returncode == 0
        and "completed" in status.stdout
        and "loss=0.0333" in status.stdout
        and "finished" in status.stdout
    )
    as_json = json.loads(run_cli("status", rid, "--json", root=ws).stdout)
    assert as_json["runs"][0]["latest"]["loss"]["value"] == 0.0333


@pytest.mark.slow
def test_status_watch_shows_one_line_per_run_until_they_end_and_stop_ends_a_running_one(tmp_path):
    ws = make_workspace(tmp_path / "ws", {"train.py": TRAIN, "sleep.py": SLEEP})
    ids = _launch(ws, "train.py", [0, 1], experiment="watch")
    watch = run_cli("status", "--experiment", "watch", "--watch", "--interval", "0.5", root=ws, timeout=120)
    assert watch.returncode == 0, watch.stderr
    assert all(rid in watch.stderr for rid in ids) and "2 completed" in watch.stderr
    assert watch.stdout.count("completed") >= 2

    [sleeper] = _launch(ws, "sleep.py", [0], experiment="stopme")
    wait_states(ws, [sleeper], {"running"}, 60)
    stop = run_cli("stop", sleeper, "--grace", "2", root=ws, timeout=60)
    assert stop.returncode == 0, stop.stderr
    assert f"{sleeper}: running -> cancelled" in stop.stdout
    assert store(ws).get(sleeper).state.stop_signal == "SIGTERM"


def test_run_commands_report_mistakes_with_exit_code_2(tmp_path):
    ws = make_workspace(tmp_path / "ws")
    proc = run_cli("status", root=ws)
    assert proc.returncode == 2 and "give a run id, or --experiment" in proc.stderr
    proc = run_cli("follow", "nope-s0-000000", root=ws)
    assert proc.returncode == 2 and "no run 'nope-s0-000000'" in proc.stderr
    proc = run_cli("list", "--state", "done", root=ws)
    assert proc.returncode == 2 and "states" in proc.stderr


def test_status_of_a_long_experiment_lists_every_run_in_the_terminal(tmp_path):
    from tests.test_compile_report import curve, record_run

    ws = make_workspace(tmp_path / "ws", {})
    ids = {record_run(ws, "sweep", f"t{i:02d}", 0, "completed", curve(0.8, epochs=20)) for i in range(65)}
    done = run_cli("status", "--experiment", "sweep", "--json", root=ws, timeout=120)
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert {r["run_id"] for r in out["runs"]} == ids and len(out["runs"]) == 65
    assert out["next_offset"] is None and "Listed runs" not in out["summary"]
