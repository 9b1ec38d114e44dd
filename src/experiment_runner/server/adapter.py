"""Turns a ToolSpec (plain function over pydantic models) into an MCP tool. The tool's input model becomes the
published input schema with unknown arguments rejected; UserError becomes a ToolError the model can read;
progress and elicitation are bridged from the worker thread the tool runs in."""

from __future__ import annotations

import inspect
import logging
import warnings
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

import anyio
import anyio.from_thread
from mcp import MCPError
from mcp.server.mcpserver import Context
from mcp.server.mcpserver.exceptions import ToolError
from mcp.server.mcpserver.tools.base import Tool
from mcp.server.mcpserver.utilities.func_metadata import ArgModelBase
from mcp.types import ToolAnnotations
from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

from experiment_runner.errors import UserError
from experiment_runner.tools.base import ElicitationUnavailable, ToolContext, ToolSpec
from experiment_runner.workspace import Workspace, names

log = logging.getLogger("experiment_runner.server")

#: How an error result from the filesystem starts (tests that run on a healthy disk treat it as a missing check).
FILESYSTEM_ERROR = "the filesystem refused the operation:"


def format_validation_error(err: ValidationError) -> str:
    lines = []
    for e in err.errors():
        loc = ".".join(str(p) for p in e["loc"]) or "(arguments)"
        msg = "unknown argument" if e["type"] == "extra_forbidden" else e["msg"]
        lines.append(f"{loc}: {msg}")
    return "invalid arguments: " + "; ".join(lines)


async def client_roots(ctx: Context) -> list[Path] | None:
    """The client's file roots, when it offers them (handshake-era clients with the roots capability)."""
    caps = ctx.client_capabilities
    if caps is None or getattr(caps, "roots", None) is None:
        return None
    try:
        with warnings.catch_warnings():  # roots are deprecated in the 2026 era but are what handshake clients offer
            warnings.simplefilter("ignore")
            result = await ctx.session.list_roots()
    except (MCPError, AttributeError, RuntimeError) as e:  # no back-channel on stateless connections
        log.debug("client roots unavailable: %s", e)
        return None
    paths = []
    for root in result.roots:
        uri = urlparse(str(root.uri))
        if uri.scheme == "file":
            paths.append(Path(unquote(uri.path)))
    return paths


async def workspace_for(ctx: Context, root: Path) -> Workspace:
    ws = Workspace(root)
    roots = await client_roots(ctx)
    return ws.narrowed(roots) if roots else ws


def _bridge(ctx: Context) -> ToolContext:
    """Progress and elicitation callables a tool can use from its worker thread."""

    def progress(done: float, total: float | None = None, message: str | None = None) -> None:
        try:
            anyio.from_thread.run(ctx.report_progress, done, total, message)
        except Exception as e:  # progress is best-effort; a closed stream must not fail the tool
            log.debug("progress not delivered: %s", e)

    elicit = None
    caps = ctx.client_capabilities
    if caps is not None and getattr(caps, "elicitation", None) is not None:

        def elicit(message: str, schema: type[BaseModel]) -> BaseModel | None:
            try:
                result = anyio.from_thread.run(ctx.elicit, message, schema)
            except MCPError as e:  # e.g. a stateless (2026-07-28) connection has no back-channel to the person
                raise ElicitationUnavailable(str(e)) from None
            return result.data if getattr(result, "action", None) == "accept" else None

    return ToolContext(workspace=None, progress=progress, elicit=elicit)  # type: ignore[arg-type]


def make_tool(spec: ToolSpec, root: Path) -> Tool:
    input_model = spec.input_model

    valid = ", ".join(input_model.model_fields)

    def reject_unknown(cls, data: Any) -> Any:
        if isinstance(data, dict):
            unknown = sorted(set(data) - set(input_model.model_fields))
            if unknown:
                raise ValueError(f"unknown argument(s) {', '.join(unknown)}; valid arguments: {valid}")
        return data

    # The SDK validates arguments with this model: the tool's own input model, unknown arguments rejected.
    Args = type(
        f"{spec.name}Arguments",
        (input_model, ArgModelBase),
        {
            "model_config": ConfigDict(extra="forbid", arbitrary_types_allowed=True),
            "__module__": __name__,
            "_reject_unknown": model_validator(mode="before")(classmethod(reject_unknown)),
        },
    )

    async def handler(ctx: Context, **arguments: Any) -> Any:
        bad = names.bad_text(arguments)
        if bad:  # checked before anything echoes the value (a lone surrogate cannot even be encoded as UTF-8)
            raise ToolError(f"invalid arguments: {bad}, which is not valid Unicode text; send valid UTF-8")
        try:
            inp = input_model.model_validate(arguments)
        except ValidationError as e:
            raise ToolError(format_validation_error(e)) from None
        try:
            tctx = _bridge(ctx)
            tctx.workspace = await workspace_for(ctx, root)
            return await anyio.to_thread.run_sync(spec.fn, inp, tctx)
        except UserError as e:
            raise ToolError(str(e)) from None
        except ValidationError as e:  # a model built from the user's files (config, brief) is invalid
            raise ToolError(format_validation_error(e)) from None
        except OSError as e:  # the disk, not the caller (full, read-only, permissions): said as such, never hidden
            log.warning("%s: filesystem error: %r", spec.name, e)
            where = f" ({e.filename})" if e.filename else ""
            raise ToolError(f"{FILESYSTEM_ERROR} {e.strerror or e}{where}") from None

    handler.__name__ = spec.name
    handler.__doc__ = spec.description
    handler.__annotations__ = {"ctx": Context, "return": spec.output_model}
    handler.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        [inspect.Parameter("ctx", inspect.Parameter.KEYWORD_ONLY, annotation=Context)],
        return_annotation=spec.output_model,
    )
    tool = Tool.from_function(
        handler,
        name=spec.name,
        title=spec.title,
        description=spec.description,
        annotations=ToolAnnotations(
            title=spec.title,
            read_only_hint=spec.read_only,
            destructive_hint=spec.destructive,
            idempotent_hint=spec.idempotent,
            open_world_hint=spec.open_world,
        ),
    )
    # The SDK reads these fields live: publish the tool's own input model (unknown arguments rejected).
    schema = Args.model_json_schema(by_alias=True)
    schema["title"] = f"{spec.name}Arguments"
    tool.fn_metadata.arg_model = Args
    tool.parameters = schema
    return tool
