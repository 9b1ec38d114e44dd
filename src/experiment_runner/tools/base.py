"""What every tool is: a plain function over one pydantic input and one pydantic output, plus the facts the
MCP adapter needs to register it (title, annotations). Never imports mcp: the server adapter does that."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, Literal, TypeVar, get_args

from pydantic import BaseModel, Field

from experiment_runner.strictmodel import StrictModel
from experiment_runner.workspace import Workspace


class ToolInput(StrictModel):
    """Base of every tool input: unknown fields are errors, so a misspelt argument is never silently ignored."""


#: Most characters of a result worth inlining (its JSON, as a client sees it): about 10k tokens, where Claude Code
#: starts warning (it moves results past 50,000 characters to a file). Past it, logs, curves and reports are left
#: to their resources.
INLINE_LIMIT_CHARS = 40_000


class ResourceRef(BaseModel):
    """Something too large to inline, offered as an MCP resource to read (a log, metric series, report, figure)."""

    uri: str = Field(description="Read it with resources/read, e.g. run://<run_id>/log.")
    name: str = Field(description="A short name, e.g. 'log of baseline-s0-3fa9c2'.")
    mime_type: str | None = Field(None, description="Media type of the content, e.g. text/plain.")
    size: int | None = Field(None, description="Size in bytes when known (the resource may cap what it returns).")
    description: str | None = Field(None, description="What it holds.")


class ToolOutput(BaseModel):
    """Base of every tool output: structured fields plus a line a person can read at a glance."""

    summary: str = Field(description="A short human-readable summary of the result.")
    resources: list[ResourceRef] = Field(
        default_factory=list,
        description="Larger outputs to read as resources (logs, metrics, reports, figures) rather than inlined here.",
    )

    def inline_chars(self) -> int:
        """Characters of this result as a client reads it (pretty JSON), to compare with INLINE_LIMIT_CHARS."""
        return len(self.model_dump_json(indent=2))


@dataclass(frozen=True)
class Question:
    """What a call needs the person to answer before it runs: a message and a flat form (optional primitive fields
    only, as elicitation forms allow). The adapter asks it the way the client's protocol allows."""

    message: str
    form: type[BaseModel]


#: answered: the person submitted the form; declined / cancelled: they refused or dismissed it; unavailable: the
#: client cannot ask a person (it declared no elicitation, or none of the protocol's ways to ask reaches it).
AnswerStatus = Literal["answered", "declined", "cancelled", "unavailable"]
ANSWER_STATUSES: tuple[AnswerStatus, ...] = get_args(AnswerStatus)


@dataclass(frozen=True)
class Answer:
    """The person's reply to a tool's Question; `values` holds the submitted fields (none unless answered)."""

    status: AnswerStatus
    values: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class BackgroundCall:
    """The call may run longer than a client waits for an answer (Claude Code moves calls past 2 minutes to the
    background). Where the client takes tasks, it runs in the background as one and the client polls for the
    result; `when(input, workspace)` decides per call (None: always). Other clients get the call as before."""

    when: Callable[[Any, Workspace], bool] | None = None


@dataclass(frozen=True)
class FollowRuns:
    """The call starts runs and returns at once. Where the client takes tasks, the result is a task that stays
    working until those runs have all ended: `launch(output)` names them (experiment, launch id) and
    `final(output, runs)` is the result once they have (`runs`: their final RunViews, in launch order)."""

    launch: Callable[[Any], tuple[str, str]]
    final: Callable[[Any, list], Any]


ProgressFn = Callable[[float, "float | None", "str | None"], None]


def _no_progress(progress: float, total: float | None = None, message: str | None = None) -> None:
    return None


@dataclass
class ToolContext:
    """What a tool may use besides its input. `answer` is the person's reply to the question the tool's spec asked
    for this call (`ToolSpec.ask`), or None when none was asked (the CLI and direct calls never ask)."""

    workspace: Workspace
    progress: ProgressFn = _no_progress
    answer: Answer | None = None
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
    #: The question this call needs the person to answer before it runs (None: it needs none). Pure: it is asked again
    #: with the same input on the retry that carries the answer, and must return the same question.
    ask: Callable[[In], Question | None] | None = None
    #: How the call runs as a task where the client takes them (None: never a task).
    task: BackgroundCall | FollowRuns | None = None

    @property
    def description(self) -> str:
        return inspect.cleandoc(self.fn.__doc__ or self.title)

    def call(self, arguments: dict[str, Any], ctx: ToolContext) -> Out:
        """Validate raw arguments and run the tool (the path the CLI-free callers and tests can use)."""
        return self.fn(self.input_model.model_validate(arguments), ctx)
