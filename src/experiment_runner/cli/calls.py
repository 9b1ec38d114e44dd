"""`tools` and `call`: a real MCP client session (the SDK's Client, handshake mode) against the server in
process. `call` prints the structured result as JSON on stdout and exits 1 with the error on stderr when the
tool reports an error. This form is how outside scripts drive every tool: keep it stable."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import anyio

from experiment_runner.errors import UserError, did_you_mean
from experiment_runner.terminal import ProgressPrinter


def read_args(spec: str) -> dict[str, Any]:
    if spec == "-":
        text, source = sys.stdin.read(), "stdin"
    elif spec.startswith("@"):
        path = Path(spec[1:])
        try:
            text, source = path.read_text(encoding="utf-8"), str(path)
        except OSError as e:
            raise UserError(f"cannot read arguments file {str(path)!r}: {e.strerror}") from None
    else:
        text, source = spec, "--args"
    try:
        value = json.loads(text)
    except json.JSONDecodeError as e:
        raise UserError(
            f"{source} is not valid JSON ({e.msg} at line {e.lineno} column {e.colno}); "
            'pass a JSON object, e.g. --args \'{"request": "..."}\''
        ) from None
    if not isinstance(value, dict):
        raise UserError(f"{source} must be a JSON object of arguments, got {type(value).__name__}")
    return value


async def _with_client(root: Path, fn):
    from mcp import Client

    from experiment_runner.server import build_server

    try:
        async with Client(build_server(root), mode="legacy") as client:
            return await fn(client)
    except BaseExceptionGroup as group:  # the client's task group wraps what the callback raised
        raise _first_leaf(group) from None


def _first_leaf(group: BaseExceptionGroup) -> BaseException:
    first = group.exceptions[0]
    return _first_leaf(first) if isinstance(first, BaseExceptionGroup) else first


def list_tools(root: Path, *, as_json: bool) -> int:
    async def go(client):
        return (await client.list_tools()).tools

    tools = anyio.run(_with_client, root, go)
    if as_json:
        print(json.dumps([t.model_dump(mode="json", by_alias=True, exclude_none=True) for t in tools], indent=2))
        return 0
    for t in tools:
        ro = t.annotations.read_only_hint if t.annotations else None
        print(f"{t.name}  ({t.title or ''}{', read-only' if ro else ''})")
        desc = " ".join((t.description or "").split())
        print(f"    {desc}")
        props = t.input_schema.get("properties", {})
        required = set(t.input_schema.get("required", []))
        for name, prop in props.items():
            typ = prop.get("type") or ("object" if "$ref" in prop or "allOf" in prop else "any")
            if "anyOf" in prop:
                typ = "|".join(a.get("type", "object") for a in prop["anyOf"])
            flag = " (required)" if name in required else ""
            print(f"    --{name}: {typ}{flag}  {prop.get('description', '')}")
        print()
    return 0


def call_tool(root: Path, tool: str, arguments: dict[str, Any], *, quiet: bool = False) -> int:
    printer = ProgressPrinter()

    async def go(client):
        names = [t.name for t in (await client.list_tools()).tools]
        if tool not in names:
            raise UserError(f"unknown tool {tool!r}; " + did_you_mean(tool, names))
        return await client.call_tool(tool, arguments, progress_callback=None if quiet else printer.callback)

    try:
        result = anyio.run(_with_client, root, go)
    finally:
        printer.close()
    if result.is_error:
        text = "\n".join(getattr(c, "text", "") for c in result.content).strip()
        print(text or f"{tool} failed", file=sys.stderr)
        return 1
    payload = result.structured_content
    if payload is None:
        payload = {"content": [c.model_dump(mode="json", by_alias=True) for c in result.content]}
    print(json.dumps(payload, indent=2, ensure_ascii=False))
    return 0
