"""diagnose_failure through a real MCP client in both protocol modes and through the CLI: pasted logs, metric
series alone, a run recorded by the run engine (read from the store, re-scanned incrementally), healthy runs,
and inputs that are refused with a message naming what would be valid."""

from __future__ import annotations

import math

import anyio
import pytest
from mcp import Client

from experiment_runner.server import build_server
from tests.conftest import call_cli, result_text
from tests.runs_util import make_workspace

pytestmark = pytest.mark.anyio

NAN_LOG = (
    "config: seed=2 hidden=64 lr=40.0 epochs=8\n"
    + "".join(f"epoch=1 step={i} loss={2.3 / (1 + 0.1 * i):.4f} grad_norm={1.5**i:.3f}\n" for i in range(1, 13))
    + "epoch=1 step=13 loss=nan grad_norm=nan\n"
)


async def call(client, args):
    r = await client.call_tool("diagnose_failure", args)
    assert not r.is_error, result_text(r)
    return r.structured_content


async def test_a_pasted_nan_log_ranks_the_gradient_explosion_first_and_names_the_nan_its_consequence(workspace, mode):
    async with Client(build_server(workspace), mode=mode) as c:
        tools = {t.name: t for t in (await c.list_tools()).tools}
        assert tools["diagnose_failure"].annotations.read_only_hint is True
        out = await call(
            c,
            {
                "log_text": NAN_LOG,
                "stderr_text": "loss became nan at step 13\n",
                "exit_code": 1,
                "command": ["python", "train.py", "--lr", "40", "--seed", "2"],
            },
        )
    assert out["healthy"] is False and out["source"] == "log_text"
    # the gradient norm grew geometrically (1.5x per step) for 12 steps before the NaN: the cause comes first
    cause, nan = out["findings"][0], out["findings"][1]
    assert cause["category"] == "exploding_gradients" and "1.5x per step" in cause["headline"]
    assert cause["next_steps"][0] == "lower the learning rate from 40 to 4"
    assert cause["suggested_command"] == ["python", "train.py", "--lr", "4", "--seed", "2"]
    assert nan["category"] == "nan_or_inf_loss" and nan["confidence"] >= 0.9
    assert "a consequence of gradients exploding" in nan["headline"]
    assert nan["facts"]["consequence_of"] == "exploding_gradients"
    metric = next(e for e in nan["evidence"] if e["kind"] == "metric")
    assert metric["step"] == 13 and metric["value"] == "nan"
    log = next(e for e in nan["evidence"] if e["kind"] == "log" and e["stream"] == "stdout")
    assert log["line"] == 14 and "loss=nan" in log["text"]
    assert nan["next_steps"][0] == "lower the learning rate from 40 to 4 (10x)"
    assert "step 13" in nan["cheapest_experiment"] and "seed 2" in nan["cheapest_experiment"]
    assert out["hyperparameters"]["lr"]["source"] == "command"
    assert out["summary"].startswith("The run: exploding_gradients")


async def test_metric_series_alone_show_overfitting_with_its_onset_step(workspace, mode):
    steps = list(range(100, 1300, 100))
    train = [2.0 * 0.8**i for i in range(12)]
    val = [1.9, 1.5, 1.2, 1.0, 0.95, 0.97, 1.02, 1.1, 1.2, 1.3, 1.42, 1.55]
    async with Client(build_server(workspace), mode=mode) as c:
        out = await call(
            c,
            {
                "metrics": {
                    "train_loss": [[s, v] for s, v in zip(steps, train)],
                    "val_loss": [[s, v] for s, v in zip(steps, val)],
                }
            },
        )
    assert out["source"] == "metrics" and out["scans"] == []
    top = out["findings"][0]
    assert top["category"] == "overfitting"
    assert top["facts"]["onset_step"] == 500
    assert "step 500" in top["next_steps"][0]


async def test_a_healthy_run_has_no_finding_and_the_summary_says_so(workspace, mode):
    log = "".join(f"epoch={e} loss={2.0 * 0.7**e:.4f} val_loss={2.1 * 0.72**e + 0.02:.4f}\n" for e in range(1, 15))
    async with Client(build_server(workspace), mode=mode) as c:
        out = await call(c, {"log_text": log + "done\n", "exit_code": 0})
    assert out["healthy"] is True and out["findings"] == []
    assert "looks healthy" in out["summary"]


async def test_sigkill_without_any_error_text_reads_as_the_oom_killer(workspace, mode):
    async with Client(build_server(workspace), mode=mode) as c:
        out = await call(
            c,
            {
                "log_text": "step 1 loss 1.2\nstep 2 loss 1.1\n",
                "signal": "SIGKILL",
                "command": ["python", "train.py", "--batch-size", "64"],
            },
        )
    top = out["findings"][0]
    assert top["category"] == "out_of_memory" and top["evidence"][0]["kind"] == "exit"
    assert "64 -> 32" in top["next_steps"][0] and "accumulate 2" in top["next_steps"][0]
    assert top["suggested_command"] == ["python", "train.py", "--batch-size", "32"]


async def test_a_slurm_timeout_in_the_reason_is_a_time_limit(workspace, mode):
    async with Client(build_server(workspace), mode=mode) as c:
        out = await call(c, {"log_text": "epoch 1 loss 0.5\n", "signal": 15, "reason": "scheduler state TIMEOUT"})
    assert out["findings"][0]["category"] == "time_limit"


@pytest.mark.parametrize(
    "args, message",
    [
        ({}, "nothing to diagnose"),
        ({"run_id": "r1", "log_text": "x"}, "either run_id or log_text"),
        ({"log_text": "x", "signal": "SIGFOO"}, "unknown signal 'SIGFOO'"),
        ({"metrics": {"loss": ["a lot"]}}, "metrics['loss'][0]"),
        ({"run_id": "nope-123"}, "nope-123"),
    ],
)
async def test_bad_inputs_are_refused_with_what_would_be_valid(workspace, mode, args, message):
    async with Client(build_server(workspace), mode=mode) as c:
        r = await c.call_tool("diagnose_failure", args)
    assert r.is_error and message in result_text(r)


def test_the_cli_diagnoses_a_pasted_traceback(workspace):
    err = (
        'Traceback (most recent call last):\n  File "train.py", line 9, in <module>\n    out = model(x)\n'
        "RuntimeError: mat1 and mat2 shapes cannot be multiplied (32x20 and 10x5)\n"
    )
    rc, out, stderr = call_cli("diagnose_failure", {"stderr_text": err, "exit_code": 1}, workspace)
    assert rc == 0, stderr
    top = out["findings"][0]
    assert top["category"] == "shape_mismatch"
    assert top["evidence"][0]["kind"] == "final_error" and top["evidence"][0]["line"] == 4
    assert "32x20 and 10x5" in top["next_steps"][0]


FAILING = """
import sys, time
print("config: lr=0.3 batch_size=16", flush=True)
for step in range(1, 6):
    print(f"step={step} loss={1.0 / step:.4f}", flush=True)
print("Traceback (most recent call last):", file=sys.stderr)
print('  File "train.py", line 5, in <module>', file=sys.stderr)
print("RuntimeError: Expected all tensors to be on the same device, but found at least two devices, "
      "cuda:0 and cpu!", file=sys.stderr)
sys.exit(1)
"""


async def _launch_until(c, script: str, ready) -> str:
    """Launch `python script` as one run and poll get_run_status until `ready(run)` holds; its run id."""
    launched = (
        await c.call_tool(
            "launch_training", {"experiment": "e", "arm": "a", "command": ["python", script], "seeds": [0]}
        )
    ).structured_content
    run_id = launched["runs"][0]["run_id"]
    with anyio.fail_after(60):
        while not ready((await c.call_tool("get_run_status", {"run_id": run_id})).structured_content["runs"][0]):
            await anyio.sleep(0.2)
    return run_id


@pytest.mark.slow
async def test_a_recorded_run_is_read_from_the_store_and_rescanned_only_for_new_bytes(tmp_path, mode):
    ws = make_workspace(tmp_path / "ws", {"fail.py": FAILING})
    async with Client(build_server(ws), mode=mode) as c:
        run_id = await _launch_until(c, "fail.py", lambda run: run["state"] in ("completed", "failed", "lost"))
        first = await call(c, {"run_id": run_id})
        second = await call(c, {"run_id": run_id})
    assert first["source"] == "run" and first["run_id"] == run_id
    assert "exit code 1" in first["outcome"]
    top = first["findings"][0]
    assert top["category"] == "dtype_or_device_mismatch"
    assert top["evidence"][0]["stream"] == "stderr" and top["evidence"][0]["line"] == 3
    assert first["hyperparameters"]["lr"]["source"] == "log line 1"
    assert first["metrics_used"].get("train_loss") == "loss"
    assert all(s["bytes_read"] == s["bytes"] for s in first["scans"])
    assert all(s["bytes_read"] == 0 for s in second["scans"])  # nothing new: the saved scan state is reused
    assert second["findings"][0]["category"] == top["category"]
    assert math.isclose(second["findings"][0]["confidence"], top["confidence"])


RUNNING = """
import time
for step in range(1, 4):
    print(f"step={step} loss={1.0 / step:.4f}", flush=True)
time.sleep(60)
"""


@pytest.mark.slow
async def test_a_run_still_running_is_judged_without_asking_how_it_ended(tmp_path, mode):
    ws = make_workspace(tmp_path / "ws", {"slow.py": RUNNING})
    async with Client(build_server(ws), mode=mode) as c:
        run_id = await _launch_until(
            c, "slow.py", lambda run: (run.get("latest") or {}).get("loss", {}).get("value", 1) < 0.4
        )
        out = await call(c, {"run_id": run_id})
        await c.call_tool("stop_run", {"run_id": run_id})
    assert out["findings"] == [] and "state running" in out["outcome"]
    assert out["verdict"] == "healthy" and out["shown_by"][0].startswith("loss fell 1 -> 0.3333"), out["summary"]
    assert not any(t.startswith("how the run ended") for t in out["to_check"]), out["to_check"]
