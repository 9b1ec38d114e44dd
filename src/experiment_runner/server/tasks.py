"""Tasks: the io.modelcontextprotocol/tasks extension (SEP-2663, 2026-07-28), which the mcp SDK does not ship.

A client that declares the extension on a tools/call may get a task handle instead of the result, then polls
tasks/get until the task ends (tasks/cancel to stop it). Which calls become tasks is the tool's to say
(ToolSpec.task): launch_training returns a task per launch that stays working until its runs have all ended
(cancelling it stops them); run_sanity_checks, and compile_report on large experiments, run in the background.
Clients without the extension (and every handshake-era client) get the plain call, exactly as before.

Tasks are records in the run store (`<store>/.tasks/<task_id>.json`), written before the handle is returned, so a
task outlives the server process that made it: a launch's task still follows its runs after a restart; a
background call whose server stopped before it finished says so (failed), and a finished one keeps its result."""

from __future__ import annotations

import logging
import os
import re
import secrets
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, Literal, get_args

import anyio
import anyio.abc
from mcp import MCPError
from mcp.server.extension import Extension, MethodBinding
from mcp.server.mcpserver import require_client_extension
from mcp.server.mcpserver.tools.base import Tool
from mcp.types import INTERNAL_ERROR, INVALID_PARAMS, CallToolResult, RequestParams
from mcp_types.version import MODERN_PROTOCOL_VERSIONS
from pydantic import BaseModel, ConfigDict, ValidationError

from experiment_runner.errors import UserError
from experiment_runner.fsutil import atomic_write_json
from experiment_runner.runs import procs, records
from experiment_runner.server.adapter import call_result, run_detached
from experiment_runner.tools.base import BackgroundCall, FollowRuns, ToolContext, ToolSpec
from experiment_runner.workspace import Workspace, confine

log = logging.getLogger("experiment_runner.server.tasks")

EXTENSION = "io.modelcontextprotocol/tasks"
TaskStatus = Literal["working", "input_required", "completed", "cancelled", "failed"]
TASK_STATUSES: tuple[TaskStatus, ...] = get_args(TaskStatus)
TERMINAL: tuple[TaskStatus, ...] = ("completed", "cancelled", "failed")
#: How often clients should poll: a background call ends in seconds to minutes, a launch in minutes to days.
POLL_MS = {"call": 2_000, "runs": 10_000}
TASK_ID = re.compile(r"^[A-Za-z0-9_-]{20,64}$")


class TaskRecord(BaseModel):
    """One task as stored. `result` is the final CallToolResult as sent on the wire; `error` a JSON-RPC error."""

    model_config = ConfigDict(extra="forbid")

    task_id: str
    tool: str
    kind: Literal["call", "runs"]
    status: TaskStatus
    status_message: str | None = None
    created_at: str
    updated_at: str
    experiment: str | None = None
    launch_id: str | None = None
    launch_result: dict | None = None
    result: dict | None = None
    error: dict | None = None
    owner: dict | None = None
    cancel_requested: bool = False


class TaskParams(RequestParams):
    task_id: str


class UpdateTaskParams(TaskParams):
    input_responses: dict[str, Any] = {}


def client_takes_tasks(ctx: Any) -> bool:
    """The request comes over 2026-07-28 from a client that declared the extension on it."""
    if ctx.protocol_version not in MODERN_PROTOCOL_VERSIONS:
        return False
    caps = ctx.session.client_capabilities
    return bool(caps is not None and caps.extensions and EXTENSION in caps.extensions)


class TaskStore:
    """`<store>/.tasks/<task_id>.json`, each replaced atomically."""

    def __init__(self, root: Path):
        self.root = root

    def path(self, task_id: str) -> Path:
        return Workspace(self.root).store_root / ".tasks" / f"{task_id}.json"

    def save(self, rec: TaskRecord) -> None:
        path = self.path(rec.task_id)
        confine.mkdir(path.parent)
        atomic_write_json(path, rec.model_dump(mode="json"))

    def load(self, task_id: str) -> TaskRecord | None:
        if not TASK_ID.match(task_id):
            return None
        try:
            return TaskRecord.model_validate(records.read_json(self.path(task_id)))
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as e:
            raise MCPError(INTERNAL_ERROR, f"task {task_id} has an unreadable record: {e}") from None


class Tasks(Extension):
    identifier = EXTENSION

    def __init__(self, root: Path, tools: dict[str, tuple[ToolSpec, Tool]]):
        self.root = root
        self._tools = {name: entry for name, entry in tools.items() if entry[0].task is not None}
        self.store = TaskStore(root)
        self._group: anyio.abc.TaskGroup | None = None
        self._jobs: dict[str, anyio.CancelScope] = {}  # background calls this process runs
        self._progress: dict[str, str] = {}
        ident = procs.identity(os.getpid())
        self._me = {"pid": os.getpid(), "start_ticks": ident[0] if ident else None, "boot_id": procs.boot_id()}

    @asynccontextmanager
    async def hosting(self):
        """Background calls run in this task group for as long as the server runs (entered by its lifespan)."""
        async with anyio.create_task_group() as group:
            self._group = group
            try:
                yield
            finally:
                if self._group is group:
                    self._group = None
                group.cancel_scope.cancel()

    # --- the extension's surface ----------------------------------------------------------------------------

    def methods(self):
        versions = frozenset(MODERN_PROTOCOL_VERSIONS)
        return [
            MethodBinding("tasks/get", TaskParams, self._get, protocol_versions=versions),
            MethodBinding("tasks/update", UpdateTaskParams, self._update, protocol_versions=versions),
            MethodBinding("tasks/cancel", TaskParams, self._cancel, protocol_versions=versions),
        ]

    async def intercept_tool_call(self, params, ctx, call_next):
        entry = self._tools.get(params.name)
        if entry is None or self._group is None or not client_takes_tasks(ctx):
            return await call_next(ctx)
        spec, tool = entry
        if isinstance(spec.task, FollowRuns):
            return await self._follow(spec, ctx, call_next)
        return await self._background(spec, tool, params, ctx, call_next)

    async def _get(self, ctx, params: TaskParams) -> dict:
        rec = await anyio.to_thread.run_sync(self._current, self._known(ctx, params.task_id))
        return self._wire(rec, detailed=True)

    async def _update(self, ctx, params: UpdateTaskParams) -> dict:
        self._known(ctx, params.task_id)  # these tasks never ask for input: any response is for no open request
        return {}

    async def _cancel(self, ctx, params: TaskParams) -> dict:
        rec = self._known(ctx, params.task_id)
        if rec.status in TERMINAL:
            return {}
        rec.cancel_requested = True
        rec.updated_at = records.utc_now()
        self.store.save(rec)
        if rec.kind == "runs":
            await anyio.to_thread.run_sync(self._stop_runs, rec)
        elif rec.task_id in self._jobs:
            self._jobs[rec.task_id].cancel()
        return {}

    # --- making tasks ---------------------------------------------------------------------------------------------

    async def _follow(self, spec: ToolSpec, ctx, call_next):
        result = await call_next(ctx)
        if not isinstance(result, CallToolResult) or result.is_error or result.structured_content is None:
            return result  # nothing was launched: the error is the answer
        assert isinstance(spec.task, FollowRuns)
        experiment, launch_id = spec.task.launch(spec.output_model.model_validate(result.structured_content))
        rec = self._new(spec.name, "runs", experiment=experiment, launch_id=launch_id)
        rec.launch_result = result.structured_content
        rec = await anyio.to_thread.run_sync(self._current, rec)
        self.store.save(rec)
        return self._wire(rec, created=True)

    async def _background(self, spec: ToolSpec, tool: Tool, params, ctx, call_next):
        try:
            inp = spec.input_model.model_validate(params.arguments or {})
        except ValidationError:
            return await call_next(ctx)  # the call reports bad arguments as it always does
        ws = Workspace(self.root)
        assert isinstance(spec.task, BackgroundCall)
        if spec.task.when is not None and not await anyio.to_thread.run_sync(spec.task.when, inp, ws):
            return await call_next(ctx)
        group = self._group
        if group is None:  # the server is stopping
            return await call_next(ctx)
        rec = self._new(spec.name, "call", owner=self._me)
        self.store.save(rec)
        self._jobs[rec.task_id] = anyio.CancelScope()
        group.start_soon(self._run, rec, spec, tool, inp, ws, group)
        return self._wire(rec, created=True)

    async def _run(
        self, rec: TaskRecord, spec: ToolSpec, tool: Tool, inp: Any, ws: Workspace, host: anyio.abc.TaskGroup
    ) -> None:
        def progress(done: float, total: float | None = None, message: str | None = None) -> None:
            head = f"{done:g}/{total:g}" if total else f"{done:g}"
            self._progress[rec.task_id] = f"{head}: {message}" if message else head

        scope = self._jobs[rec.task_id]
        result: CallToolResult | None = None
        try:
            with scope:
                result = await run_detached(spec, tool, inp, ws, progress)
        finally:
            rec.updated_at = records.utc_now()
            # A cancelled call may still hand back a result (the tool noticed and wound down): it is not the answer.
            if scope.cancel_called:
                rec.status, rec.status_message = "cancelled", "cancelled by tasks/cancel"
            elif result is not None and not host.cancel_scope.cancel_called:
                rec.status, rec.result = "completed", _dump(result)
                rec.status_message = _first_line(result)
            else:
                rec.status, rec.error = "failed", _server_stopped(spec.name)
                rec.status_message = rec.error["message"]
            self.store.save(rec)  # before it leaves _jobs, so a reader never finds it neither running nor ended
            self._jobs.pop(rec.task_id, None)
            self._progress.pop(rec.task_id, None)

    def _new(self, tool: str, kind: Literal["call", "runs"], **fields: Any) -> TaskRecord:
        now = records.utc_now()
        return TaskRecord(
            task_id=secrets.token_urlsafe(24),
            tool=tool,
            kind=kind,
            status="working",
            created_at=now,
            updated_at=now,
            **fields,
        )

    # --- reading tasks --------------------------------------------------------------------------------------------

    def _known(self, ctx, task_id: str) -> TaskRecord:
        require_client_extension(ctx, EXTENSION)
        rec = self.store.load(task_id)
        if rec is None:
            raise MCPError(INVALID_PARAMS, f"Failed to retrieve task: no task {task_id!r} in this workspace")
        return rec

    def _current(self, rec: TaskRecord) -> TaskRecord:
        """The record brought up to date: a launch's runs read again, a background call's progress, a background
        call whose server is gone marked failed. Runs in a worker thread; what changes is saved."""
        if rec.status in TERMINAL:
            return rec
        if rec.kind == "call":
            if rec.task_id in self._jobs:  # running here: its progress, kept in memory only
                return rec.model_copy(update={"status_message": self._progress.get(rec.task_id, "running")})
            fresh = self.store.load(rec.task_id)  # it may have ended since it was read
            if fresh is not None and fresh.status in TERMINAL:
                return fresh
            if self._owner_alive(rec):
                return rec
            rec.status, rec.error = "failed", _server_stopped(rec.tool)
            rec.status_message = rec.error["message"]
        else:
            before = rec.model_copy()
            self._follow_runs(rec)
            if rec == before:
                return rec
            fresh = self.store.load(rec.task_id)  # a tasks/cancel may have come in meanwhile
            if fresh is not None and fresh.cancel_requested and not rec.cancel_requested:
                rec.cancel_requested = True
                if rec.status == "completed":
                    rec.status = "cancelled"
        rec.updated_at = records.utc_now()
        self.store.save(rec)
        return rec

    def _follow_runs(self, rec: TaskRecord) -> None:
        from experiment_runner.runs.model import TERMINAL_STATES
        from experiment_runner.runs.store import RunStore

        assert rec.experiment is not None and rec.launch_id is not None
        views = RunStore(Workspace(self.root)).launch_runs(rec.experiment, rec.launch_id)
        if not views:
            rec.status = "failed"
            rec.error = {
                "code": INTERNAL_ERROR,
                "message": f"the runs of launch {rec.launch_id} are gone from the store",
            }
            rec.status_message = rec.error["message"]
            return
        counts: dict[str, int] = {}
        for v in views:
            counts[v.state.state] = counts.get(v.state.state, 0) + 1
        tally = ", ".join(f"{n} {s}" for s, n in sorted(counts.items()))
        if not all(v.state.state in TERMINAL_STATES for v in views):
            rec.status_message = f"{len(views)} run(s) of {rec.experiment} (launch {rec.launch_id}): {tally}"
            return
        spec, tool = self._tools[rec.tool]
        assert isinstance(spec.task, FollowRuns) and rec.launch_result is not None
        final = spec.task.final(spec.output_model.model_validate(rec.launch_result), views)
        rec.status = "cancelled" if rec.cancel_requested else "completed"
        rec.result = _dump(call_result(tool, final))
        rec.status_message = f"all {len(views)} run(s) ended: {tally}"

    def _owner_alive(self, rec: TaskRecord) -> bool:
        owner = rec.owner or {}
        if owner.get("pid") == self._me["pid"] and owner.get("start_ticks") == self._me["start_ticks"]:
            return False  # this process owns it but no longer runs it (its host ended)
        return procs.check(owner.get("pid"), owner.get("start_ticks"), owner.get("boot_id")) == "alive"

    def _stop_runs(self, rec: TaskRecord) -> None:
        from experiment_runner.runs.model import TERMINAL_STATES
        from experiment_runner.runs.store import RunStore
        from experiment_runner.tools.stop_run import SPEC as STOP

        ws = Workspace(self.root)
        assert rec.experiment is not None and rec.launch_id is not None
        for view in RunStore(ws).launch_runs(rec.experiment, rec.launch_id):
            if view.state.state in TERMINAL_STATES:
                continue
            try:
                STOP.call({"run_id": view.run_id, "wait": False}, ToolContext(workspace=ws))
            except UserError as e:
                log.warning("tasks/cancel could not stop run %s: %s", view.run_id, e)

    def _wire(self, rec: TaskRecord, *, created: bool = False, detailed: bool = False) -> dict:
        out: dict[str, Any] = {
            "taskId": rec.task_id,
            "status": rec.status,
            "createdAt": rec.created_at,
            "lastUpdatedAt": rec.updated_at,
            "ttlMs": None,  # kept as long as the store is
            "pollIntervalMs": POLL_MS[rec.kind],
        }
        if rec.status_message:
            out["statusMessage"] = rec.status_message
        if created:
            out["resultType"] = "task"
        if detailed and rec.status == "completed":
            out["result"] = rec.result
        if detailed and rec.status == "failed":
            out["error"] = rec.error
        return out


def _dump(result: CallToolResult) -> dict:
    return result.model_dump(mode="json", by_alias=True, exclude_none=True, exclude={"result_type"})


def _first_line(result: CallToolResult) -> str:
    summary = (result.structured_content or {}).get("summary")
    text = summary or next((getattr(c, "text", "") for c in result.content), "")
    return text if len(text) <= 300 else text[:297] + "..."


def _server_stopped(tool: str) -> dict:
    return {
        "code": INTERNAL_ERROR,
        "message": f"the server running {tool} stopped before it finished; call {tool} again",
    }
