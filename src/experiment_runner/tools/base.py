"""What every tool is: a plain function over one pydantic input and one pydantic output, plus the facts the
MCP adapter needs to register it (title, annotations). Never imports mcp: the server adapter does that."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from experiment_runner.workspace import Workspace


class ToolInput(BaseModel):
    """Base of every tool input: unknown fields are errors, so a misspelt argument is never silently ignored."""

    model_config = ConfigDict(extra="forbid")


class ToolOutput(BaseModel):
    """Base of every tool output: structured fields plus a line a person can read at a glance."""

    summary: str = Field(description="A short human-readable summary of the result.")


class ElicitationUnavailable(Exception):
    """The client declared elicitation but this connection cannot carry the question (no back-channel)."""


ProgressFn = Callable[[float, "float | None", "str | None"], None]
ElicitFn = Callable[[str, type[BaseModel]], "BaseModel | None"]


def _no_progress(progress: float, total: float | None = None, message: str | None = None) -> None:
    return None


@dataclass
class ToolContext:
    """What a tool may use besides its input. `elicit` is None when the client cannot ask the person; it returns
    None when the person declines or cancels, and raises ElicitationUnavailable when the connection cannot ask."""

    workspace: Workspace
    progress: ProgressFn = _no_progress
    elicit: ElicitFn | None = None
    extras: dict[str, Any] = field(default_factory=dict)


In = TypeVar("In", bound=ToolInput)
Out = TypeVar("Out", bound=ToolOutput)


@dataclass(frozen=True)
class ToolSpec(Generic[In, Out]):
    name: str
    title: str
    fn: Callable[[In, ToolContext], Out]
    input_model: type[In]
    output_model: type[Out]
    read_only: bool
    destructive: bool = False
    idempotent: bool = False
    open_world: bool = False

    @property
    def description(self) -> str:
        return inspect.cleandoc(self.fn.__doc__ or self.title)

    def call(self, arguments: dict[str, Any], ctx: ToolContext) -> Out:
        """Validate raw arguments and run the tool (the path the CLI-free callers and tests can use)."""
        return self.fn(self.input_model.model_validate(arguments), ctx)
