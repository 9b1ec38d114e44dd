"""The interpreter that really runs the command is what the manifest records (never whatever PATH finds first), and
the variables experiment-runner sets for a run (OMP_NUM_THREADS from runs.threads_per_run, the runner variables)
are recorded as set by it, and do not depend on how many runs a launch starts."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import torch
from mcp import Client
from repro_util import TRAIN, capture, item, make_repo

from experiment_runner.server import build_server
from tests.runs_util import make_workspace, store, wait_states

pytestmark = pytest.mark.anyio


def _path_python_without_torch(tmp_path: Path) -> Path:
    """A `python` first on PATH that is not the interpreter the runs use (like a pyenv shim)."""
    bin_dir = tmp_path / "shims"
    bin_dir.mkdir()
    shim = bin_dir / "python"
    shim.write_text('#!/bin/sh\nexec /usr/bin/env -i /bin/false "$@"\n')
    shim.chmod(0o755)
    return bin_dir


def _venv_without_torch(root: Path) -> Path:
    venv = root / "venv"
    subprocess.run(
        [sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, capture_output=True, timeout=120
    )
    return venv / "bin" / "python"


def test_python_in_the_command_is_the_configured_interpreter_with_its_version_and_torch_not_the_path_one(tmp_path):
    root = make_repo(tmp_path / "ws", {"train.py": TRAIN, "experiment-runner.yaml": "python: venv/bin/python\n"})
    configured = _venv_without_torch(root)
    shims = _path_python_without_torch(tmp_path)
    env = dict(os.environ, PATH=f"{shims}{os.pathsep}{os.environ['PATH']}")
    ws, m = capture(root, argv=["python", "train.py"], env=env)
    assert m.command.program == str(configured) and "experiment-runner.yaml" in m.command.program_source
    assert m.environment.interpreter == str(configured) == m.command.interpreter.path
    assert m.command.interpreter.version == m.environment.python["version"]
    assert "not importable" in m.command.interpreter.torch
    recorded = item(m, "command.recorded")
    assert str(configured) in recorded.evidence and str(shims) not in recorded.evidence
    assert (
        "torch is not importable" in recorded.evidence and f"file {os.path.realpath(configured)}" in recorded.evidence
    )
    assert item(m, "env.torch").status == "failed"


def test_without_a_configured_python_the_server_interpreter_is_recorded_with_the_torch_it_imports(tmp_path):
    root = make_repo(tmp_path / "ws", {"train.py": TRAIN})
    ws, m = capture(root, argv=["python3", "train.py"])
    assert m.command.program == sys.executable == m.environment.interpreter
    assert m.command.interpreter.torch == torch.__version__
    assert f"torch {torch.__version__}" in item(m, "command.recorded").evidence


def test_a_launcher_script_is_followed_to_the_python_in_its_shebang_line(tmp_path):
    launcher = "#!" + sys.executable + "\nimport sys\n"
    root = make_repo(tmp_path / "ws", {"train.py": TRAIN, "bin/mylaunch": launcher})
    (root / "bin" / "mylaunch").chmod(0o755)
    ws, m = capture(root, argv=["bin/mylaunch", "train.py"])
    assert m.command.program == str(root / "bin" / "mylaunch")
    assert m.environment.interpreter == sys.executable and "#!" in m.environment.interpreter_source
    assert m.command.interpreter.torch == torch.__version__


ENV_DUMP = "import json, os\nprint(json.dumps(dict(os.environ)))\n"


def _omp(ws: Path, rid: str) -> str:
    return json.loads(store(ws).log_path(rid).read_text())["OMP_NUM_THREADS"]


async def test_the_thread_count_does_not_depend_on_how_many_runs_a_launch_starts(tmp_path, monkeypatch):
    monkeypatch.delenv("OMP_NUM_THREADS", raising=False)
    ws = make_workspace(tmp_path / "ws", {"env.py": ENV_DUMP}, runs={"max_parallel": 2})
    async with Client(build_server(ws), mode="legacy") as c:
        one = await c.call_tool(
            "launch_training", {"experiment": "t", "arm": "one", "command": ["python", "env.py"], "seeds": [0]}
        )
        three = await c.call_tool(
            "launch_training",
            {"experiment": "t", "arm": "three", "command": ["python", "env.py"], "seeds": [0, 1, 2], "max_parallel": 1},
        )
    ids = [r["run_id"] for r in one.structured_content["runs"] + three.structured_content["runs"]]
    wait_states(ws, ids, {"completed"}, 90)
    expected = str(max(1, len(os.sched_getaffinity(0)) // 2))
    assert {_omp(ws, rid) for rid in ids} == {expected}


@pytest.mark.slow
async def test_runs_threads_per_run_sets_omp_and_the_manifest_records_what_the_runner_set_and_ran(
    tmp_path, monkeypatch
):
    monkeypatch.delenv("OMP_NUM_THREADS", raising=False)
    ws = make_workspace(tmp_path / "ws", {"env.py": ENV_DUMP}, runs={"manifest": True, "threads_per_run": 3})
    async with Client(build_server(ws), mode="legacy") as c:
        out = await c.call_tool(
            "launch_training", {"experiment": "t", "arm": "a", "command": ["python", "env.py"], "seeds": [4]}
        )
    rid = out.structured_content["runs"][0]["run_id"]
    wait_states(ws, [rid], {"completed"}, 120)
    assert _omp(ws, rid) == "3"
    manifest = store(ws).manifest(rid)
    cmd = manifest["command"]
    assert cmd["program"] == store(ws).get(rid).spec.program == manifest["environment"]["interpreter"]
    assert cmd["set_by_runner"]["OMP_NUM_THREADS"] == "3" and cmd["set_by_runner"]["EXPERIMENT_RUNNER_SEED"] == "4"
    assert cmd["interpreter"]["torch"] == torch.__version__
    recorded = {i["id"]: i for i in manifest["checklist"]}["command.env"]["evidence"]
    assert "set by experiment-runner: " in recorded and "OMP_NUM_THREADS=3" in recorded
