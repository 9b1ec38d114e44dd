"""Shared fixtures. Tests drive the public surface: tools through a real MCP client (in-memory Client in both
protocol modes, and stdio), the CLI as a subprocess, real git repos, real processes, real tiny torch models."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
EXAMPLES = REPO / "examples"


def pytest_addoption(parser):
    parser.addoption("--slow", action="store_true", default=False, help="also run tests marked slow (CI does)")


def pytest_collection_modifyitems(config, items):
    if config.getoption("--slow"):
        return
    skip = pytest.mark.skip(reason="slow test: run with --slow (CI does)")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture
def anyio_backend():
    return "asyncio"


@pytest.fixture
def workspace(tmp_path) -> Path:
    """An empty workspace root."""
    ws = tmp_path / "ws"
    ws.mkdir()
    return ws


@pytest.fixture(params=["auto", "legacy"])
def mode(request) -> str:
    """Both protocol eras: 2026-07-28 direct dispatch and the 2025-11-25 handshake today's hosts use."""
    return request.param


def result_text(result) -> str:
    return "\n".join(getattr(c, "text", "") for c in result.content)


async def diagnose(workspace: Path, mode: str, **args) -> dict:
    """diagnose_failure called through a real MCP client on a fresh server; its structured output."""
    from mcp import Client

    from experiment_runner.server import build_server

    async with Client(build_server(workspace), mode=mode) as c:
        r = await c.call_tool("diagnose_failure", args)
    assert not r.is_error, result_text(r)
    return r.structured_content


def top_category(out: dict) -> str:
    """diagnose_failure's verdict in one word: `healthy` or its first finding's category."""
    return "healthy" if out["healthy"] else out["findings"][0]["category"]


def categories(out: dict) -> list[str]:
    return [f["category"] for f in out["findings"]]


def reported(out: dict) -> list[str]:
    """The categories of the findings diagnose_failure reports (at or above its report threshold), in rank order."""
    from experiment_runner.diagnosis.model import REPORT_THRESHOLD

    return [f["category"] for f in out["findings"] if f["confidence"] >= REPORT_THRESHOLD]


async def diagnose_log(workspace: Path, mode: str, log: Path) -> dict:
    """diagnose_failure on a log file's text, pasted as a user would."""
    return await diagnose(workspace, mode, log_text=log.read_text())


def jsonl_cases(path: Path) -> list[dict]:
    """The cases of a JSON-lines fixture (one object per line: name, text, expected, ...)."""
    import json

    return [json.loads(line) for line in path.read_text().splitlines()]


#: twelve epochs of a healthy curve, for placing a line inside a run that was otherwise learning
HEALTHY_CURVE = "".join(
    f"epoch {i}: train_loss {1.19 - 0.02 * i:.4f} val_loss {0.93 - 0.006 * i:.4f}\n" for i in range(12)
)


def run_cli(*args: str, root: Path | None = None, input: str | None = None, timeout: float = 120, env=None):
    """Run `experiment-runner` as a subprocess (the installed entry point's module form)."""
    cmd = [sys.executable, "-m", "experiment_runner"]
    if root is not None:
        cmd += ["--root", str(root)]
    cmd += list(args)
    full_env = dict(os.environ)
    full_env.update(env or {})
    return subprocess.run(cmd, check=False, capture_output=True, text=True, input=input, timeout=timeout, env=full_env)


def call_cli(tool: str, args: dict, root: Path, **kw):
    """`experiment-runner call TOOL --args JSON`; returns (returncode, parsed stdout or None, stderr)."""
    proc = run_cli("call", tool, "--args", json.dumps(args), "--quiet", root=root, **kw)
    payload = json.loads(proc.stdout) if proc.returncode == 0 and proc.stdout.strip() else None
    return proc.returncode, payload, proc.stderr
