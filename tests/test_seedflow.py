"""The seed followed from the command to the RNG seeding calls, in projects shaped like the common ones (written
here, in tmp dirs): every broken variant is flagged with its verdict and file:line, no seeded one is; the checklist
and launch_training act on the verdict."""

from __future__ import annotations

from pathlib import Path

import pytest
from seedflow_projects import VARIANTS, Variant, marked_line

from experiment_runner.repro.seedflow import analyse, same_seed_problem
from experiment_runner.workspace import confine


@pytest.fixture(autouse=True)
def _workspace_root(tmp_path):
    """The analysis reads the project by descriptor inside a registered root, as the server's workspace does."""
    confine.register(tmp_path)


def _write(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
    return root


@pytest.mark.parametrize("v", VARIANTS, ids=lambda v: v.id)
def test_each_project_shape_is_judged_with_its_verdict_and_decisive_line(tmp_path, v: Variant):
    root = _write(tmp_path / v.id, v.files)
    flow = analyse(v.command, root, root, display=lambda p: str(Path(p).relative_to(root)))
    assert flow.verdict == v.expected, flow.message
    assert flow.at == marked_line(v.files, v.mark), flow.message
    if v.expected == "seeded":
        assert same_seed_problem(flow, 3) is None and flow.same_for_every_run is False
    assert flow.entry == "train.py" and flow.message


def test_every_broken_variant_is_flagged_and_no_seeded_one_is():
    shapes = {v.shape for v in VARIANTS}
    assert shapes == {"argparse", "hydra", "configurator", "lightning-cli", "click"}
    for shape in shapes:
        names = {v.name for v in VARIANTS if v.shape == shape}
        assert names == {"seeded", "constant", "rejected", "unused", "output-path"}, shape


# --- launch_training -------------------------------------------------------------------------------------------


def _configurator_ws(tmp_path: Path) -> Path:
    from tests.runs_util import make_workspace

    v = next(v for v in VARIANTS if v.id == "configurator-output-path")
    ws = make_workspace(tmp_path / "ws")
    _write(ws, v.files)
    return ws


@pytest.mark.anyio
async def test_a_launch_whose_runs_would_share_one_seed_is_refused_with_the_line_and_the_fix(tmp_path, mode):
    from mcp import Client

    from experiment_runner.server import build_server

    ws = _configurator_ws(tmp_path)
    async with Client(build_server(ws), mode=mode) as c:
        r = await c.call_tool(
            "launch_training",
            {"experiment": "e", "arm": "a", "command": ["python", "train.py", "--out_dir=out-{seed}"], "seeds": [0, 1]},
        )
    assert r.is_error
    text = r.content[0].text
    assert "not launched" in text and "train.py:8" in text and "1337" in text and "allow_same_seed" in text
    assert not (ws / ".experiments" / "e" / "runs").exists() or not any((ws / ".experiments" / "e" / "runs").iterdir())


@pytest.mark.anyio
async def test_the_refusal_is_waived_with_a_written_reason_that_the_preflight_keeps(tmp_path):
    from mcp import Client

    from experiment_runner.server import build_server
    from tests.runs_util import wait_states

    ws = _configurator_ws(tmp_path)
    async with Client(build_server(ws), mode="legacy") as c:
        r = await c.call_tool(
            "launch_training",
            {
                "experiment": "e",
                "arm": "a",
                "command": ["python", "train.py", "--out_dir=out-{seed}"],
                "seeds": [0, 1],
                "allow_same_seed": "checking run-to-run noise with one seed on purpose",
            },
        )
    assert not r.is_error, r.content[0].text
    out = r.structured_content
    assert out["preflight"]["seeds"].startswith("seed not passed") and "train.py:8" in out["preflight"]["seeds"]
    assert any("checking run-to-run noise" in w for w in out["preflight"]["warnings"])
    wait_states(ws, [x["run_id"] for x in out["runs"]], {"completed", "failed"}, 120)


OPEN_PARSER = """\
import argparse

import torch

parser = argparse.ArgumentParser()
for name in ({names}):
    parser.add_argument("--" + name, type=float, default=1.0)
args = parser.parse_args()
torch.manual_seed(int(getattr(args, "seed", 0)))
"""


@pytest.mark.anyio
async def test_where_the_source_leaves_it_open_the_scripts_own_help_decides(tmp_path):
    from mcp import Client

    from experiment_runner.server import build_server
    from tests.runs_util import make_workspace, wait_states

    ws = make_workspace(tmp_path / "ws")
    _write(
        ws,
        {
            "rejects.py": OPEN_PARSER.format(names='"lr", "epochs"'),
            "accepts.py": OPEN_PARSER.format(names='"lr", "seed"'),
        },
    )
    async with Client(build_server(ws), mode="legacy") as c:
        refused = await c.call_tool(
            "launch_training",
            {"experiment": "e", "arm": "a", "command": ["python", "rejects.py", "--seed", "{seed}"], "seeds": [0, 1]},
        )
        assert refused.is_error and "--help` does not list --seed" in refused.content[0].text
        ok = await c.call_tool(
            "launch_training",
            {"experiment": "e", "arm": "b", "command": ["python", "accepts.py", "--seed", "{seed}"], "seeds": [0, 1]},
        )
    assert not ok.is_error, ok.content[0].text
    wait_states(ws, [x["run_id"] for x in ok.structured_content["runs"]], {"completed"}, 120)


# --- identical metric series across seeds, in get_run_status ---------------------------------------------------

IGNORES_SEED = """\
import sys
loss = 2.0
for step in range(1, 6):
    loss *= 0.8
    print(f"step={step} loss={loss:.6f} lr=0.1 time={step * 0.37 + len(sys.argv[1]) * 0.01:.3f}", flush=True)
"""
USES_SEED = """\
import random, sys
random.seed(int(sys.argv[1]))
loss = 2.0
for step in range(1, 6):
    loss *= 0.8 + random.random() * 0.01
    print(f"step={step} loss={loss:.6f}", flush=True)
"""


@pytest.mark.anyio
async def test_status_flags_an_arm_whose_runs_logged_identical_series_across_seeds(tmp_path):
    from mcp import Client

    from experiment_runner.server import build_server
    from tests.runs_util import make_workspace, wait_states

    ws = make_workspace(tmp_path / "ws", {"same.py": IGNORES_SEED, "varies.py": USES_SEED})
    ids = []
    async with Client(build_server(ws), mode="legacy") as c:
        for arm, script in (("same", "same.py"), ("varies", "varies.py")):
            r = await c.call_tool(
                "launch_training",
                {"experiment": "e", "arm": arm, "command": ["python", script, "{seed}"], "seeds": [0, 1, 2]},
            )
            assert not r.is_error, r.content[0].text
            ids += [x["run_id"] for x in r.structured_content["runs"]]
        wait_states(ws, ids, {"completed"}, 120)
        status = (await c.call_tool("get_run_status", {"experiment": "e"})).structured_content
        one = (await c.call_tool("get_run_status", {"run_id": ids[0]})).structured_content
    [finding] = status["identical_series"]
    assert finding["arm"] == "same" and finding["seeds"] == [0, 1, 2] and finding["metrics"] == ["loss"]
    assert sorted(finding["run_ids"]) == sorted(ids[:3]) and "seed does not reach training" in finding["message"]
    assert "Identical series across seeds 0, 1, 2 in 'same'" in status["summary"]
    assert [f["arm"] for f in one["identical_series"]] == ["same"]


HAND_PARSED = """\
import sys

import torch


class Config:
    pass


def merge_from_args(cfg, args):
    for arg in args:
        key, value = arg[2:].split("=")
        setattr(cfg, key, int(value))


cfg = Config()
cfg.seed = 7
merge_from_args(cfg, sys.argv[1:])
torch.manual_seed(cfg.seed)
"""


def test_a_command_line_parsed_by_hand_leaves_the_verdict_open_instead_of_claiming_a_constant(tmp_path):
    root = _write(tmp_path / "p", {"train.py": HAND_PARSED})
    flow = analyse(
        ["python", "train.py", "--seed={seed}"], root, root, display=lambda p: str(Path(p).relative_to(root))
    )
    assert flow.verdict == "unknown" and "not known statically" in flow.message
    assert any("would be constant seed" in n for n in flow.notes)
    assert same_seed_problem(flow, 3) is None
