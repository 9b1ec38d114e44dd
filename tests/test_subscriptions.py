"""Following a run: subscriptions/listen on 2026-07-28 connections and resources/subscribe on handshake ones tell
the client when a run's log, error output or metrics change; what cannot be followed is refused by name."""

from __future__ import annotations

import sys
import warnings

import anyio
import mcp.types as types
import pytest
from mcp import Client, MCPError, StdioServerParameters
from mcp.client.subscriptions import ResourceUpdated

from experiment_runner.server import build_server
from tests.runs_util import make_workspace, result_text, wait_states
from tests.test_compile_report import curve, record_run

pytestmark = pytest.mark.anyio

SLOW_PRINT = (
    "import time\nfor i in range(6):\n    print(f'step={i} loss={1 / (i + 1):.3f}', flush=True)\n    time.sleep(0.4)\n"
)


def append(path, text: str) -> None:
    with open(path, "a", encoding="utf-8") as f:
        f.write(text)


async def next_update(sub, timeout: float = 15.0) -> str:
    with anyio.fail_after(timeout):
        event = await sub.__anext__()
    assert isinstance(event, ResourceUpdated)
    return event.uri


async def test_a_2026_client_listening_to_a_run_hears_each_of_its_resources_change(workspace):
    run_id = record_run(workspace, "e", "base", 0, "completed", curve(0.8))
    run_dir = workspace / ".experiments/e/runs" / run_id
    uris = [f"run://{run_id}/log", f"run://{run_id}/stderr", f"run://{run_id}/metrics"]
    async with Client(build_server(workspace)) as c:
        server_caps = c.server_capabilities
        async with c.listen(resource_subscriptions=uris) as sub:
            assert sub.honored.resource_subscriptions == uris
            append(run_dir / "stdout.log", "step=1 loss=0.5\n")
            assert await next_update(sub) == f"run://{run_id}/log"
            append(run_dir / "stderr.log", "warning: slow\n")
            assert await next_update(sub) == f"run://{run_id}/stderr"
            append(run_dir / "metrics.jsonl", '{"step": 2, "time": 1.0, "source": "user", "loss": 0.4}\n')
            assert await next_update(sub) == f"run://{run_id}/metrics"
            metrics = (await c.read_resource(f"run://{run_id}/metrics")).contents[0].text
    assert server_caps.resources.subscribe is True
    assert "[2, 0.4]]" in metrics


async def test_a_handshake_client_subscribed_to_a_run_is_sent_resource_updated(workspace):
    run_id = record_run(workspace, "e", "base", 0, "completed", curve(0.8))
    run_dir = workspace / ".experiments/e/runs" / run_id
    updated = anyio.Event()
    seen: list[str] = []

    async def on_message(message):
        if isinstance(message, types.ResourceUpdatedNotification):
            seen.append(str(message.params.uri))
            updated.set()

    async with Client(build_server(workspace), mode="legacy", message_handler=on_message) as c:
        assert c.server_capabilities.resources.subscribe is True
        with warnings.catch_warnings():  # resources/subscribe is the handshake era's way, deprecated from 2026-07-28
            warnings.simplefilter("ignore")
            await c.subscribe_resource(f"run://{run_id}/log")
            append(run_dir / "stdout.log", "step=1 loss=0.5\n")
            with anyio.fail_after(15):
                await updated.wait()
            await c.unsubscribe_resource(f"run://{run_id}/log")
            updated = anyio.Event()
            append(run_dir / "stdout.log", "step=2 loss=0.4\n")
            with anyio.move_on_after(2.5):  # more than two looks of the watcher: nothing more may come
                await updated.wait()
    assert seen == [f"run://{run_id}/log"]


async def test_only_run_resources_can_be_subscribed_to(workspace):
    async with Client(build_server(workspace), mode="legacy") as c:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with pytest.raises(MCPError, match=r"'brief://e1' cannot be subscribed to; runs can be followed at run://"):
                await c.subscribe_resource("brief://e1")


async def test_a_real_run_is_followed_until_its_final_state_over_stdio_on_2026(tmp_path):
    ws = make_workspace(tmp_path / "ws", {"slow.py": SLOW_PRINT})
    params = StdioServerParameters(command=sys.executable, args=["-m", "experiment_runner", "--root", str(ws), "serve"])
    async with Client(params) as c:
        r = await c.call_tool(
            "launch_training", {"experiment": "e", "arm": "a", "command": ["python", "slow.py"], "seeds": [0]}
        )
        assert not r.is_error, result_text(r)
        run_id = r.structured_content["runs"][0]["run_id"]
        heard: list[str] = []
        async with c.listen(resource_subscriptions=[f"run://{run_id}/metrics"]) as sub:
            with anyio.fail_after(60):
                while True:
                    heard.append(await next_update(sub, 60))
                    text = (await c.read_resource(f"run://{run_id}/metrics")).contents[0].text
                    if '"state": "completed"' in text:
                        break
    wait_states(ws, [run_id], {"completed"}, 10)
    assert set(heard) == {f"run://{run_id}/metrics"} and len(heard) >= 2
