"""A client side of the Tasks extension (io.modelcontextprotocol/tasks, SEP-2663 as published in
modelcontextprotocol/ext-tasks, specification/draft/tasks.md), written from the specification for the SDK's
`Client`, which has none: the extension's wire shapes, its three requests, and a claim that turns a task handle
into the final tool result by polling tasks/get (what a host that backgrounds tasks does)."""

from __future__ import annotations

from typing import Any, Literal

import anyio
import mcp.types as types
from mcp import MCPError
from mcp.client.extension import ClientExtension, ResultClaim
from pydantic import TypeAdapter

EXTENSION = "io.modelcontextprotocol/tasks"
TERMINAL = ("completed", "cancelled", "failed")


class CreateTaskResult(types.Result):
    result_type: Literal["task"]
    task_id: str
    status: str
    status_message: str | None = None
    created_at: str
    last_updated_at: str
    ttl_ms: int | None = None
    poll_interval_ms: int | None = None


class TaskIdParams(types.RequestParams):
    task_id: str


class UpdateParams(TaskIdParams):
    input_responses: dict[str, Any]


class GetTask(types.Request[TaskIdParams, Literal["tasks/get"]]):
    method: Literal["tasks/get"] = "tasks/get"
    params: TaskIdParams


class CancelTask(types.Request[TaskIdParams, Literal["tasks/cancel"]]):
    method: Literal["tasks/cancel"] = "tasks/cancel"
    params: TaskIdParams


class UpdateTask(types.Request[UpdateParams, Literal["tasks/update"]]):
    method: Literal["tasks/update"] = "tasks/update"
    params: UpdateParams


RAW = TypeAdapter(dict)


async def get_task(session, task_id: str) -> dict:
    return await session.send_request(GetTask(params=TaskIdParams(task_id=task_id)), RAW)


async def cancel_task(session, task_id: str) -> dict:
    return await session.send_request(CancelTask(params=TaskIdParams(task_id=task_id)), RAW)


async def update_task(session, task_id: str, responses: dict) -> dict:
    return await session.send_request(UpdateTask(params=UpdateParams(task_id=task_id, input_responses=responses)), RAW)


async def wait_task(session, task_id: str, timeout: float, poll_s: float = 0.2, until=TERMINAL) -> dict:
    """tasks/get until the task reaches one of `until` (tests poll faster than the server's pollIntervalMs)."""
    with anyio.fail_after(timeout):
        while True:
            task = await get_task(session, task_id)
            if task["status"] in until:
                return task
            await anyio.sleep(poll_s)


class TasksClient(ClientExtension):
    """Declares the extension; a tools/call answered with a task handle is followed to its end."""

    identifier = EXTENSION

    def __init__(self, timeout: float = 120.0, poll_s: float = 0.2):
        self.timeout = timeout
        self.poll_s = poll_s
        self.handles: list[CreateTaskResult] = []

    def claims(self):
        async def resolve(handle: CreateTaskResult, ctx) -> types.CallToolResult:
            self.handles.append(handle)
            task = await wait_task(ctx.session, handle.task_id, self.timeout, self.poll_s)
            if task["status"] == "completed":
                return types.CallToolResult.model_validate(task["result"])
            if task["status"] == "failed":
                raise MCPError(task["error"]["code"], task["error"]["message"])
            return types.CallToolResult(
                content=[types.TextContent(type="text", text=f"task cancelled: {task.get('statusMessage')}")],
                is_error=True,
            )

        return [ResultClaim(result_type="task", model=CreateTaskResult, resolve=resolve)]
