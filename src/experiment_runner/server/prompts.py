"""MCP prompts: the clarifying interview and the brief, rendered from templates in prompts/."""

from __future__ import annotations

from pathlib import Path

from mcp.server.mcpserver import MCPServer
from mcp.server.mcpserver.prompts.base import UserMessage
from pydantic import Field


def register_prompts(server: MCPServer, root: Path) -> None:
    @server.prompt(
        name="clarifying_interview",
        title="Clarifying interview before an experiment",
        description="Interview the person about an experiment request: the essential questions still open, "
        "in order, and the red flags their wording raises, with the probe to ask back.",
    )
    def clarifying_interview(
        request: str = Field(description="The person's description of the experiment they want."),
    ) -> list[UserMessage]:
        from experiment_runner.interview import analyze_request
        from experiment_runner.prompts import render

        result = analyze_request(request)
        return [UserMessage(render("interview.md.j2", request=request, result=result))]

    @server.prompt(
        name="experiment_brief",
        title="Write an experiment brief",
        description="Turn the interview's answers into a brief and pre-register it with draft_brief.",
    )
    def experiment_brief(
        experiment: str = Field(description="Experiment name, e.g. 'cifar10-label-smoothing'."),
        notes: str = Field("", description="What is known so far (the request and the answers)."),
    ) -> list[UserMessage]:
        from experiment_runner.prompts import render

        return [UserMessage(render("brief_prompt.md.j2", experiment=experiment, notes=notes))]
