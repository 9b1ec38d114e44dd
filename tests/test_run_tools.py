"""launch_training, get_run_status, list_runs, stop_run and the run resources, through a real MCP client in both
protocol modes, over real runs."""

from __future__ import annotations

import json
import os
import sys
import textwrap
import time

import anyio
import pytest
from mcp import Client

from experiment_runner.server import build_server
from tests.runs_util import make_workspace, result_text, store

pytestmark = pytest.mark.anyio

TRAIN = textwrap.dedent("""
    import sys, time
    from experiment_runner import log
    seed = int(sys.argv[1])
    for step in range(1, 21):
        loss = 1.0 / step + seed * 0.01
        print(f"step={step} loss={loss:.5f} acc={0.5 + step / 50:.3f}", flush=True)
        time.sleep(0.01)
    log(step=20, val_acc=0.9 + seed / 100)
    print("done", flush=True)
""")
FAIL3 = "import sys\nprint('about to fail', flush=True)\nprint('boom: bad shape', file=sys.stderr)\nsys.exit(3)\n"
SLEEP = "import time\nprint('sleeping', flush=True)\ntime.sleep(120)\n"


async def _wait_ended(client, args: dict, timeout: float = 90) -> dict:
    deadline = time.monotonic() + timeout
    while True:
        r = await client.call_tool("get_run_status", {**args, "log_lines": 10})
        assert not r.is_error, result_text(r)
        if r.structured_content["all_ended"]:
            return r.structured_content
        if time.monotonic() > deadline:
            raise AssertionError(f"runs still going after {timeout} s: {r.structured_content['summary']}")
        await anyio.sleep(0.25)


async def test_launch_returns_at_once_and_status_shows_metrics_best_values_curves_and_logs(tmp_path, mode):
    ws = make_workspace(tmp_path / "ws", {"train.py": TRAIN, "fail3.py": FAIL3})
    async with Client(build_server(ws), mode=mode) as c:
        t0 = time.monotonic()
        r = await c.call_tool(
            "launch_training",
            {"experiment": "e", "arm": "base", "command": ["python", "train.py", "{seed}"], "seeds": [0, 1]},
        )
        took = time.monotonic() - t0
        assert not r.is_error, result_text(r)
        out = r.structured_content
        assert took < 2.0 and out["launch_seconds"] < 2.0
        assert [x["seed"] for x in out["runs"]] == [0, 1] and out["runs"][1]["argv"] == ["python", "train.py", "1"]
        assert out["runs"][0]["stdout_log"].endswith("stdout.log") and out["preflight"]["exploratory"] is True
        assert (
            "not run" in out["preflight"]["sanity_checks"] and "runs.manifest is off" in out["preflight"]["manifests"]
        )
        bad = (
            await c.call_tool(
                "launch_training", {"experiment": "e", "arm": "broken", "command": ["python", "fail3.py"], "seeds": [0]}
            )
        ).structured_content

        status = await _wait_ended(c, {"experiment": "e"})
        assert status["by_state"] == {"completed": 2, "failed": 1}
        runs = {x["run_id"]: x for x in status["runs"]}
        first = runs[out["runs"][0]["run_id"]]
        assert first["step"] == 20 and first["latest"]["loss"] == {"step": 20, "value": 0.05}
        assert first["best"]["loss"]["goal"] == "min" and first["best"]["acc"]["value"] == pytest.approx(0.9)
        assert first["latest"]["val_acc"]["value"] == pytest.approx(0.9)  # logged through experiment_runner.log
        curve = first["curves"]["loss"]  # an experiment's status downsamples to about 10 points per curve
        assert curve["total_points"] == 20 and len(curve["points"]) <= 11
        assert curve["points"][0] == [1, 1.0] and curve["points"][-1] == [20, 0.05]
        assert first["logs"]["stdout"]["text"].endswith("done")
        failed = runs[bad["runs"][0]["run_id"]]
        assert failed["exit_code"] == 3 and failed["reason"] == "exited with code 3"
        assert "boom: bad shape" in failed["logs"]["stderr"]["text"]

        one = (
            await c.call_tool("get_run_status", {"run_id": first["run_id"], "curve_points": 5, "log_lines": 2})
        ).structured_content
        assert len(one["runs"]) == 1 and len(one["runs"][0]["curves"]["loss"]["points"]) <= 6
        assert (
            one["runs"][0]["logs"]["stdout"]["text"].startswith("[... ")
            and "earlier bytes of stdout not shown" in one["runs"][0]["logs"]["stdout"]["text"]
        )

        listed = (await c.call_tool("list_runs", {"experiment": "e", "states": ["failed"]})).structured_content
        assert [x["run_id"] for x in listed["runs"]] == [failed["run_id"]]
        by_arm = (await c.call_tool("list_runs", {"arm": "base"})).structured_content
        assert by_arm["total"] == 2 and by_arm["by_state"] == {"completed": 2}

        log = await c.read_resource(f"run://{first['run_id']}/log")
        assert log.contents[0].text.splitlines()[0] == "step=1 loss=1.00000 acc=0.520"
        err = await c.read_resource(f"run://{failed['run_id']}/stderr")
        assert "boom: bad shape" in err.contents[0].text
        metrics = json.loads((await c.read_resource(f"run://{first['run_id']}/metrics")).contents[0].text)
        assert (
            metrics["state"] == "completed"
            and len(metrics["series"]["loss"]) == 20
            and metrics["series"]["val_acc"] == [[20, 0.9]]
        )


async def test_a_shell_or_a_program_outside_the_workspace_is_refused_with_the_allowlist_and_how_to_extend_it(
    tmp_path, mode
):
    ws = make_workspace(tmp_path / "ws")
    async with Client(build_server(ws), mode=mode) as c:
        r = await c.call_tool(
            "launch_training", {"experiment": "e", "arm": "a", "command": ["bash", "-c", "echo hi"], "seeds": [0]}
        )
        text = result_text(r)
        assert r.is_error
        assert "'bash' is not allowed" in text and "python, python3, torchrun, accelerate, deepspeed" in text
        assert (
            "commands:\n    allow: [bash]" in text
            and "experiment-runner.yaml" in text
            and "never go through a shell" in text
        )
        r = await c.call_tool(
            "launch_training", {"experiment": "e", "arm": "a", "command": ["/bin/echo", "hi"], "seeds": [0]}
        )
        assert r.is_error and "outside the workspace and not in commands.allow" in result_text(r)
    assert not (ws / ".experiments" / "e" / "runs").exists() or not any((ws / ".experiments" / "e" / "runs").iterdir())


async def test_an_allowlisted_shell_and_an_executable_inside_the_workspace_run(tmp_path, mode):
    ws = make_workspace(tmp_path / "ws", commands={"allow": ["bash"]})
    tool = ws / "tools" / "hello"
    tool.parent.mkdir()
    tool.write_text(f"#!{sys.executable}\nprint('hello from inside')\n")
    tool.chmod(0o755)
    async with Client(build_server(ws), mode=mode) as c:
        a = await c.call_tool(
            "launch_training",
            {
                "experiment": "e",
                "arm": "sh",
                "command": ["bash", "-c", "echo seed $EXPERIMENT_RUNNER_SEED"],
                "seeds": [4],
            },
        )
        b = await c.call_tool(
            "launch_training", {"experiment": "e", "arm": "exe", "command": ["tools/hello"], "seeds": [0]}
        )
        assert not a.is_error and not b.is_error, result_text(a) + result_text(b)
        await _wait_ended(c, {"experiment": "e"})
    s = store(ws)
    assert s.log_path(a.structured_content["runs"][0]["run_id"]).read_text() == "seed 4\n"
    assert s.log_path(b.structured_content["runs"][0]["run_id"]).read_text() == "hello from inside\n"


async def test_bad_launch_inputs_and_unknown_runs_get_messages_naming_the_valid_values(tmp_path, mode):
    ws = make_workspace(tmp_path / "ws", {"train.py": TRAIN})
    base = {"experiment": "e", "arm": "a", "command": ["python", "train.py", "{seed}"]}
    cases = [
        ({**base, "seeds": [0], "n_seeds": 2}, "not both"),
        ({**base, "seeds": [1, 1, 2]}, "seeds [1] appear more than once"),
        ({**base, "arm": "no spaces"}, "arm 'no spaces' is not valid"),
        ({**base, "seeds": [0], "env": {"EXPERIMENT_RUNNER_SEED": "9"}}, "cannot be overridden"),
        ({**base, "seeds": [0], "cwd": "/"}, "outside the workspace"),
        ({**base, "seeds": [0], "gpus_per_run": 1, "gpus": []}, "gpus_per_run=1 but only 0 GPU(s)"),
        ({**base, "seeds": [0], "command": ["torchrunx", "x.py"]}, "'torchrunx' is not allowed"),
    ]
    async with Client(build_server(ws), mode=mode) as c:
        for args, expected in cases:
            r = await c.call_tool("launch_training", args)
            assert r.is_error and expected in result_text(r), (args, result_text(r))
        out = (await c.call_tool("launch_training", {**base, "seeds": [0]})).structured_content
        rid = out["runs"][0]["run_id"]
        r = await c.call_tool("get_run_status", {"run_id": rid[:-1] + ("0" if rid[-1] != "0" else "1")})
        assert r.is_error and "no run" in result_text(r) and f"did you mean {rid!r}" in result_text(r)
        r = await c.call_tool("list_runs", {"states": ["done"]})
        assert r.is_error and "states" in result_text(r)
        r = await c.call_tool("get_run_status", {"experiment": "nope"})
        assert r.is_error and "unknown experiment 'nope'; valid: e" in result_text(r)
        await _wait_ended(c, {"experiment": "e"})


async def test_queued_runs_wait_for_a_slot_and_stopping_the_experiment_cancels_them_before_they_start(tmp_path, mode):
    ws = make_workspace(tmp_path / "ws", {"sleep.py": SLEEP})
    async with Client(build_server(ws), mode=mode) as c:
        out = (
            await c.call_tool(
                "launch_training",
                {
                    "experiment": "q",
                    "arm": "a",
                    "command": ["python", "sleep.py"],
                    "seeds": [0, 1, 2],
                    "max_parallel": 1,
                },
            )
        ).structured_content
        ids = [x["run_id"] for x in out["runs"]]
        assert out["max_parallel"] == 1 and "2 queued" in out["summary"]
        deadline = time.monotonic() + 60
        while store(ws).get(ids[0]).state.state != "running":
            assert time.monotonic() < deadline
            await anyio.sleep(0.2)
        await anyio.sleep(1.0)  # bounded: long enough for a wrongly started second run to show up
        assert [store(ws).get(r).state.state for r in ids] == ["running", "queued", "queued"]
        r = await c.call_tool("stop_run", {"experiment": "q", "grace_s": 5})
        assert not r.is_error, result_text(r)
        results = {x["run_id"]: x for x in r.structured_content["results"]}
        assert r.structured_content["all_ended"] and all(x["state"] == "cancelled" for x in results.values())
        assert results[ids[0]]["stop_signal"] == "SIGTERM" and results[ids[0]]["previous_state"] == "running"
        for rid in ids[1:]:
            assert "never started" in results[rid]["reason"] and not (store(ws).get(rid).dir / "stdout.log").exists()
        again = await c.call_tool("stop_run", {"run_id": ids[0]})
        assert not again.is_error and "already cancelled" in again.structured_content["results"][0]["action"]


async def test_a_run_past_its_time_limit_is_stopped_and_reads_failed_by_the_time_limit(tmp_path):
    ws = make_workspace(tmp_path / "ws", {"sleep.py": SLEEP})
    async with Client(build_server(ws), mode="legacy") as c:
        out = (
            await c.call_tool(
                "launch_training",
                {"experiment": "t", "arm": "a", "command": ["python", "sleep.py"], "seeds": [0], "time_limit_s": 1.5},
            )
        ).structured_content
        status = await _wait_ended(c, {"experiment": "t"}, timeout=60)
    run = status["runs"][0]
    assert run["run_id"] == out["runs"][0]["run_id"]
    assert (
        run["state"] == "failed" and run["ended_by"] == "time_limit" and "time limit of 1.5 s reached" in run["reason"]
    )
    assert 1.5 <= run["elapsed_s"] < 30


ENV_DUMP = "import json, os\nprint(json.dumps(dict(os.environ)))\n"


async def test_the_run_environment_is_the_allowlist_plus_what_the_caller_set_plus_the_runner_variables(
    tmp_path, monkeypatch
):
    monkeypatch.setenv("SECRET_TOKEN", "do-not-leak")
    monkeypatch.setenv("HF_HOME", "/tmp/hf-cache")
    monkeypatch.delenv("OMP_NUM_THREADS", raising=False)
    ws = make_workspace(tmp_path / "ws", {"env.py": ENV_DUMP})
    async with Client(build_server(ws), mode="legacy") as c:
        out = (
            await c.call_tool(
                "launch_training",
                {
                    "experiment": "env",
                    "arm": "a",
                    "command": ["python", "env.py"],
                    "seeds": [7],
                    "env": {"MY_FLAG": "on"},
                    "checkpoint_dir": "ckpt",
                },
            )
        ).structured_content
        await _wait_ended(c, {"experiment": "env"})
    rid = out["runs"][0]["run_id"]
    env = json.loads(store(ws).log_path(rid).read_text())
    assert "SECRET_TOKEN" not in env and env["HF_HOME"] == "/tmp/hf-cache" and env["HOME"] == os.environ["HOME"]
    assert env["MY_FLAG"] == "on" and env["PYTHONUNBUFFERED"] == "1"
    assert env["EXPERIMENT_RUNNER_SEED"] == "7" and env["EXPERIMENT_RUNNER_RUN_ID"] == rid
    assert env["EXPERIMENT_RUNNER_METRICS"] == str(store(ws).get(rid).dir / "metrics_user.jsonl")
    assert env["EXPERIMENT_RUNNER_CHECKPOINT_DIR"] == str(ws / "ckpt" / rid) and (ws / "ckpt" / rid).is_dir()
    assert int(env["OMP_NUM_THREADS"]) >= 1 and store(ws).get(rid).spec.env_defaults == {
        "OMP_NUM_THREADS": env["OMP_NUM_THREADS"]
    }
    assert "CUDA_VISIBLE_DEVICES" not in env or env["CUDA_VISIBLE_DEVICES"] == os.environ.get("CUDA_VISIBLE_DEVICES")


GPU_USER = textwrap.dedent("""
    import os, time
    print("start", time.time(), os.environ.get("CUDA_VISIBLE_DEVICES"), flush=True)
    time.sleep(1.0)
    print("end", time.time(), flush=True)
""")


@pytest.mark.slow
async def test_gpus_are_handed_out_by_cuda_visible_devices_one_run_per_gpu(tmp_path):
    # No GPU is needed to check the assignment itself: it is the environment each run gets, and the slot locks.
    ws = make_workspace(tmp_path / "ws", {"gpu.py": GPU_USER}, runs={"max_parallel": 4})
    async with Client(build_server(ws), mode="legacy") as c:
        out = (
            await c.call_tool(
                "launch_training",
                {
                    "experiment": "g",
                    "arm": "a",
                    "command": ["python", "gpu.py"],
                    "seeds": [0, 1, 2, 3],
                    "gpus": [0, 1],
                    "gpus_per_run": 1,
                },
            )
        ).structured_content
        assert out["gpu_pool"] == [0, 1] and out["max_parallel"] == 2
        await _wait_ended(c, {"experiment": "g"})
    spans = []
    for x in out["runs"]:
        view = store(ws).get(x["run_id"])
        lines = store(ws).log_path(x["run_id"]).read_text().split("\n")
        _, start, dev = lines[0].split()
        end = float(lines[1].split()[1])
        assert view.state.state == "completed" and view.state.gpus == [int(dev)]
        spans.append((float(start), end, dev))
    for i, a in enumerate(spans):
        for b in spans[i + 1 :]:
            if a[0] < b[1] and b[0] < a[1]:
                assert a[2] != b[2], "two runs shared a GPU at the same time"
    assert {s[2] for s in spans} == {"0", "1"}


NAN_RUN = textwrap.dedent("""
    import time
    for step in range(1, 100):
        loss = float("nan") if step >= 5 else 1.0 / step
        print(f"step={step} loss={loss}", flush=True)
        time.sleep(0.05)
    time.sleep(60)
""")


async def test_a_nan_loss_stops_the_run_and_shows_as_a_critical_health_signal(tmp_path):
    ws = make_workspace(tmp_path / "ws", {"nan.py": NAN_RUN})
    async with Client(build_server(ws), mode="legacy") as c:
        await c.call_tool(
            "launch_training", {"experiment": "n", "arm": "a", "command": ["python", "nan.py"], "seeds": [0]}
        )
        status = await _wait_ended(c, {"experiment": "n"}, timeout=60)
    run = status["runs"][0]
    assert run["state"] == "failed" and run["ended_by"] == "nan_loss" and "step 5" in run["reason"]
    assert run["latest"]["loss"]["value"] == "nan"
    nan = [h for h in run["health"] if h["code"] == "nan_loss"]
    assert nan and nan[0]["severity"] == "critical" and nan[0]["step"] == 5


BRIEF = {
    "goal": "Find out whether a wider hidden layer improves a small MLP classifier.",
    "hypothesis": "Widening the hidden layer from 16 to 64 units raises validation accuracy.",
    "success_criteria": "wide arm's mean val_acc exceeds the narrow arm's by at least 0.02 with p < 0.05",
    "data": {"dataset": "synthetic blobs v1", "size": "1,200 train / 400 validation rows", "splits": "fixed files"},
    "model": {"architecture": "2-layer MLP", "hyperparameters": {"hidden": 16, "lr": 0.05}},
    "baseline": "the same MLP with 16 hidden units",
    "metrics": {"primary": "val_acc", "secondary": ["val_loss"]},
    "constraints": {"compute": "CPU", "time": "today", "seeds": 3},
    "if_wrong": "keep the narrow model",
    "analysis": {"higher_is_better": True, "aggregation": "final", "test": "welch_t"},
}


async def test_runs_are_exploratory_until_the_experiment_has_a_confirmed_brief(tmp_path, mode):
    ws = make_workspace(tmp_path / "ws", {"fail3.py": FAIL3})
    args = {"experiment": "b", "arm": "a", "command": ["python", "fail3.py"], "seeds": [0]}
    async with Client(build_server(ws), mode=mode) as c:
        before = (await c.call_tool("launch_training", args)).structured_content
        brief = await c.call_tool("draft_brief", {"experiment": "b", "brief": BRIEF, "confirm": True})
        assert not brief.is_error, result_text(brief)
        after = (await c.call_tool("launch_training", args)).structured_content
        await _wait_ended(c, {"experiment": "b"})
    assert before["preflight"]["exploratory"] is True and "none" in before["preflight"]["brief"]
    assert after["preflight"]["exploratory"] is False and after["preflight"]["brief"].startswith("confirmed (v1")
    assert store(ws).get(before["runs"][0]["run_id"]).spec.exploratory is True
    assert store(ws).get(after["runs"][0]["run_id"]).spec.exploratory is False


@pytest.mark.slow
async def test_each_run_records_its_own_reproducibility_manifest_when_its_command_starts(tmp_path):
    ws = make_workspace(
        tmp_path / "ws", {"train.py": TRAIN, "config.yaml": "seed: 0\nlr: 0.1\n"}, runs={"manifest": True}
    )
    (ws / "data").mkdir()
    (ws / "data" / "x.csv").write_text("a,b\n1,2\n")
    async with Client(build_server(ws), mode="legacy") as c:
        out = (
            await c.call_tool(
                "launch_training",
                {
                    "experiment": "m",
                    "arm": "a",
                    "command": ["python", "train.py", "{seed}"],
                    "seeds": [0, 1],
                    "config_files": ["config.yaml"],
                    "data_paths": ["data"],
                },
            )
        ).structured_content
        assert "recorded by each run's supervisor" in out["preflight"]["manifests"]
        status = await _wait_ended(c, {"experiment": "m"}, timeout=120)
    for x, run in zip(out["runs"], status["runs"]):
        manifest = store(ws).manifest(x["run_id"])
        assert manifest is not None and run["manifest"] == x["manifest"] and run["manifest_error"] is None
        assert manifest["command"]["argv"] == x["argv"] and manifest["experiment"] == "m"
        assert [d["path"] for d in manifest["data"]["entries"]] == ["data"]
