"""The server's secrets never reach user code: a run, a sanity probe and an active probe each dump the environment
they really got, under a server started over stdio with its token set, a --token-env variable named like an
allowlisted one, and a copy of a secret under another allowlisted name."""

from __future__ import annotations

import json
import os
import sys
import textwrap
import time

import pytest
from mcp import Client, StdioServerParameters

from tests.conftest import result_text
from tests.runs_util import make_workspace

pytestmark = pytest.mark.anyio

TOKEN = "er-token-3f9a1c7e5b2d"
HF_SECRET = "hf-secret-8e4d2a6c1b9f"

DUMP_RUN = "import json, os\nprint(json.dumps(dict(os.environ)))\n"

MODEL = textwrap.dedent("""
    import json, os

    def _dump(name):
        with open(name, "w") as f:
            json.dump(dict(os.environ), f)

    def build_sanity():
        _dump("env_sanity.json")
        raise RuntimeError("environment recorded; nothing else to check")

    def build_active():
        _dump("env_active.json")
        raise RuntimeError("environment recorded; nothing else to check")
""")


def _leaks(env: dict) -> list[str]:
    return sorted(
        k for k, v in env.items() if TOKEN in v or HF_SECRET in v or k in ("EXPERIMENT_RUNNER_TOKEN", "HF_TOKEN")
    )


async def _ended(c, run_id: str, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while True:
        r = await c.call_tool("get_run_status", {"run_id": run_id})
        assert not r.is_error, result_text(r)
        if r.structured_content["all_ended"]:
            return
        assert time.monotonic() < deadline, f"run {run_id} still going after {timeout} s"


async def test_no_child_environment_holds_the_token_a_token_env_variable_or_a_copy_of_either(tmp_path):
    ws = make_workspace(tmp_path / "ws", {"dump.py": DUMP_RUN, "model.py": MODEL})
    env = dict(os.environ)
    env.update(
        {
            "EXPERIMENT_RUNNER_TOKEN": TOKEN,
            "HF_TOKEN": HF_SECRET,  # named by --token-env below; HF_ is an allowlisted prefix
            "TORCH_HOME_COPY": HF_SECRET,  # a copy under an allowlisted name: the value is the secret
            "HF_HOME": str(tmp_path / "hf"),  # an allowlisted variable that is no secret: it passes
        }
    )
    params = StdioServerParameters(
        command=sys.executable,
        args=["-m", "experiment_runner", "--root", str(ws), "serve", "--token-env", "HF_TOKEN"],
        env=env,
    )
    async with Client(params, mode="legacy") as c:
        launched = await c.call_tool(
            "launch_training",
            {"experiment": "env", "arm": "a", "command": ["python", "dump.py"], "seeds": [0], "env": {"X": "1"}},
        )
        assert not launched.is_error, result_text(launched)
        run_id = launched.structured_content["runs"][0]["run_id"]
        sanity = await c.call_tool("run_sanity_checks", {"entrypoint": "model.py:build_sanity", "experiment": "env"})
        active = await c.call_tool(
            "diagnose_failure", {"log_text": "step 1 loss nan", "entrypoint": "model.py:build_active"}
        )
        await _ended(c, run_id)
    assert not sanity.is_error and not active.is_error, result_text(sanity) + result_text(active)
    run_dir = next((ws / ".experiments" / "env" / "runs").iterdir())
    seen = {
        "run": json.loads((run_dir / "stdout.log").read_text()),
        "sanity probe": json.loads((ws / "env_sanity.json").read_text()),
        "active probe": json.loads((ws / "env_active.json").read_text()),
    }
    for child, child_env in seen.items():
        assert _leaks(child_env) == [], f"the {child} got the server's secret in {_leaks(child_env)}"
        assert child_env.get("HF_HOME") == str(tmp_path / "hf"), f"the {child} lost an allowlisted variable"
    assert seen["run"]["X"] == "1"  # what the caller set still passes
    assert TOKEN not in (run_dir / "spec.json").read_text()
