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
        cmd, check=False, capture_output=True, text=True, timeout=240, env={**os.environ, "NO_UPDATE_NOTIFIER": "1"}
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


def test_the_inspector_gets_resource_links_and_reads_a_run_log_through_one(workspace):
    from tests.test_compile_report import curve, record_run

    run_id = record_run(workspace, "e", "base", 0, "failed", curve(0.8), exit_code=1, stderr="boom: bad shape\n")
    out = inspector(
        workspace, "--method", "tools/call", "--tool-name", "get_run_status", "--tool-arg", f"run_id={run_id}"
    )
    links = [c["uri"] for c in out["content"] if c["type"] == "resource_link"]
    assert links == [f"run://{run_id}/log", f"run://{run_id}/stderr", f"run://{run_id}/metrics"]
    read = inspector(workspace, "--method", "resources/read", "--uri", links[1])
    assert read["contents"][0]["text"] == "boom: bad shape\n"


def test_the_inspector_cannot_ask_the_person_so_it_gets_the_questions_as_data(workspace):
    out = inspector(
        workspace,
        "--method",
        "tools/call",
        "--tool-name",
        "ask_clarifying_questions",
        "--tool-arg",
        "request=Train something on our data and see",
        "--tool-arg",
        "ask_person=true",
    )
    assert out["structuredContent"]["elicitation"] == "unavailable"
    assert out["structuredContent"]["groups"][0]["title"] == "Goal & Hypothesis"
