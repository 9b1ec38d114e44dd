"""MCP resources: read-only views of what the store holds."""

from __future__ import annotations

import json
from pathlib import Path

from mcp.server.mcpserver import MCPServer
from mcp.server.mcpserver.exceptions import ResourceError

from experiment_runner.errors import UserError
from experiment_runner.workspace import Workspace


def register_resources(server: MCPServer, root: Path) -> None:
    @server.resource(
        "experiments://index",
        name="experiments",
        title="Experiments in this workspace",
        description="Every experiment with its brief versions (and which are pre-registered).",
        mime_type="application/json",
    )
    def experiments_index() -> str:
        from experiment_runner.briefs import store

        ws = Workspace(root)
        out = []
        for name in ws.experiments():
            try:
                recs = [store.load(ws, name, v) for v in store.versions(ws, name)]
                out.append(
                    {
                        "experiment": name,
                        "brief_versions": [r.version for r in recs],
                        "confirmed_versions": [r.version for r in recs if r.status == "confirmed"],
                    }
                )
            except UserError as e:
                out.append({"experiment": name, "error": str(e)})
        return json.dumps(out, indent=2)

    @server.resource(
        "brief://{experiment}",
        name="brief",
        title="Latest brief of an experiment",
        description="The latest version of an experiment's brief, as markdown.",
        mime_type="text/markdown",
    )
    def latest_brief(experiment: str) -> str:
        from experiment_runner.briefs import store

        ws = Workspace(root)
        try:
            record = store.latest(ws, experiment)
        except UserError as e:
            raise ResourceError(str(e)) from None
        if record is None:
            raise ResourceError(f"experiment {experiment!r} has no brief yet (call draft_brief)")
        return _render(record)

    @server.resource(
        "brief://{experiment}/v{version}",
        name="brief_version",
        title="One version of a brief",
        description="A given version of an experiment's brief, as markdown (pre-registered versions show their hash).",
        mime_type="text/markdown",
    )
    def brief_version(experiment: str, version: str) -> str:
        from experiment_runner.briefs import store

        if not version.isdigit():
            raise ResourceError(f"brief version {version!r} is not a number; use e.g. brief://{experiment}/v1")
        try:
            return _render(store.load(Workspace(root), experiment, int(version)))
        except UserError as e:
            raise ResourceError(str(e)) from None


def _render(record) -> str:
    from experiment_runner.prompts import render

    return render(
        "brief.md.j2",
        experiment=record.experiment,
        version=record.version,
        status=record.status,
        confirmed_at=record.confirmed_at,
        content_hash=record.content_hash,
        brief=record.brief,
        problems=[],
    )
