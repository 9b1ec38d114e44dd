"""Resume and retry with real processes: a run that dies is started again as the same run with its latest complete
checkpoint, its attempts' metrics join into one series, a torn checkpoint is passed over, retries stop at the
limit, a script that does not resume is said to, and the run's time limit warns it with SIGUSR1 first."""

from __future__ import annotations

import json
import textwrap
import time

import anyio
import pytest
from mcp import Client

from experiment_runner.server import build_server
from tests.runs_util import make_workspace, result_text, store

pytestmark = pytest.mark.anyio

#: Counts steps, saves a pickle checkpoint every 5 steps (atomically, or torn on purpose), resumes from
#: $EXPERIMENT_RUNNER_RESUME, and on its first attempt dies at `die_at` in the way asked.
TRAIN = textwrap.dedent("""
    import os, pickle, signal, sys, time
    steps, die_at, how = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    ckdir = os.environ["EXPERIMENT_RUNNER_CHECKPOINT_DIR"]
    attempt = int(os.environ["EXPERIMENT_RUNNER_ATTEMPT"])
    resume = os.environ.get("EXPERIMENT_RUNNER_RESUME")
    print(f"attempt={attempt} resume={resume}", file=sys.stderr, flush=True)
    start = 0
    if resume and how != "ignore_resume":
        with open(resume, "rb") as f:
            start = pickle.load(f)["step"] + 1
    for step in range(start, steps):
        seed = int(os.environ["EXPERIMENT_RUNNER_SEED"])
        print(f"step={step} loss={1.0 / (step + 1) + seed / 1000:.5f}", flush=True)
        if step % 5 == 4:
            data = pickle.dumps({"step": step, "pad": b"x" * 4096})
            tmp = os.path.join(ckdir, f".ckpt-{step}.tmp")
            with open(tmp, "wb") as f:
                f.write(data)
            os.replace(tmp, os.path.join(ckdir, f"ckpt-{step:03d}.pkl"))
        if step == die_at and (attempt == 1 or how == "always"):
            if how == "torn":  # killed while writing the next checkpoint in place
                with open(os.path.join(ckdir, f"ckpt-{step:03d}.pkl"), "wb") as f:
                    f.write(pickle.dumps({"step": step, "pad": b"y" * 4096})[:2000])
                    f.flush()
                    os.kill(os.getpid(), signal.SIGKILL)
            if how in ("kill", "ignore_resume"):
                os.kill(os.getpid(), signal.SIGKILL)
            sys.exit(7)
        time.sleep(0.01)
""")

#: Saves a checkpoint when SIGUSR1 comes, and otherwise only works; resumes from the checkpoint.
USR1 = textwrap.dedent("""
    import os, pickle, signal, sys, time
    ckdir = os.environ["EXPERIMENT_RUNNER_CHECKPOINT_DIR"]
    resume = os.environ.get("EXPERIMENT_RUNNER_RESUME")
    step = pickle.load(open(resume, "rb"))["step"] + 1 if resume else 0
    def save(signum, frame):
        with open(os.path.join(ckdir, "on-usr1.pkl"), "wb") as f:
            pickle.dump({"step": step}, f)
        print(f"saved at step={step}", flush=True)
    signal.signal(signal.SIGUSR1, save)
    while step < 60:
        print(f"step={step} loss={1.0 / (step + 1):.4f}", flush=True)
        step += 1
        time.sleep(0.1 if os.environ["EXPERIMENT_RUNNER_ATTEMPT"] == "1" else 0.001)
""")


async def _launch(c, **kw) -> str:
    args = {"experiment": "e", "arm": "a", "seeds": [0], "retry_backoff_s": 0, **kw}
    r = await c.call_tool("launch_training", args)
    assert not r.is_error, result_text(r)
    return r.structured_content["runs"][0]["run_id"]


async def _ended(c, run_id: str, timeout: float = 60) -> dict:
    deadline = time.monotonic() + timeout
    while True:
        r = await c.call_tool("get_run_status", {"run_id": run_id, "log_lines": 3})
        assert not r.is_error, result_text(r)
        run = r.structured_content["runs"][0]
        if run["state"] not in ("queued", "running"):
            return run
        assert time.monotonic() < deadline, f"{run_id} still {run['state']} after {timeout} s: {run['reason']}"
        await anyio.sleep(0.2)


def _steps(ws, run_id: str) -> list[tuple[int, int]]:
    from experiment_runner.runs.metricsio import merged_series

    return [(s, a) for s, _, a in merged_series(store(ws).read_metrics(run_id))["loss"]]


async def test_a_run_killed_at_step_12_resumes_from_its_checkpoint_as_the_same_run_with_one_continuous_series(tmp_path):
    ws = make_workspace(tmp_path / "ws", {"train.py": TRAIN})
    async with Client(build_server(ws)) as c:
        rid = await _launch(c, command=["python", "train.py", "30", "12", "kill"], retries=2)
        run = await _ended(c, rid)
    assert run["state"] == "completed" and run["attempt"] == 2 and run["max_attempts"] == 3
    first, second = run["attempts"]
    assert first["ended_by"] == "signal" and first["signal"] == 9 and first["cause"] == "crash" and first["retried"]
    assert first["first_step"] == 0 and first["last_step"] == 12 and first["logs"] == "attempts/1"
    assert second["resume_from"].endswith("ckpt-009.pkl") and second["first_step"] == 10 and second["resumed"] is True
    assert second["ended_by"] == "exit" and not second["retried"]
    assert _steps(ws, rid) == [(s, 1) for s in range(10)] + [(s, 2) for s in range(10, 30)]
    d = store(ws).get(rid).dir
    assert (d / "attempts/1/stdout.log").read_text().splitlines()[-1].startswith("step=12 ")
    assert json.loads((d / "attempts/1/exit.json").read_text())["signal"] == 9
    assert (d / "stdout.log").read_text().splitlines()[0].startswith("step=10 ")
    assert "attempt=2 resume=" in (d / "stderr.log").read_text()
    assert run["latest"]["loss"]["step"] == 29 and run["curves"]["loss"]["total_points"] == 30


async def test_a_checkpoint_torn_by_a_sigkill_mid_write_is_passed_over_and_the_next_attempt_resumes_from_the_one_before(
    tmp_path,
):
    ws = make_workspace(tmp_path / "ws", {"train.py": TRAIN})
    async with Client(build_server(ws)) as c:
        rid = await _launch(c, command=["python", "train.py", "25", "17", "torn"], retries=1)
        run = await _ended(c, rid)
    assert run["state"] == "completed" and run["attempt"] == 2
    assert run["resume_from"].endswith("ckpt-014.pkl")  # ckpt-017.pkl is newer, but cut off mid-write
    assert _steps(ws, rid) == [(s, 1) for s in range(15)] + [(s, 2) for s in range(15, 25)]
    log = (store(ws).get(rid).dir / "supervisor.log").read_text()
    assert "checkpoint passed over: ckpt-017.pkl (the pickle has no end)" in log


async def test_retries_stop_at_the_limit_and_every_attempt_keeps_its_logs_and_exit(tmp_path):
    ws = make_workspace(tmp_path / "ws", {"train.py": TRAIN})
    async with Client(build_server(ws)) as c:
        rid = await _launch(c, command=["python", "train.py", "30", "3", "always"], retries=2)
        run = await _ended(c, rid)
        never = await _launch(c, command=["python", "-c", "import sys; sys.exit(2)"], retries=3)
        startup = await _ended(c, never)
    assert run["state"] == "failed" and run["attempt"] == 3 and run["exit_code"] == 7
    assert [a["retried"] for a in run["attempts"]] == [True, True, False]
    assert "attempt 3 of at most 3; not retried: the 2 retries allowed are used" in run["reason"]
    d = store(ws).get(rid).dir
    for n in (1, 2):
        assert json.loads((d / f"attempts/{n}/exit.json").read_text())["exit_code"] == 7
        assert (d / f"attempts/{n}/stdout.log").read_text().strip().endswith("loss=0.25000")
    assert "a failure at startup repeats" in startup["reason"] and startup["attempt"] == 1


async def test_a_script_that_starts_again_at_step_0_is_flagged_as_not_resuming(tmp_path):
    ws = make_workspace(tmp_path / "ws", {"train.py": TRAIN})
    async with Client(build_server(ws)) as c:
        rid = await _launch(c, command=["python", "train.py", "20", "12", "ignore_resume"], retries=1)
        run = await _ended(c, rid)
    assert run["state"] == "completed" and run["attempts"][1]["resumed"] is False
    (signal,) = [h for h in run["health"] if h["code"] == "not_resumed"]
    assert signal["severity"] == "warning" and "started again at step 0" in signal["message"]
    assert "reached step 12" in signal["message"] and "ckpt-009.pkl" in signal["message"]
    # its series is the second attempt's alone: the first one's training was thrown away
    assert _steps(ws, rid) == [(s, 2) for s in range(20)]


async def test_the_time_limit_warns_the_run_with_sigusr1_and_a_retry_resumes_from_what_it_saved(tmp_path):
    ws = make_workspace(tmp_path / "ws", {"usr1.py": USR1}, runs={"limit_signal_s": 1.0, "stop_grace_s": 2.0})
    async with Client(build_server(ws)) as c:
        rid = await _launch(c, command=["python", "usr1.py"], retries=1, retry_on=["time_limit"], time_limit_s=2.5)
        run = await _ended(c, rid)
    first = run["attempts"][0]
    assert first["ended_by"] == "time_limit" and first["cause"] == "time_limit" and first["retried"]
    assert run["state"] == "completed" and run["resume_from"].endswith("on-usr1.pkl")
    saved = (store(ws).get(rid).dir / "attempts/1/stdout.log").read_text()
    assert "saved at step=" in saved
    assert run["attempts"][1]["first_step"] == int(saved.split("saved at step=")[1].split()[0]) + 1


async def test_a_stop_while_a_run_waits_to_retry_cancels_it_before_its_next_attempt(tmp_path):
    ws = make_workspace(tmp_path / "ws", {"train.py": TRAIN})
    async with Client(build_server(ws)) as c:
        rid = await _launch(c, command=["python", "train.py", "30", "3", "always"], retries=2, retry_backoff_s=60)
        deadline = time.monotonic() + 30
        while store(ws).get(rid).state.next_attempt_at is None:
            assert time.monotonic() < deadline, "the run never waited for a retry"
            await anyio.sleep(0.1)
        waiting = (await c.call_tool("get_run_status", {"run_id": rid, "log_lines": 0})).structured_content["runs"][0]
        stopped = await c.call_tool("stop_run", {"run_id": rid, "grace_s": 1})
    assert waiting["state"] == "running" and waiting["attempt"] == 2 and waiting["next_attempt_at"]
    assert "attempt 2/3" in (await _summary_line(ws, rid))
    result = stopped.structured_content["results"][0]
    assert result["state"] == "cancelled" and "while waiting to start attempt 2" in result["reason"]


async def _summary_line(ws, rid: str) -> str:
    from experiment_runner.runs.status import one_line, run_status

    s = store(ws)
    return one_line(run_status(s, s.get(rid), curve_points=0, log_lines=0))


async def test_a_report_counts_a_retry_as_an_attempt_of_one_run_and_says_which_attempt_each_value_came_from(tmp_path):
    ws = make_workspace(tmp_path / "ws", {"train.py": TRAIN})
    async with Client(build_server(ws)) as c:
        ids = []
        for arm, die_at in (("base", 12), ("wide", 99)):
            r = await c.call_tool(
                "launch_training",
                {
                    "experiment": "e",
                    "arm": arm,
                    "command": ["python", "train.py", "20", str(die_at), "kill"],
                    "seeds": [0, 1],
                    "retries": 1,
                    "retry_backoff_s": 0,
                    "allow_same_seed": "the toy script has no randomness",
                },
            )
            assert not r.is_error, result_text(r)
            ids += [x["run_id"] for x in r.structured_content["runs"]]
        for rid in ids:
            await _ended(c, rid)
        r = await c.call_tool(
            "compile_report",
            {
                "experiment": "e",
                "plan": {"primary_metric": "loss", "higher_is_better": False, "baseline": "base"},
                "figures": False,
                "waivers": [{"code": "S01", "reason": "two seeds per arm are enough to test the report's plumbing"}],
            },
        )
        assert not r.is_error, result_text(r)
        out = r.structured_content
    files = {name.rsplit("/", 1)[-1]: ws / name for name in out["files"]}
    rows = {row["run_id"]: row for row in json.loads(files["report.json"].read_text())["runs"]}
    report = files["report.md"].read_text()
    base = [rows[i] for i in ids[:2]]
    assert all(row["attempts"] == 2 and row["value_attempts"]["loss"] == [2] for row in base)
    assert all(rows[i]["attempts"] == 1 and rows[i]["value_attempts"] == {} for i in ids[2:])
    assert "| Attempts |" in report and "[a2]" in report and "retried on crash" in report


#: Installs its SIGUSR1 handler only after a slow start (imports, data loading), then saves on the signal.
LATE_HANDLER = textwrap.dedent("""
    import os, pickle, signal, sys, time
    ckdir = os.environ["EXPERIMENT_RUNNER_CHECKPOINT_DIR"]
    resume = os.environ.get("EXPERIMENT_RUNNER_RESUME")
    step = pickle.load(open(resume, "rb"))["step"] + 1 if resume else 0
    if not resume:
        time.sleep(1.5)  # the time limit's warning comes before this script has a handler
    def save(signum, frame):
        with open(os.path.join(ckdir, "on-usr1.pkl"), "wb") as f:
            pickle.dump({"step": step}, f)
        print(f"saved at step={step}", flush=True)
    signal.signal(signal.SIGUSR1, save)
    while step < 60:
        print(f"step={step} loss={1.0 / (step + 1):.4f}", flush=True)
        step += 1
        time.sleep(0.05 if os.environ["EXPERIMENT_RUNNER_ATTEMPT"] == "1" else 0.001)
""")
NO_HANDLER = (
    "import time\nfor step in range(600):\n    print(f'step={step} loss=0.5', flush=True)\n    time.sleep(0.01)\n"
)


async def test_a_time_limit_warning_waits_for_the_runs_handler_instead_of_killing_it(tmp_path):
    # the warning is due 0.5 s after the start; the script has a handler from 1.5 s on: it gets the signal then
    ws = make_workspace(tmp_path / "ws", {"late.py": LATE_HANDLER}, runs={"limit_signal_s": 3.0, "stop_grace_s": 2.0})
    async with Client(build_server(ws)) as c:
        rid = await _launch(c, command=["python", "late.py"], retries=1, retry_on=["time_limit"], time_limit_s=3.5)
        run = await _ended(c, rid)
    first = run["attempts"][0]
    assert first["ended_by"] == "time_limit" and first["retried"], run
    assert run["state"] == "completed" and run["resume_from"].endswith("on-usr1.pkl"), run
    log = (store(ws).get(rid).dir / "attempts/1/stdout.log").read_text()
    assert "saved at step=" in log
    supervisor = (store(ws).get(rid).dir / "supervisor.log").read_text()
    assert "catches SIGUSR1 yet" in supervisor and "held until one had a handler" in supervisor, supervisor


async def test_a_run_without_a_sigusr1_handler_is_not_ended_by_the_warning(tmp_path):
    ws = make_workspace(tmp_path / "ws", {"plain.py": NO_HANDLER}, runs={"limit_signal_s": 1.5, "stop_grace_s": 1.0})
    async with Client(build_server(ws)) as c:
        rid = await _launch(c, command=["python", "plain.py"], time_limit_s=2.5)
        run = await _ended(c, rid)
    assert run["state"] == "failed" and run["ended_by"] == "time_limit", run
    assert run["signal"] != 10 and run["exit_code"] != 138, run  # not SIGUSR1's default action
    assert run["step"] > 100  # it worked on through the warning, to the limit
