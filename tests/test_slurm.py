"""The Slurm backend against a real Slurm cluster (CI starts a one-node cluster on 127.0.0.1 with
.ci/slurm-up.sh). Skipped with the reason when no Slurm is reachable; with ER_CI=1 (CI) they fail instead."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import anyio
import pytest
from mcp import Client, StdioServerParameters

from experiment_runner.server import build_server
from tests.conftest import result_text

pytestmark = [pytest.mark.anyio, pytest.mark.slurm]


def _slurm_problem() -> str | None:
    if shutil.which("sbatch") is None or shutil.which("scontrol") is None:
        return "Slurm client commands (sbatch, scontrol) are not installed"
    try:
        ping = subprocess.run(["scontrol", "ping"], capture_output=True, text=True, timeout=15, check=False)
    except subprocess.TimeoutExpired:
        return "scontrol ping did not answer within 15 s"
    if ping.returncode != 0 or "UP" not in ping.stdout:
        return f"no Slurm controller answers scontrol ping ({(ping.stdout + ping.stderr).strip()})"
    return None


@pytest.fixture(scope="module", autouse=True)
def slurm_cluster():
    problem = _slurm_problem()
    if problem:
        if os.environ.get("ER_CI"):
            pytest.fail(f"CI must run the Slurm tests but {problem} (.ci/run starts a cluster with .ci/slurm-up.sh)")
        pytest.skip(f"no reachable Slurm: {problem} (start one with .ci/slurm-up.sh)")
    yield


TRAIN = """
import os, sys, time
seed = int(sys.argv[1])
steps = int(sys.argv[2]) if len(sys.argv) > 2 else 5
pause = float(sys.argv[3]) if len(sys.argv) > 3 else 0.05
for step in range(1, steps + 1):
    print(f"step={step} loss={1.0 / (step + seed):.4f}", flush=True)
    time.sleep(pause)
code = int(os.environ.get("EXIT_CODE", "0"))
print(f"done seed={seed} job={os.environ.get('SLURM_JOB_ID')}", flush=True)
sys.exit(code)
"""


@pytest.fixture
def ws(workspace):
    (workspace / "train.py").write_text(TRAIN)
    return workspace


async def launch(c, **kw) -> dict:
    args = {"experiment": "on-slurm", "arm": "a", "command": ["python", "train.py", "{seed}"], "backend": "slurm", **kw}
    r = await c.call_tool("launch_training", args)
    assert not r.is_error, result_text(r)
    return r.structured_content


async def wait_ended(c, run_ids: list[str], timeout: float = 120) -> dict[str, dict]:
    deadline = time.monotonic() + timeout
    last = {}
    while time.monotonic() < deadline:
        last = {}
        for rid in run_ids:
            r = await c.call_tool("get_run_status", {"run_id": rid, "log_lines": 5})
            assert not r.is_error, result_text(r)
            last[rid] = r.structured_content["runs"][0]
        if all(s["state"] not in ("queued", "running") for s in last.values()):
            return last
        await anyio.sleep(1.0)
    raise AssertionError(
        f"runs did not end within {timeout} s: "
        f"{json.dumps({k: (v['state'], v.get('reason')) for k, v in last.items()})}"
    )


async def wait_state(c, run_id: str, state: str, timeout: float = 60) -> dict:
    deadline = time.monotonic() + timeout
    seen = None
    while time.monotonic() < deadline:
        r = await c.call_tool("get_run_status", {"run_id": run_id, "log_lines": 0})
        seen = r.structured_content["runs"][0]
        if seen["state"] == state:
            return seen
        await anyio.sleep(0.5)
    raise AssertionError(f"{run_id} never reached {state}: last {seen and (seen['state'], seen.get('reason'))}")


async def test_a_run_completes_on_slurm_with_its_metrics_parsed(ws):
    async with Client(build_server(ws), mode="legacy") as c:
        out = await launch(c, seeds=[1], command=["python", "train.py", "{seed}", "6", "0.3"])
        rid = out["runs"][0]["run_id"]
        assert out["backend"] == "slurm" and out["runs"][0]["state"] == "queued"
        final = (await wait_ended(c, [rid]))[rid]
    assert final["state"] == "completed", final
    assert final["exit_code"] == 0
    assert final["backend"] == "slurm" and final["scheduler"]["job_id"]
    assert final["latest"]["loss"]["value"] == pytest.approx(1 / 7, abs=1e-4)
    assert final["step"] == 6
    assert "done seed=1 job=" in final["logs"]["stdout"]["text"]
    run_dir = ws / final["run_dir"]
    assert (run_dir / "manifest.json").is_file(), "the manifest is captured on the node too"
    assert (run_dir / "telemetry.jsonl").is_file()


async def test_a_failing_run_reads_failed_with_its_exit_code(ws):
    async with Client(build_server(ws), mode="legacy") as c:
        out = await launch(c, seeds=[0], env={"EXIT_CODE": "3"})
        rid = out["runs"][0]["run_id"]
        final = (await wait_ended(c, [rid]))[rid]
    assert final["state"] == "failed" and final["exit_code"] == 3, final
    assert "exited with code 3" in final["reason"]


async def test_three_seeds_go_as_one_job_array_and_are_all_tracked(ws):
    async with Client(build_server(ws), mode="legacy") as c:
        out = await launch(c, seeds=[0, 1, 2], max_parallel=2)
        rids = [r["run_id"] for r in out["runs"]]
        finals = await wait_ended(c, rids)
        listed = (await c.call_tool("list_runs", {"experiment": "on-slurm"})).structured_content
    jobs = [finals[r]["scheduler"]["job_id"] for r in rids]
    base = {j.split("_")[0] for j in jobs}
    assert len(base) == 1, f"one array job expected, got {jobs}"
    assert sorted(j.split("_")[1] for j in jobs) == ["0", "1", "2"]
    assert all(finals[r]["state"] == "completed" for r in rids), finals
    assert {r["run_id"] for r in listed["runs"]} >= set(rids)
    sbatch = next((ws / ".experiments/on-slurm/launches").glob("*.sbatch")).read_text()
    assert "train.py" not in sbatch, "the user's command never goes into the batch script"


async def test_stop_run_cancels_a_running_job_with_scancel(ws):
    async with Client(build_server(ws), mode="legacy") as c:
        out = await launch(c, seeds=[0], command=["python", "train.py", "{seed}", "600", "0.2"])
        rid = out["runs"][0]["run_id"]
        await wait_state(c, rid, "running")
        stop = await c.call_tool("stop_run", {"run_id": rid})
        assert not stop.is_error, result_text(stop)
        final = (await wait_ended(c, [rid], timeout=90))[rid]
    assert "scancel" in json.dumps(stop.structured_content)
    assert final["state"] == "cancelled", final
    assert "stop" in final["reason"]


@pytest.mark.slow
async def test_a_job_past_its_time_limit_reads_as_timed_out(ws):
    async with Client(build_server(ws), mode="legacy") as c:
        out = await launch(c, seeds=[0], command=["python", "train.py", "{seed}", "100000", "0.5"], time_limit_s=30)
        rid = out["runs"][0]["run_id"]
        final = (await wait_ended(c, [rid], timeout=240))[rid]
    assert final["state"] == "failed", final
    assert final["ended_by"] == "time_limit"
    assert "TIMEOUT" in final["reason"] and final["scheduler"]["state"] == "TIMEOUT"


#: Trains only once the test says go (a file appears), so the job is surely running while the first server exits.
WAITS_FOR_GO = """
import os, sys, time
deadline = time.time() + 180
while not os.path.exists("go") and time.time() < deadline:
    time.sleep(0.1)
for step in range(1, 21):
    print(f"step={step} loss={1.0 / step:.4f}", flush=True)
    time.sleep(0.05)
"""


async def test_a_restarted_server_still_tracks_a_job_it_launched(ws):
    (ws / "gated.py").write_text(WAITS_FOR_GO)
    params = StdioServerParameters(
        command=sys.executable, args=["-m", "experiment_runner", "--root", str(ws), "serve"], env=dict(os.environ)
    )
    async with Client(params, mode="legacy") as c:
        out = await launch(c, seeds=[0], command=["python", "gated.py"])
        rid = out["runs"][0]["run_id"]
        await wait_state(c, rid, "running")
    # that server process is gone now, the job still running; a new one reads the same store
    (ws / "go").touch()
    async with Client(params, mode="legacy") as c:
        mid = (await c.call_tool("get_run_status", {"run_id": rid})).structured_content["runs"][0]
        assert mid["state"] in ("running", "completed"), mid
        final = (await wait_ended(c, [rid]))[rid]
    assert final["state"] == "completed" and final["step"] == 20


async def test_a_job_the_scheduler_never_knew_is_marked_lost(ws):
    async with Client(build_server(ws), mode="legacy") as c:
        out = await launch(c, seeds=[0], command=["python", "train.py", "{seed}", "3"])
        rid = out["runs"][0]["run_id"]
        final = (await wait_ended(c, [rid]))[rid]
        assert final["state"] == "completed"
        # a second run whose recorded job id Slurm has no record of, submitted long ago
        run_dir = ws / final["run_dir"]
        ghost = run_dir.parent / "a-s9-ghost00"
        shutil.copytree(run_dir, ghost, ignore=shutil.ignore_patterns("*.log", "exit.json", "metrics*"))
        spec = json.loads((ghost / "spec.json").read_text())
        spec.update(run_id="a-s9-ghost00", seed=9)
        (ghost / "spec.json").write_text(json.dumps(spec))
        (ghost / "state.json").write_text(json.dumps({"state": "running", "updated_at": spec["created_at"]}))
        (ghost / "scheduler.json").write_text(json.dumps({"backend": "slurm", "job_id": "987654321", "submitted": 1.0}))
        lost = (await c.call_tool("get_run_status", {"run_id": "a-s9-ghost00"})).structured_content["runs"][0]
    assert lost["state"] == "lost"
    assert "no record of job 987654321" in lost["reason"]


async def test_missing_slurm_commands_give_a_clear_error(ws, monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    async with Client(build_server(ws), mode="legacy") as c:
        r = await c.call_tool(
            "launch_training",
            {"experiment": "e", "arm": "a", "command": ["python", "train.py"], "seeds": [0, 1], "backend": "slurm"},
        )
    assert r.is_error
    assert "'sbatch' is not installed or not on PATH" in result_text(r)


async def test_a_controller_that_does_not_answer_gives_a_clear_error(ws, tmp_path, monkeypatch):
    conf = Path(os.environ.get("SLURM_CONF", "/etc/slurm/slurm.conf"))
    if not conf.is_file():
        pytest.skip("needs the cluster's slurm.conf (SLURM_CONF) to derive a dead one from")
    dead = tmp_path / "slurm.conf"
    text = conf.read_text()
    text = (
        "\n".join(line for line in text.splitlines() if not line.startswith("SlurmctldPort")) + "\nSlurmctldPort=6999\n"
    )
    dead.write_text(text)
    monkeypatch.setenv("SLURM_CONF", str(dead))
    async with Client(build_server(ws), mode="legacy") as c:
        r = await c.call_tool(
            "launch_training",
            {
                "experiment": "e",
                "arm": "a",
                "command": ["python", "train.py", "{seed}"],
                "seeds": [0],
                "backend": "slurm",
            },
        )
    assert r.is_error
    text = result_text(r)
    assert "controller" in text and ("does not answer" in text or "not responding" in text), text


RESUMING = """
import os, pickle, sys, time
ckdir = os.environ["EXPERIMENT_RUNNER_CHECKPOINT_DIR"]
resume = os.environ.get("EXPERIMENT_RUNNER_RESUME")
start = pickle.load(open(resume, "rb"))["step"] + 1 if resume else 0
print(f"attempt={os.environ['EXPERIMENT_RUNNER_ATTEMPT']} restart={os.environ.get('SLURM_RESTART_COUNT')}", flush=True)
for step in range(start, 40):
    print(f"step={step} loss={1.0 / (step + 1):.5f}", flush=True)
    if step % 4 == 3:
        with open(os.path.join(ckdir, ".tmp"), "wb") as f:
            pickle.dump({"step": step}, f)
        os.replace(os.path.join(ckdir, ".tmp"), os.path.join(ckdir, f"step-{step:03d}.pkl"))
    time.sleep(0.15)
"""


async def test_a_requeued_job_continues_as_the_same_run_from_its_checkpoint(ws):
    from experiment_runner.runs.metricsio import merged_series
    from experiment_runner.runs.store import RunStore
    from experiment_runner.workspace import Workspace

    (ws / "resuming.py").write_text(RESUMING)
    async with Client(build_server(ws), mode="legacy") as c:
        out = await launch(
            c, seeds=[0], command=["python", "resuming.py"], retries=2, retry_on=["preemption"], retry_backoff_s=0
        )
        rid = out["runs"][0]["run_id"]
        store = RunStore(Workspace(ws))
        deadline = time.monotonic() + 90
        while not any(r.get("step", -1) >= 10 for r in store.read_metrics(rid)):
            assert time.monotonic() < deadline, "the run never reached step 10"
            await anyio.sleep(0.3)
        job = store.get(rid).state.scheduler["job_id"]
        requeue = subprocess.run(["scontrol", "requeue", job], capture_output=True, text=True, timeout=30, check=False)
        assert requeue.returncode == 0, requeue.stderr
        waiting = await wait_state(c, rid, "queued")  # running before: the requeue
        # Slurm holds a requeued job back for a couple of minutes (Reason=BeginTime): let it go now
        subprocess.run(
            ["scontrol", "update", f"jobid={job}", "starttime=now"], capture_output=True, timeout=30, check=True
        )
        final = (await wait_ended(c, [rid], timeout=120))[rid]
    assert "the scheduler requeued job" in waiting["reason"]
    assert final["state"] == "completed" and final["attempt"] == 2, final
    first = final["attempts"][0]
    assert first["ended_by"] == "requeued" and first["cause"] == "preemption" and first["retried"]
    assert first["last_step"] >= 10 and final["attempts"][1]["resumed"] is True
    assert final["resume_from"].endswith(".pkl") and final["scheduler"]["job_id"] == job
    steps = [(s, a) for s, _, a in merged_series(store.read_metrics(rid))["loss"]]
    assert [s for s, _ in steps] == list(range(40)) and steps[-1] == (39, 2)
    sbatch_args = json.loads((ws / final["run_dir"] / "scheduler.json").read_text())["sbatch_args"]
    assert "--requeue" in sbatch_args


SAVES_ON_USR1 = """
import os, pickle, signal, sys, time
ckdir = os.environ["EXPERIMENT_RUNNER_CHECKPOINT_DIR"]
resume = os.environ.get("EXPERIMENT_RUNNER_RESUME")
step = pickle.load(open(resume, "rb"))["step"] + 1 if resume else 0
def save(signum, frame):
    tmp = os.path.join(ckdir, "usr1.pkl.tmp")
    with open(tmp, "wb") as f:
        pickle.dump({"step": step}, f)
    os.replace(tmp, os.path.join(ckdir, "usr1.pkl"))
    print(f"saved at step={step}", flush=True)
signal.signal(signal.SIGUSR1, save)
while step < 400:
    print(f"step={step} loss={1.0 / (step + 1):.5f}", flush=True)
    step += 1
    time.sleep(0.2 if os.environ["EXPERIMENT_RUNNER_ATTEMPT"] == "1" else 0.001)
"""


@pytest.mark.slow
async def test_a_job_near_its_time_limit_saves_on_sigusr1_and_is_requeued_as_the_next_attempt(ws):
    (ws / "usr1.py").write_text(SAVES_ON_USR1)
    # a grace of 10 s: on a loaded machine the script may take a while to run its handler after SIGUSR1
    (ws / "experiment-runner.yaml").write_text("runs:\n  limit_signal_s: 50\n  stop_grace_s: 10\n")
    async with Client(build_server(ws), mode="legacy") as c:
        out = await launch(
            c, seeds=[0], command=["python", "usr1.py"], time_limit_s=60, retries=1, retry_on=["time_limit"]
        )
        rid = out["runs"][0]["run_id"]
        await wait_state(c, rid, "running")
        waiting = await wait_state(c, rid, "queued", timeout=90)  # requeued by its supervisor near the time limit
        job = waiting["scheduler"]["job_id"]
        subprocess.run(
            ["scontrol", "update", f"jobid={job}", "starttime=now"], capture_output=True, timeout=30, check=True
        )
        final = (await wait_ended(c, [rid], timeout=120))[rid]
    first = final["attempts"][0]
    assert first["ended_by"] == "time_limit" and first["cause"] == "time_limit" and first["retried"], final
    said = json.dumps({k: final.get(k) for k in ("state", "attempt", "resume_from", "attempts", "exit", "reason")})
    assert final["state"] == "completed" and final["attempt"] == 2 and final["resume_from"].endswith("usr1.pkl"), said
    args = json.loads((ws / final["run_dir"] / "scheduler.json").read_text())["sbatch_args"]
    assert "--signal=B:USR1@50" in args and "--requeue" in args
