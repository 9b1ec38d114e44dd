"""The tools. Each module holds one tool as a plain function over pydantic models and a `SPEC` the MCP
adapter registers. Modules import only light things at top level; heavy work is imported where it runs."""

from __future__ import annotations

import importlib

from experiment_runner.tools.base import ToolContext, ToolInput, ToolOutput, ToolSpec

#: Registration order is the workflow order a person follows.
TOOL_MODULES = (
    "ask_clarifying_questions",
    "draft_brief",
    "check_reproducibility",
    "compare_manifests",
    "run_sanity_checks",
    "launch_training",
    "launch_sweep",
    "get_run_status",
    "list_runs",
    "stop_run",
    "diagnose_failure",
    "compile_report",
    "check_report",
)


def all_tools() -> list[ToolSpec]:
    return [importlib.import_module(f"experiment_runner.tools.{m}").SPEC for m in TOOL_MODULES]


def get_tool(name: str) -> ToolSpec:
    for spec in all_tools():
        if spec.name == name:
            return spec
    from experiment_runner.errors import NotFound, did_you_mean

    raise NotFound(f"unknown tool {name!r}; " + did_you_mean(name, [s.name for s in all_tools()]))


__all__ = ["ToolContext", "ToolInput", "ToolOutput", "ToolSpec", "all_tools", "get_tool", "TOOL_MODULES"]
