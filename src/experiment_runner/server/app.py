"""build_server(): the MCP server over a workspace. Tools come from the tool specs; resources expose what the
store holds (briefs now, runs later); prompts carry the clarifying interview and the brief."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import anyio
from mcp.server.caching import CacheableMethod, CacheHint
from mcp.server.mcpserver import MCPServer
from mcp.server.subscriptions import InMemorySubscriptionBus

from experiment_runner import __version__
from experiment_runner.server.adapter import make_tool
from experiment_runner.server.prompts import register_prompts
from experiment_runner.server.resources import (
    register_report_resources,
    register_resources,
    register_run_resources,
    register_status_resources,
)
from experiment_runner.server.tasks import Tasks
from experiment_runner.server.watch import RunWatcher, follow_listens, install_legacy_subscriptions
from experiment_runner.tools import all_tools

INSTRUCTIONS = """\
Tools for running ML experiments carefully. Workflow: ask_clarifying_questions -> draft_brief (confirm=true
pre-registers) -> check_reproducibility -> run_sanity_checks -> launch_training, then get_run_status /
list_runs / stop_run while runs go -> diagnose_failure for failed runs -> compile_report (refuses reports that
hide variance or failed runs). Every path is relative to the workspace root."""


#: The tool, prompt and template lists never change while a server runs (a new version means a new process), and
#: are the same for every caller: clients may keep them for an hour.
STATIC_LIST_HINT = CacheHint(ttl_ms=3_600_000, scope="public")
CACHE_HINTS: dict[CacheableMethod, CacheHint] = {
    "tools/list": STATIC_LIST_HINT,
    "prompts/list": STATIC_LIST_HINT,
    "resources/templates/list": STATIC_LIST_HINT,
}


def build_server(root: Path | str = ".") -> MCPServer:
    root = Path(root).resolve()
    if not root.is_dir():
        from experiment_runner.errors import UserError

        raise UserError(f"workspace root {str(root)!r} is not a folder")
    specs = all_tools()
    tools = [make_tool(spec, root) for spec in specs]
    tasks = Tasks(root, {spec.name: (spec, tool) for spec, tool in zip(specs, tools, strict=True)})
    bus = InMemorySubscriptionBus()
    watcher = RunWatcher(root, bus)

    @asynccontextmanager
    async def lifespan(_: MCPServer) -> AsyncIterator[dict]:
        # What outlives a request: the watcher that tells subscribers when a followed run changes, and the calls
        # that run as tasks.
        async with anyio.create_task_group() as tg, tasks.hosting():
            tg.start_soon(watcher.run)
            yield {}
            tg.cancel_scope.cancel()

    server = MCPServer(
        "experiment-runner",
        title="Experiment runner",
        description="Run ML experiments the way a careful researcher would.",
        instructions=INSTRUCTIONS,
        version=__version__,
        tools=tools,
        extensions=[tasks],
        cache_hints=CACHE_HINTS,
        subscriptions=bus,
        middleware=[follow_listens(watcher)],
        lifespan=lifespan,
    )
    install_legacy_subscriptions(server, watcher)
    register_resources(server, root)
    register_run_resources(server, root)
    register_status_resources(server, root)
    register_report_resources(server, root)
    register_prompts(server, root)
    return server


def tool_listing(server: MCPServer) -> str:  # pragma: no cover - debugging aid
    return json.dumps([t.name for t in server._tool_manager.list_tools()])
