"""Tasks (io.modelcontextprotocol/tasks) for the long tools: a launch is a task that follows its runs (and stops them
when cancelled), sanity checks and large reports run in the background; tasks are kept in the run store, so they
outlive the server; clients without the extension (and every handshake-era client) get the plain call."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sys
import textwrap
import time

import anyio
import mcp.types as types
import pytest
from mcp import Client, MCPError, StdioServerParameters

from experiment_runner.server import build_server
from tests.conftest import EXAMPLES
from tests.runs_util import alive, make_workspace, result_text, store, wait_for
from tests.tasks_client import EXTENSION, TasksClient, cancel_task, get_task, update_task, wait_task
from tests.test_compile_report import WAIVERS, confirm_brief, demo_runs

pytestmark = pytest.mark.anyio

QUICK = ["data_finite", "shapes", "initial_loss", "gradients_flow"]
SHORT = "import sys, time\nprint(f'seed {sys.argv[1]} step=1 loss=0.5', flush=True)\ntime.sleep(1.0)\n"
LONG = "import time\nprint('step=1 loss=0.9', flush=True)\ntime.sleep(120)\n"
SLOW_BUILD = textwrap.dedent("""
    import os, time
    def build():
        with open(os.path.join(os.path.dirname(__file__), "build.pid"), "w") as f:
            f.write(str(os.getpid()))
        time.sleep(120)
""")


def launch_args(script: str, seeds: list[int]) -> dict:
    return {"experiment": "e", "arm": "a", "command": ["python", script, "{seed}"], "seeds": seeds}


def tasks_client(server, **kw) -> Client:
    return Client(server, extensions=[TasksClient(**kw)])


async def call_for_task(client, tool: str, args: dict):
    """tools/call, keeping a task handle as it comes (the SDK resolves claimed shapes only through Client.call_tool)."""
    return await client.session.call_tool(tool, args, allow_claimed=True)


@pytest.fixture
def runs_ws(tmp_path):
    return make_workspace(tmp_path / "ws", {"short.py": SHORT, "long.py": LONG})


@pytest.fixture
def example_ws(tmp_path):
    ws = tmp_path / "ex"
    shutil.copytree(EXAMPLES, ws, ignore=shutil.ignore_patterns("__pycache__"))
    (ws / "slow.py").write_text(SLOW_BUILD)
    return ws


async def test_the_server_declares_the_tasks_extension_on_2026(runs_ws):
    async with tasks_client(build_server(runs_ws)) as c:
        caps = c.server_capabilities
    assert caps.extensions is not None and EXTENSION in caps.extensions


async def test_a_launch_is_a_task_that_works_until_its_runs_end_then_completes_with_their_final_states(runs_ws):
    async with tasks_client(build_server(runs_ws)) as c:
        handle = await call_for_task(c, "launch_training", launch_args("short.py", [0, 1]))
        assert handle.result_type == "task" and handle.status == "working", handle
        assert handle.poll_interval_ms == 10_000 and handle.ttl_ms is None and len(handle.task_id) >= 20
        first = await get_task(c.session, handle.task_id)
        done = await wait_task(c.session, handle.task_id, 60)
    assert first["status"] in ("working", "completed")
    if first["status"] == "working":
        assert "2 run(s) of e (launch " in first["statusMessage"]
    assert done["status"] == "completed" and done["statusMessage"] == "all 2 run(s) ended: 2 completed"
    result = types.CallToolResult.model_validate(done["result"])
    out = result.structured_content
    assert not result.is_error and [r["state"] for r in out["runs"]] == ["completed", "completed"]
    assert out["summary"].startswith(f"All 2 run(s) of launch {out['launch_id']} ended: 2 completed. At launch:")
    record = json.loads((runs_ws / ".experiments/.tasks" / f"{handle.task_id}.json").read_text())
    assert record["status"] == "completed" and record["launch_id"] == out["launch_id"]


async def test_a_client_following_tasks_gets_the_launch_result_once_the_runs_end(runs_ws):
    client = TasksClient()
    async with Client(build_server(runs_ws), extensions=[client]) as c:
        r = await c.call_tool("launch_training", launch_args("short.py", [0]))
    assert not r.is_error, result_text(r)
    assert len(client.handles) == 1 and r.structured_content["runs"][0]["state"] == "completed"


async def test_clients_without_the_extension_get_the_plain_launch_result(runs_ws, mode):
    async with Client(build_server(runs_ws), mode=mode) as c:
        r = await c.call_tool("launch_training", launch_args("short.py", [0]))
    assert not r.is_error and r.structured_content["runs"][0]["state"] == "queued"


async def test_on_a_handshake_connection_there_are_no_tasks_even_for_a_client_that_has_the_extension(runs_ws):
    client = TasksClient()  # the extension is 2026-07-28 only: the client does not declare it on a handshake
    async with Client(build_server(runs_ws), mode="legacy", extensions=[client]) as c:
        r = await c.call_tool("launch_training", launch_args("short.py", [0]))
        with pytest.raises(MCPError, match="Method not found"):
            await get_task(c.session, "x" * 32)
    assert client.handles == [] and r.structured_content["runs"][0]["state"] == "queued"


async def test_a_launch_task_outlives_the_server_that_made_it(runs_ws):
    async with tasks_client(build_server(runs_ws)) as first:
        handle = await call_for_task(first, "launch_training", launch_args("short.py", [0]))
    async with tasks_client(build_server(runs_ws)) as second:  # a new server process over the same store
        again = await get_task(second.session, handle.task_id)
        done = await wait_task(second.session, handle.task_id, 60)
    assert again["taskId"] == handle.task_id and again["createdAt"] == handle.created_at
    assert done["status"] == "completed"
    assert done["result"]["structuredContent"]["runs"][0]["state"] == "completed"


async def test_cancelling_a_launch_task_stops_its_runs(runs_ws):
    async with tasks_client(build_server(runs_ws)) as c:
        handle = await call_for_task(c, "launch_training", launch_args("long.py", [0, 1]))
        ids = [v.run_id for v in store(runs_ws).list_runs(experiment="e")]
        await until(lambda: all(store(runs_ws).get(r).state.state == "running" for r in ids), 30, "runs running")
        ack = await cancel_task(c.session, handle.task_id)
        assert ack["resultType"] == "complete" and set(ack) <= {"resultType", "_meta"}  # an empty acknowledgement
        done = await wait_task(c.session, handle.task_id, 60)
    assert done["status"] == "cancelled" and "result" not in done
    assert done["statusMessage"] == "all 2 run(s) ended: 2 cancelled"
    assert all(store(runs_ws).get(r).state.state == "cancelled" for r in ids)


async def test_sanity_checks_run_in_the_background_and_the_task_carries_their_result(example_ws):
    args = {"entrypoint": "classify/model.py:build", "checks": QUICK, "experiment": "demo"}
    async with tasks_client(build_server(example_ws)) as c:
        started = time.monotonic()
        handle = await call_for_task(c, "run_sanity_checks", args)
        answered_in = time.monotonic() - started
        assert handle.result_type == "task" and handle.poll_interval_ms == 2_000
        done = await wait_task(c.session, handle.task_id, 120)
    assert answered_in < 2.0  # the call does not wait for the child process
    result = types.CallToolResult.model_validate(done["result"])
    assert done["status"] == "completed" and not result.is_error
    assert result.structured_content["verdict"] == "passed" and done["statusMessage"].startswith("Sanity checks PASSED")
    assert (example_ws / result.structured_content["path"]).is_file()


async def test_a_sanity_check_that_fails_to_start_is_a_completed_task_with_an_error_result(example_ws):
    async with tasks_client(build_server(example_ws)) as c:
        handle = await call_for_task(c, "run_sanity_checks", {"entrypoint": "nowhere.py:build"})
        done = await wait_task(c.session, handle.task_id, 60)
    result = types.CallToolResult.model_validate(done["result"])
    assert done["status"] == "completed" and result.is_error
    assert result_text(result).startswith("Error executing tool run_sanity_checks: ") and "nowhere.py" in result_text(
        result
    )


async def test_bad_arguments_are_answered_at_once_not_as_a_task(example_ws):
    async with tasks_client(build_server(example_ws)) as c:
        r = await call_for_task(c, "run_sanity_checks", {"entrypoint": "m.py:build", "timeout_s": -1})
    assert isinstance(r, types.CallToolResult) and r.is_error and "timeout_s" in result_text(r)


async def test_cancelling_a_sanity_task_kills_the_child_running_the_users_code(example_ws):
    async with tasks_client(build_server(example_ws)) as c:
        handle = await call_for_task(c, "run_sanity_checks", {"entrypoint": "slow.py:build", "checks": QUICK})
        pid = int(await until(lambda: _read(example_ws / "build.pid"), 60, "build() to start"))
        working = await get_task(c.session, handle.task_id)
        await cancel_task(c.session, handle.task_id)
        done = await wait_task(c.session, handle.task_id, 30)
    assert working["status"] == "working"
    assert done["status"] == "cancelled" and done["statusMessage"] == "cancelled by tasks/cancel"
    wait_for(lambda: not alive(pid), 10, what="the child to be gone")


async def test_a_background_task_whose_server_stopped_says_so_to_the_next_server(example_ws):
    args = {"entrypoint": "slow.py:build", "checks": QUICK, "timeout_s": 60}
    async with tasks_client(build_server(example_ws)) as first:
        handle = await call_for_task(first, "run_sanity_checks", args)
        await until(lambda: _read(example_ws / "build.pid"), 60, "build() to start")
    async with tasks_client(build_server(example_ws)) as second:
        task = await get_task(second.session, handle.task_id)
    assert task["status"] == "failed"
    assert task["error"] == {
        "code": types.INTERNAL_ERROR,
        "message": "the server running run_sanity_checks stopped before it finished; call run_sanity_checks again",
    }


@pytest.mark.slow
async def test_a_killed_stdio_server_leaves_its_unfinished_task_marked_failed_by_the_next_one(example_ws):
    params = StdioServerParameters(
        command=sys.executable, args=["-m", "experiment_runner", "--root", str(example_ws), "serve"]
    )
    async with Client(params, extensions=[TasksClient()]) as c:
        handle = await call_for_task(c, "run_sanity_checks", {"entrypoint": "slow.py:build", "checks": QUICK})
        record = json.loads((example_ws / ".experiments/.tasks" / f"{handle.task_id}.json").read_text())
        server_pid = record["owner"]["pid"]
        still = await get_task(c.session, handle.task_id)
        os.kill(server_pid, signal.SIGKILL)
    wait_for(lambda: not alive(server_pid), 10, what="the server to die")
    async with tasks_client(build_server(example_ws)) as c:
        task = await get_task(c.session, handle.task_id)
    assert still["status"] == "working" and task["status"] == "failed"
    assert "stopped before it finished" in task["statusMessage"]


async def test_a_report_of_a_small_experiment_is_a_call_and_a_large_one_a_task(workspace, monkeypatch):
    import experiment_runner.tools.compile_report as tool

    args = {"experiment": "demo-width", "waivers": WAIVERS, "figures": False}
    async with tasks_client(build_server(workspace)) as c:
        await confirm_brief(c)
        demo_runs(workspace)
        small = await call_for_task(c, "compile_report", args)
        monkeypatch.setattr(tool, "TASK_FROM_RUNS", 6)  # the six runs of the demo count as large
        checked = await call_for_task(c, "compile_report", {**args, "check_only": True})
        large = await call_for_task(c, "compile_report", args)
        done = await wait_task(c.session, large.task_id, 60)
    assert isinstance(small, types.CallToolResult) and not small.is_error
    assert isinstance(checked, types.CallToolResult)  # checking writes nothing and stays a call
    assert large.result_type == "task" and done["status"] == "completed"
    assert done["result"]["structuredContent"]["status"] == "written"
    assert any(c["type"] == "resource_link" for c in done["result"]["content"])


async def test_a_stop_that_waits_past_a_minute_is_a_task_and_a_short_one_a_call(runs_ws):
    async with tasks_client(build_server(runs_ws)) as c:
        await call_for_task(c, "launch_training", launch_args("long.py", [0, 1]))
        ids = [v.run_id for v in store(runs_ws).list_runs(experiment="e")]
        await until(lambda: all(store(runs_ws).get(r).state.state == "running" for r in ids), 30, "runs running")
        short = await call_for_task(c, "stop_run", {"run_id": ids[0], "grace_s": 5})
        long = await call_for_task(c, "stop_run", {"run_id": ids[1], "grace_s": 120})
        done = await wait_task(c.session, long.task_id, 60)
    assert isinstance(short, types.CallToolResult) and short.structured_content["all_ended"] is True
    assert long.result_type == "task" and done["status"] == "completed"
    assert done["result"]["structuredContent"]["results"][0]["state"] == "cancelled"


@pytest.mark.slow
async def test_a_diagnosis_with_an_active_probe_runs_as_a_task(workspace):
    from tests.test_anomaly_probe import MODELS

    (workspace / "models.py").write_text(MODELS)
    args = {"metrics": {"loss": [1.2, 1.1, 1.0]}, "entrypoint": "models.py:build", "probe_steps": 3}
    async with tasks_client(build_server(workspace)) as c:
        passive = await call_for_task(c, "diagnose_failure", {"metrics": {"loss": [1.2, 1.1, 1.0]}})
        active = await call_for_task(c, "diagnose_failure", args)
        done = await wait_task(c.session, active.task_id, 120)
    assert isinstance(passive, types.CallToolResult) and not passive.is_error
    assert active.result_type == "task" and done["status"] == "completed"
    assert done["result"]["structuredContent"]["probe"]["status"] == "completed"


async def test_the_tasks_methods_refuse_unknown_tasks_and_clients_without_the_extension(runs_ws):
    async with tasks_client(build_server(runs_ws)) as c:
        with pytest.raises(MCPError, match="no task") as unknown:
            await get_task(c.session, "A" * 32)
        with pytest.raises(MCPError, match="no task"):
            await cancel_task(c.session, "../../etc/passwd")
        handle = await call_for_task(c, "launch_training", launch_args("short.py", [0]))
        ack = await update_task(c.session, handle.task_id, {"nothing": {"action": "decline"}})
        assert ack["resultType"] == "complete" and set(ack) <= {"resultType", "_meta"}
        await wait_task(c.session, handle.task_id, 60)
    assert unknown.value.error.code == types.INVALID_PARAMS
    async with Client(build_server(runs_ws)) as plain:
        with pytest.raises(MCPError) as refused:
            await get_task(plain.session, handle.task_id)
    assert refused.value.error.code == types.MISSING_REQUIRED_CLIENT_CAPABILITY


async def test_a_launch_over_stdio_is_followed_to_its_end_by_a_client_that_takes_tasks(runs_ws):
    params = StdioServerParameters(
        command=sys.executable, args=["-m", "experiment_runner", "--root", str(runs_ws), "serve"]
    )
    client = TasksClient()
    async with Client(params, extensions=[client]) as c:
        r = await c.call_tool("launch_training", launch_args("short.py", [0, 1]))
    assert not r.is_error, result_text(r)
    assert client.handles and [x["state"] for x in r.structured_content["runs"]] == ["completed", "completed"]


async def until(predicate, timeout: float, what: str):
    """Poll predicate() without blocking the event loop (the in-memory server's background work runs on it)."""
    with anyio.fail_after(timeout):
        while not (value := predicate()):
            await anyio.sleep(0.1)
    return value


def _read(path) -> str | None:
    try:
        return path.read_text() or None
    except FileNotFoundError:
        return None
