"""Turns a ToolSpec (plain function over pydantic models) into an MCP tool. The tool's input model becomes the
published input schema with unknown arguments rejected; UserError becomes a ToolError the model can read;
progress is bridged from the worker thread the tool runs in; a spec's question to the person (`ToolSpec.ask`) is put
through the SDK's resolver, which speaks each protocol era's way of asking."""

from __future__ import annotations

import inspect
import logging
import warnings
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import unquote, urlparse

import anyio
import anyio.from_thread
from mcp import MCPError
from mcp.server.mcpserver import (
    AcceptedElicitation,
    CancelledElicitation,
    Context,
    DeclinedElicitation,
    Elicit,
    Resolve,
)
from mcp.server.mcpserver.exceptions import ToolError
from mcp.server.mcpserver.tools.base import Tool
from mcp.server.mcpserver.utilities.func_metadata import ArgModelBase
from mcp.types import CallToolResult, ResourceLink, TextContent, ToolAnnotations
from mcp_types.version import MODERN_PROTOCOL_VERSIONS
from pydantic import ConfigDict, ValidationError, model_validator

from experiment_runner.errors import UserError
from experiment_runner.tools.base import Answer, ToolContext, ToolOutput, ToolSpec
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
    """The client's file roots, when it offers them: handshake-era clients with the roots capability. Roots are
    deprecated from 2026-07-28 on and cannot be asked for there (no server-to-client requests): the workspace is
    then the server's --root."""
    if is_modern(ctx):
        return None
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
    """The progress callable a tool can use from its worker thread."""

    def progress(done: float, total: float | None = None, message: str | None = None) -> None:
        try:
            anyio.from_thread.run(ctx.report_progress, done, total, message)
        except Exception as e:  # progress is best-effort; a closed stream must not fail the tool
            log.debug("progress not delivered: %s", e)

    return ToolContext(workspace=None, progress=progress)  # type: ignore[arg-type]


def can_ask_person(ctx: Context) -> bool:
    """Whether a question can reach the person on this request: the client declared form elicitation, and (on
    handshake connections, where the question is a request of its own) the connection can carry a server request."""
    caps = ctx.client_capabilities
    elicitation = caps.elicitation if caps is not None else None
    if elicitation is None or (elicitation.form is None and elicitation.url is not None):
        return False
    if is_modern(ctx):
        return True  # the question rides the result (input_required) and the client retries with the answer
    return ctx.session.can_send_request


def is_modern(ctx: Context) -> bool:
    """A 2026-07-28 (or later) connection: no handshake, no server-to-client requests."""
    version = ctx.protocol_version
    return version is not None and version in MODERN_PROTOCOL_VERSIONS


# The parameter names the adapter adds to a tool's handler (tool inputs never use them).
CONTEXT_PARAM = "er_context"
ANSWER_PARAM = "er_answer"
Outcome = AcceptedElicitation | DeclinedElicitation | CancelledElicitation


def _resolver(spec: ToolSpec) -> Any:
    """The SDK resolver that puts the spec's question to the person: through an input_required result on 2026-07-28
    connections (the client retries with the answer), through elicitation/create on handshake connections, and not
    at all when the client cannot ask (the tool is then told `unavailable` and returns its questions as data)."""
    assert spec.ask is not None
    ask = spec.ask

    def resolve(**arguments: Any) -> Any:
        ctx = arguments.pop(CONTEXT_PARAM)
        try:
            question = ask(spec.input_model.model_validate(arguments))
        except UserError as e:
            raise ToolError(str(e)) from None
        except ValidationError as e:
            raise ToolError(format_validation_error(e)) from None
        if question is None:
            return None
        if not can_ask_person(ctx):
            return Answer("unavailable")
        return Elicit(question.message, question.form)

    params = [inspect.Parameter(CONTEXT_PARAM, inspect.Parameter.KEYWORD_ONLY, annotation=Context)]
    params += [inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY) for name in spec.input_model.model_fields]
    resolve.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
    resolve.__annotations__ = {CONTEXT_PARAM: Context}
    resolve.__qualname__ = resolve.__name__ = f"ask_{spec.name}"  # the question's stable key on the wire
    return resolve


def _answer(outcome: Any) -> Answer | None:
    if isinstance(outcome, DeclinedElicitation):
        return Answer("declined")
    if isinstance(outcome, CancelledElicitation):
        return Answer("cancelled")
    data = getattr(outcome, "data", None)
    if data is None or isinstance(data, Answer):
        return data
    return Answer("answered", data.model_dump())


def make_tool(spec: ToolSpec, root: Path) -> Tool:
    input_model = spec.input_model

    valid = ", ".join(input_model.model_fields)
    clash = {CONTEXT_PARAM, ANSWER_PARAM} & set(input_model.model_fields)
    if clash:
        raise ValueError(f"tool {spec.name}: input field(s) {sorted(clash)} are reserved by the MCP adapter")

    def reject_unknown(cls: Any, data: Any) -> Any:  # named cls: pydantic makes it a classmethod
        if isinstance(data, dict):
            unknown = sorted(set(data) - set(input_model.model_fields))
            if unknown:
                raise ValueError(f"unknown argument(s) {', '.join(unknown)}; valid arguments: {valid}")
        return data

    # The SDK validates arguments with this model: the tool's own input model, unknown arguments rejected.
    Args: type[ArgModelBase] = type(
        f"{spec.name}Arguments",
        (input_model, ArgModelBase),
        {
            "model_config": ConfigDict(extra="forbid", arbitrary_types_allowed=True),
            "__module__": __name__,
            "_reject_unknown": model_validator(mode="before")(reject_unknown),
        },
    )

    registered: list[Tool] = []  # the SDK tool built below, whose result conversion the handler reuses

    async def handler(**arguments: Any) -> Any:
        ctx = arguments.pop(CONTEXT_PARAM)
        answer = _answer(arguments.pop(ANSWER_PARAM)) if ANSWER_PARAM in arguments else None
        bad = names.bad_text(arguments)
        if bad:  # checked before anything echoes the value (a lone surrogate cannot even be encoded as UTF-8)
            raise ToolError(f"invalid arguments: {bad}, which is not valid Unicode text; send valid UTF-8")
        try:
            inp = input_model.model_validate(arguments)
        except ValidationError as e:
            raise ToolError(format_validation_error(e)) from None
        try:
            tctx = _bridge(ctx)
            tctx.answer = answer
            tctx.workspace = await workspace_for(ctx, root)
            out = await anyio.to_thread.run_sync(spec.fn, inp, tctx)
        except UserError as e:
            raise ToolError(str(e)) from None
        except ValidationError as e:  # a model built from the user's files (config, brief) is invalid
            raise ToolError(format_validation_error(e)) from None
        except OSError as e:  # the disk, not the caller (full, read-only, permissions): said as such, never hidden
            log.warning("%s: filesystem error: %r", spec.name, e)
            where = f" ({e.filename})" if e.filename else ""
            raise ToolError(f"{FILESYSTEM_ERROR} {e.strerror or e}{where}") from None
        return call_result(registered[0], out)

    # The handler's signature is what the SDK reads: the context, the answer to the spec's question (filled by the
    # resolver before the body runs) and the input fields by name (so the resolver can take them); the published
    # input schema and the validating model are replaced by the tool's own below.
    params = [inspect.Parameter(CONTEXT_PARAM, inspect.Parameter.KEYWORD_ONLY, annotation=Context)]
    annotations: dict[str, Any] = {CONTEXT_PARAM: Context, "return": spec.output_model}
    if spec.ask is not None:
        answer_type = Annotated[Outcome, Resolve(_resolver(spec))]
        params.append(inspect.Parameter(ANSWER_PARAM, inspect.Parameter.KEYWORD_ONLY, annotation=answer_type))
        annotations[ANSWER_PARAM] = answer_type
    for name in input_model.model_fields:
        params.append(inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, annotation=Any))
        annotations[name] = Any
    handler.__name__ = spec.name
    handler.__doc__ = spec.description
    handler.__annotations__ = annotations
    handler.__signature__ = inspect.Signature(params, return_annotation=spec.output_model)  # type: ignore[attr-defined]
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
    registered.append(tool)
    return tool


async def run_detached(spec: ToolSpec, tool: Tool, inp: Any, workspace: Workspace, progress: Any) -> CallToolResult:
    """A call run outside any request (a task's work): the same tool function, and the result a call would have
    given, errors included."""
    tctx = ToolContext(workspace=workspace, progress=progress)
    try:
        out = await anyio.to_thread.run_sync(spec.fn, inp, tctx)
    except UserError as e:
        return error_result(spec.name, str(e))
    except ValidationError as e:
        return error_result(spec.name, format_validation_error(e))
    except Exception:  # a crash: the message stays in the server's log, as for a call
        log.exception("tool %s crashed in the background", spec.name)
        return error_result(spec.name, None)
    return call_result(tool, out)


def error_result(name: str, message: str | None) -> CallToolResult:
    text = f"Error executing tool {name}" + (f": {message}" if message else "")
    return CallToolResult(content=[TextContent(type="text", text=text)], is_error=True)


def call_result(tool: Tool, out: ToolOutput) -> CallToolResult:
    """The result as the SDK sends a tool's output (its JSON as text, and as structured content), plus a resource
    link per ResourceRef, which clients offer to read instead of the model taking it all in at once."""
    result = tool.fn_metadata.convert_result(out)
    assert isinstance(result, CallToolResult)  # a tool output, never a request for input
    links = [
        ResourceLink(uri=r.uri, name=r.name, mime_type=r.mime_type, size=r.size, description=r.description)
        for r in out.resources
    ]
    if links:
        result.content = [*result.content, *links]
    return result
