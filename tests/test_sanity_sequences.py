"""Sanity checks on language models in their natural layouts and on leaks by construction, through a real MCP
server (one child process per model, real torch, only the checks that need no training: fast)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from mcp import Client

from experiment_runner.server import build_server
from tests.conftest import DATA, result_text

pytestmark = pytest.mark.anyio

UNTRANSPOSED = """\
import _data
import _gpt
from torch import nn

VOCAB = {vocab}


def build():
    train, val = _data.counting_sequences(vocab=VOCAB)
    train_loader, val_loader = _data.loaders(train, val)
    return {{"model": _gpt.TinyGPT(vocab=VOCAB), "train_loader": train_loader, "val_loader": val_loader,
            "loss_fn": nn.CrossEntropyLoss(), "num_classes": VOCAB}}
"""


@pytest.fixture
def models_ws(tmp_path) -> Path:
    ws = tmp_path / "ws"
    shutil.copytree(DATA / "sanity_models", ws, ignore=shutil.ignore_patterns("__pycache__"))
    (ws / "gpt_untransposed.py").write_text(UNTRANSPOSED.format(vocab=20))  # torch raises: wrong target size
    (ws / "gpt_untransposed_square.py").write_text(UNTRANSPOSED.format(vocab=16))  # T == V: torch computes silently
    return ws


async def _checks(client, name: str, checks: list[str]) -> dict[str, dict]:
    r = await client.call_tool("run_sanity_checks", {"entrypoint": f"{name}.py:build", "checks": checks})
    assert not r.is_error, result_text(r)
    return {c["name"]: c for c in r.structured_content["checks"]}


async def test_a_language_model_is_judged_per_token_in_the_layout_it_uses(models_ws):
    async with Client(build_server(models_ws), mode="legacy") as c:
        flat = await _checks(c, "healthy_gpt_flat", ["shapes", "initial_loss", "label_leak"])
        rows = await _checks(c, "healthy_gpt_model_flat", ["shapes", "initial_loss"])
    assert flat["shapes"]["status"] == "passed" and "sequence: outputs (B, T, V)" in flat["shapes"]["message"]
    assert flat["shapes"]["evidence"]["ignore_index"] == -1 and flat["shapes"]["evidence"]["num_classes"] == 16
    assert (
        flat["initial_loss"]["status"] == "passed" and "ln(16) = 2.7726 per token" in flat["initial_loss"]["expected"]
    )
    assert flat["label_leak"]["status"] == "passed" and "next-token" in flat["label_leak"]["message"]
    assert rows["shapes"]["status"] == "passed" and "per token, flattened" in rows["shapes"]["evidence"]["layout"]
    assert rows["initial_loss"]["status"] == "passed"


async def test_logits_with_the_classes_last_given_straight_to_cross_entropy_fail_with_the_fix(models_ws):
    async with Client(build_server(models_ws), mode="legacy") as c:
        raised = (await _checks(c, "gpt_untransposed", ["shapes"]))["shapes"]
        silent = (await _checks(c, "gpt_untransposed_square", ["shapes"]))["shapes"]
    assert raised["status"] == "failed" and "too few units" not in raised["message"]
    assert "takes the class scores on axis 1" in raised["message"] and "transpose(1, 2)" in raised["message"]
    # 16 positions and 16 classes: torch computes a loss, treating the positions as classes
    assert silent["status"] == "failed" and "treats positions as classes" in silent["message"]
    assert "Linear(32 -> 16)" in silent["message"]


async def test_language_model_targets_that_are_the_inputs_are_a_leak(models_ws):
    async with Client(build_server(models_ws), mode="legacy") as c:
        checks = await _checks(c, "bug_lm_unshifted", ["label_leak"])
    leak = checks["label_leak"]
    assert leak["status"] == "failed" and "the targets are the inputs themselves" in leak["message"]
    assert leak["fix"] and "shift" in leak["fix"]
