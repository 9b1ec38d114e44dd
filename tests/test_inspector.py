"""An independent client: the MCP Inspector CLI (TypeScript SDK) lists the tools and calls one over stdio."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

pytestmark = pytest.mark.slow
INSPECTOR = "@modelcontextprotocol/inspector@0.15.0"  # the newest release that runs on Node 20


def inspector(workspace, *args: str) -> dict:
    npx = shutil.which("npx")
    if npx is None:
        pytest.skip("npx (Node.js) is not installed; CI installs it")
    cmd = [
        npx,
        "-y",
        INSPECTOR,
        "--cli",
        sys.executable,
        "-m",
        "experiment_runner",
        "--root",
        str(workspace),
        "serve",
        *args,
    ]
    proc = subprocess.run(
        cmd, capture_output=True, text=True, timeout=240, env={**os.environ, "NO_UPDATE_NOTIFIER": "1"}
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    return json.loads(proc.stdout)


def test_the_inspector_lists_the_tools_with_their_schemas(workspace):
    out = inspector(workspace, "--method", "tools/list")
    tools = {t["name"]: t for t in out["tools"]}
    assert "draft_brief" in tools
    assert tools["draft_brief"]["inputSchema"]["required"] == ["experiment"]
    assert "summary" in tools["draft_brief"]["outputSchema"]["properties"]


def test_the_inspector_calls_a_tool_and_gets_structured_content(workspace):
    out = inspector(
        workspace,
        "--method",
        "tools/call",
        "--tool-name",
        "draft_brief",
        "--tool-arg",
        "experiment=from-inspector",
        "--tool-arg",
        'brief={"goal": "check an independent client"}',
    )
    assert out.get("isError") in (None, False), out
    assert out["structuredContent"]["experiment"] == "from-inspector"
    assert (workspace / ".experiments/from-inspector/brief/v001.json").is_file()
