"""Notifications when runs and launches end: an MCP resource-updated on run://<id>/status and
launch://<experiment>/<launch_id> in both protocol modes, and the notify.command hook of experiment-runner.yaml as a
real argv program reading the event as JSON on stdin."""

from __future__ import annotations

import json
import sys
import textwrap
import warnings

import anyio
import mcp.types as types
import pytest
from mcp import Client
from mcp.client.subscriptions import ResourceUpdated

from experiment_runner.server import build_server
from tests.runs_util import make_workspace, result_text, store, wait_for

pytestmark = pytest.mark.anyio

SHORT = (
    "import time\nfor i in range(3):\n    print(f'step={i} loss={1 / (i + 1):.3f}', flush=True)\n    time.sleep(0.3)\n"
)


async def _launch(c, command: list[str], seeds: list[int]) -> dict:
    r = await c.call_tool("launch_training", {"experiment": "e", "arm": "a", "command": command, "seeds": seeds})
    assert not r.is_error, result_text(r)
    return r.structured_content


async def _read(c, uri: str) -> dict:
    return json.loads((await c.read_resource(uri)).contents[0].text)


async def test_a_client_following_a_run_and_its_launch_hears_when_they_end_in_both_protocol_modes(tmp_path, mode):
    ws = make_workspace(tmp_path / "ws", {"short.py": SHORT})
    heard: list[str] = []
    got = anyio.Event()

    async def on_message(message):
        if isinstance(message, types.ResourceUpdatedNotification):
            heard.append(str(message.params.uri))
            got.set()

    async with Client(build_server(ws), mode=mode, message_handler=on_message) as c:
        out = await _launch(c, ["python", "short.py"], [0])
        run_id = out["runs"][0]["run_id"]
        uris = [f"run://{run_id}/status", f"launch://e/{out['launch_id']}"]
        ended: dict[str, dict] = {}
        with anyio.fail_after(60):
            if mode == "legacy":
                with warnings.catch_warnings():  # resources/subscribe: the handshake era's way
                    warnings.simplefilter("ignore")
                    for uri in uris:
                        await c.subscribe_resource(uri)
                while len(ended) < 2:
                    await got.wait()
                    got = anyio.Event()
                    for uri in set(heard):
                        if (data := await _read(c, uri)).get("state") == "completed" or data.get("ended"):
                            ended[uri] = data
            else:
                async with c.listen(resource_subscriptions=uris) as sub:
                    while len(ended) < 2:
                        event = await sub.__anext__()
                        assert isinstance(event, ResourceUpdated)
                        heard.append(event.uri)
                        data = await _read(c, event.uri)
                        if data.get("state") == "completed" or data.get("ended"):
                            ended[event.uri] = data
    status, launch = ended[uris[0]], ended[uris[1]]
    assert status["run_id"] == run_id and status["ended_by"] == "exit" and status["latest"]["loss"]["step"] == 2
    assert launch["by_state"] == {"completed": 1} and launch["run_states"][0]["run_id"] == run_id
    assert set(heard) <= set(uris)


async def test_the_subscription_refusal_names_every_followable_uri(workspace):
    from mcp import MCPError

    async with Client(build_server(workspace), mode="legacy") as c:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with pytest.raises(MCPError, match=r"run://<run_id>/status .*launch://<experiment>/<launch_id>"):
                await c.subscribe_resource("run://x/other")


HOOK = textwrap.dedent("""
    import json, os, sys, time
    event = json.load(sys.stdin)
    name = event["event"] + "-" + (event.get("run", {}).get("run_id") or event.get("launch", {}).get("launch_id"))
    event["env"] = {k: os.environ.get(k) for k in ("HOOK_URL", "PRIVATE_NOTE", "EXPERIMENT_RUNNER_TOKEN")}
    event["argv"] = sys.argv[1:]
    with open(os.path.join(sys.argv[1], name + ".json"), "w") as f:
        json.dump(event, f)
""")
BY_SEED = textwrap.dedent("""
    import sys, time
    seed = int(sys.argv[1])
    for step in range(4 if seed != 2 else 100):  # seed 2 goes on after its NaN until stop_on_nan ends it
        loss = float("nan") if seed == 2 and step == 2 else 1 / (step + 1)
        print(f"step={step} loss={loss}", flush=True)
        time.sleep(0.1)
    sys.exit(3 if seed == 1 else 0)
""")


async def test_the_notify_hook_gets_each_run_end_a_critical_signal_and_the_launch_end_as_json_on_stdin(
    tmp_path, monkeypatch
):
    out_dir = tmp_path / "heard"
    out_dir.mkdir()
    notify = {"command": [sys.executable, "hook.py", str(out_dir)], "pass_env": ["HOOK_URL"]}
    ws = make_workspace(tmp_path / "ws", {"hook.py": HOOK, "by_seed.py": BY_SEED}, notify=notify)
    monkeypatch.setenv("HOOK_URL", "https://chat.example/hook")
    monkeypatch.setenv("PRIVATE_NOTE", "not for hooks")
    monkeypatch.setenv("EXPERIMENT_RUNNER_TOKEN", "server-secret-token-value")
    async with Client(build_server(ws)) as c:
        out = await _launch(c, ["python", "by_seed.py", "{seed}"], [0, 1, 2])
    ids = [r["run_id"] for r in out["runs"]]
    expected = {f"run_ended-{r}.json" for r in ids} | {
        f"health_critical-{ids[2]}.json",
        f"launch_ended-{out['launch_id']}.json",
    }
    wait_for(lambda: {p.name for p in out_dir.iterdir()} >= expected, 60, what=f"the hook to hear {sorted(expected)}")
    heard = {p.name: json.loads(p.read_text()) for p in out_dir.iterdir()}
    assert len(heard) == 5
    runs = {ids[i]: heard[f"run_ended-{ids[i]}.json"]["run"] for i in range(3)}
    assert [runs[r]["state"] for r in ids] == ["completed", "failed", "failed"]
    assert runs[ids[1]]["exit_code"] == 3 and runs[ids[2]]["ended_by"] == "nan_loss"
    critical = heard[f"health_critical-{ids[2]}.json"]
    assert critical["signal"]["code"] == "nan_loss" and critical["signal"]["severity"] == "critical"
    launch = heard[f"launch_ended-{out['launch_id']}.json"]["launch"]
    assert launch["ended"] and launch["by_state"] == {"completed": 1, "failed": 2}
    env = heard[f"run_ended-{ids[0]}.json"]["env"]
    assert env == {"HOOK_URL": "https://chat.example/hook", "PRIVATE_NOTE": None, "EXPERIMENT_RUNNER_TOKEN": None}
    record = json.loads((store(ws).get(ids[0]).dir / "notify" / "run_ended.json").read_text())
    assert record["status"] == "done" and record["exit_code"] == 0


def test_a_shell_as_the_hook_program_is_refused_when_the_settings_are_read(tmp_path):
    from experiment_runner.errors import UserError
    from experiment_runner.workspace import Workspace

    ws = make_workspace(tmp_path / "ws", notify={"command": ["bash", "-c", "curl $URL"]})
    with pytest.raises(UserError, match=r"notify.command: .*'bash' is a shell; the hook runs as an argument list"):
        _ = Workspace(ws).config


async def test_a_run_found_lost_by_a_status_read_is_told_to_the_hook_once(tmp_path):
    import os
    import signal

    out_dir = tmp_path / "heard"
    out_dir.mkdir()
    notify = {"command": [sys.executable, "hook.py", str(out_dir)], "on": ["run_ended"]}
    ws = make_workspace(tmp_path / "ws", {"hook.py": HOOK, "sleep.py": "import time\ntime.sleep(60)\n"}, notify=notify)
    async with Client(build_server(ws)) as c:
        run_id = (await _launch(c, ["python", "sleep.py"], [0]))["runs"][0]["run_id"]
        st = wait_for(lambda: (v := store(ws).get(run_id)).state.pid and v.state, 30, what="the run to start")
        os.kill(st.supervisor_pid, signal.SIGKILL)  # both die together, as under the out-of-memory killer
        os.kill(st.pid, signal.SIGKILL)
        for _ in range(3):  # every reader reconciles; the hook hears it once
            status = (await c.call_tool("get_run_status", {"run_id": run_id})).structured_content["runs"][0]
    assert status["state"] == "lost" and status["ended_by"] == "supervisor_lost"
    heard = wait_for(lambda: list(out_dir.iterdir()), 30, what="the hook to hear the lost run")
    assert [p.name for p in heard] == [f"run_ended-{run_id}.json"]
    assert json.loads(heard[0].read_text())["run"]["state"] == "lost"
