"""Active mode: diagnose_failure with a sanity-check entrypoint runs probe/anomaly.py in a child (the user's
interpreter, under the sanity runner's limits) and names the first module and operation that produced NaN/Inf,
with per-layer gradient norms. Real tiny torch models; each call starts a Python with torch, hence slow."""

from __future__ import annotations

import pytest
from mcp import Client

from experiment_runner.server import build_server
from tests.conftest import result_text

pytestmark = [pytest.mark.anyio, pytest.mark.slow]

MODELS = """
import torch
from torch import nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(8, 16)
        self.fc2 = nn.Linear(16, 3)

    def forward(self, x):
        return self.fc2(torch.relu(self.fc1(x)))


class LogNet(Net):
    def forward(self, x):
        return torch.log(self.fc2(torch.relu(self.fc1(x))))


def _data():
    g = torch.Generator().manual_seed(0)
    x = torch.randn(64, 8, generator=g) * 5
    y = torch.randint(0, 3, (64,), generator=g)
    return [(x[i:i + 16], y[i:i + 16]) for i in range(0, 64, 16)]


def build():
    return {"model": Net(), "train_loader": _data(), "loss_fn": nn.CrossEntropyLoss(),
            "optimizer": lambda p: torch.optim.SGD(p, lr=0.01)}


def build_log():
    return {"model": LogNet(), "train_loader": _data(), "loss_fn": nn.CrossEntropyLoss()}
"""


@pytest.fixture
def models(workspace):
    (workspace / "models.py").write_text(MODELS)
    return workspace


async def probe(ws, mode, args):
    async with Client(build_server(ws), mode=mode) as c:
        r = await c.call_tool("diagnose_failure", args)
    assert not r.is_error, result_text(r)
    return r.structured_content


async def test_the_probe_names_the_layer_and_op_that_overflowed_at_the_runs_own_learning_rate(models, mode):
    out = await probe(
        models,
        mode,
        {
            "log_text": "epoch=1 step=1 loss=1.1\nepoch=1 step=2 loss=nan\n",
            "exit_code": 1,
            "command": ["python", "train.py", "--lr", "40"],
            "entrypoint": "models.py:build",
        },
    )
    p = out["probe"]
    assert p["status"] == "completed"
    first = p["first_nonfinite"]
    assert first["phase"] == "forward" and first["module"] == "fc2" and first["operation"] == "addmm"
    assert first["code"].startswith("models.py:")
    steps = p["steps"]
    assert steps and set(steps[-1]["layers"]) == {"fc1", "fc2"} and steps[-1]["grad_norm"] > steps[0]["grad_norm"]
    nan = out["findings"][0]
    assert nan["category"] == "nan_or_inf_loss"
    assert any(e["kind"] == "probe" and "fc2" in e["summary"] for e in nan["evidence"])


async def test_the_probe_points_at_the_users_line_for_a_log_of_negatives(models, mode):
    out = await probe(
        models, mode, {"metrics": {"loss": [1.2, "nan"]}, "entrypoint": "models.py:build_log", "probe_steps": 3}
    )
    first = out["probe"]["first_nonfinite"]
    assert first["step"] == 1 and first["operation"] == "log" and "torch.log" in first["code"]


async def test_a_model_that_stays_finite_is_reported_clean_with_its_gradient_norms(models, mode):
    out = await probe(
        models, mode, {"metrics": {"loss": [1.2, 1.1, 1.0]}, "entrypoint": "models.py:build", "probe_steps": 5}
    )
    p = out["probe"]
    assert p["first_nonfinite"] is None and len(p["steps"]) == 5
    assert "no NaN/Inf in 5 steps" in p["message"]


async def test_a_missing_entrypoint_is_refused_with_where_it_looked(models, mode):
    async with Client(build_server(models), mode=mode) as c:
        r = await c.call_tool("diagnose_failure", {"metrics": {"loss": [1.0]}, "entrypoint": "nope.py:build"})
    assert r.is_error and "nope.py" in result_text(r)
