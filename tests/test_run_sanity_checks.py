"""run_sanity_checks through a real MCP client (both protocol eras) and the CLI: verdicts on real torch models run
in a child process, progress notifications, records kept with the experiment, clear refusals, and the limits
(time, memory, crashes) after which the server carries on."""

from __future__ import annotations

import json
import shutil
from datetime import UTC
from pathlib import Path

import pytest
from mcp import Client

from experiment_runner.server import build_server
from tests.conftest import DATA, EXAMPLES, call_cli, result_text, run_cli

pytestmark = pytest.mark.anyio

QUICK = ["data_finite", "shapes", "initial_loss", "gradients_flow"]


@pytest.fixture
def example_ws(tmp_path) -> Path:
    ws = tmp_path / "ws"
    shutil.copytree(EXAMPLES, ws, ignore=shutil.ignore_patterns("__pycache__"))
    return ws


def copy_into(ws: Path, folder: str) -> None:
    shutil.copytree(DATA / folder, ws / folder, ignore=shutil.ignore_patterns("__pycache__"), dirs_exist_ok=True)


async def sanity(client, **args):
    seen = []

    async def on_progress(progress, total, message):
        seen.append((progress, total, message))

    result = await client.call_tool("run_sanity_checks", args, progress_callback=on_progress)
    return result, seen


async def test_the_example_model_passes_every_check_and_the_result_is_recorded(example_ws, mode):
    async with Client(build_server(example_ws), mode=mode) as c:
        r, progress = await sanity(c, entrypoint="classify/model.py:build", experiment="demo", lr_range_test=True)
    assert not r.is_error, result_text(r)
    out = r.structured_content
    assert out["verdict"] == "passed" and out["passed"] is True
    names = [ch["name"] for ch in out["checks"]]
    assert names == [
        "data_finite",
        "shapes",
        "initial_loss",
        "gradients_flow",
        "overfit_one_batch",
        "beats_baseline",
        "label_leak",
        "train_val_overlap",
        "lr_range_test",
    ]
    assert all(ch["status"] == "passed" for ch in out["checks"]), out["table"]
    by = {ch["name"]: ch for ch in out["checks"]}
    assert "ln(4) = 1.3863" in by["initial_loss"]["expected"]
    assert by["beats_baseline"]["evidence"]["trivial"]["name"].startswith("majority class")
    assert by["lr_range_test"]["evidence"]["suggested_lr"] > 0
    assert all(ch["threshold"] for ch in out["checks"])
    assert out["device_used"] == "cpu" and out["task"] == "multiclass" and out["num_classes"] == 4
    assert out["memory"]["mode"] == "address-space" and out["limits"]["timeout_s"] == 300
    assert out["timings"]["wall"] > 0 and out["timings"]["overfit_one_batch"] > 0
    # progress notifications: increasing, ending at the total, naming the checks as they run
    values = [p for p, _, _ in progress]
    assert len(progress) >= 5 and values == sorted(values) and values[-1] == progress[-1][1]
    assert any("overfit_one_batch" in (m or "") for _, _, m in progress)
    # recorded with the experiment, readable through the store API
    assert out["path"].startswith(".experiments/demo/sanity/") and (example_ws / out["path"]).is_file()
    from experiment_runner.sanity import store
    from experiment_runner.workspace import Workspace

    latest = store.latest(Workspace(example_ws), "demo")
    assert latest is not None and latest.passed and latest.entrypoint == "classify/model.py:build"
    assert latest.entrypoint_sha256.startswith("sha256:")


async def test_a_build_result_missing_a_key_is_an_error_verdict_naming_the_key(workspace, mode):
    copy_into(workspace, "sanity_contract")
    async with Client(build_server(workspace), mode=mode) as c:
        r, _ = await sanity(c, entrypoint="sanity_contract/missing_key.py:build", experiment="contract")
    assert not r.is_error, result_text(r)
    out = r.structured_content
    assert out["verdict"] == "error" and out["error"]["stage"] == "contract"
    assert "missing 'loss_fn' (it has: model, train_loader)" in out["summary"]
    assert all(ch["status"] == "skipped" for ch in out["checks"])
    assert out["path"]  # failures are recorded too: the preflight must see them


@pytest.mark.slow
@pytest.mark.parametrize(
    "model, stage, needle",
    [
        ("non_pair_loader", "contract", "train_loader batch 0 is a tuple of 3 items"),
        ("dict_batches", "contract", "train_loader batch 0 is a dict with keys ['label', 'pixels']"),
        ("nonscalar_loss", "contract", "returned a tensor of shape [16]; it must return a scalar"),
        ("model_returns_tuple", "contract", "model(inputs) returned a tuple"),
        ("returns_tuple", "contract", "build() returned a tuple"),
        ("optimizer_instance", "contract", "already built SGD"),
        ("build_raises", "build", "FileNotFoundError"),
    ],
)
async def test_each_contract_violation_is_named_exactly(workspace, model, stage, needle):
    copy_into(workspace, "sanity_contract")
    async with Client(build_server(workspace), mode="legacy") as c:
        r, _ = await sanity(c, entrypoint=f"sanity_contract/{model}.py:build", checks=QUICK)
    out = r.structured_content
    assert out["verdict"] == "error" and out["error"]["stage"] == stage, out["summary"]
    assert needle in out["error"]["message"]
    if stage == "build":
        assert any("build_raises.py" in line for line in out["error"]["traceback"])


async def test_a_bad_entrypoint_spec_is_refused_with_the_valid_forms(workspace, mode):
    async with Client(build_server(workspace), mode=mode) as c:
        r, _ = await sanity(c, entrypoint="model.py")
    assert r.is_error
    text = result_text(r)
    assert "'model.py' has no ':'" in text and "path/to/file.py:build" in text


async def test_an_entrypoint_outside_the_workspace_is_refused_even_through_a_symlink(workspace, tmp_path, mode):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "model.py").write_text("def build():\n    return {}\n")
    (workspace / "link.py").symlink_to(outside / "model.py")
    async with Client(build_server(workspace), mode=mode) as c:
        direct, _ = await sanity(c, entrypoint=f"{outside / 'model.py'}:build")
        linked, _ = await sanity(c, entrypoint="link.py:build")
        missing, _ = await sanity(c, entrypoint="nope/model.py:build")
    for r in (direct, linked):
        assert r.is_error and "outside the workspace" in result_text(r)
    assert missing.is_error and "entrypoint file 'nope/model.py' does not exist" in result_text(missing)


async def test_an_interpreter_that_does_not_exist_is_refused(workspace, mode):
    copy_into(workspace, "sanity_limits")
    async with Client(build_server(workspace), mode=mode) as c:
        r, _ = await sanity(c, entrypoint="sanity_limits/tiny.py:build", interpreter="no-such-python-3.99")
    assert r.is_error and "interpreter 'no-such-python-3.99' is not a program on PATH" in result_text(r)


async def test_a_program_that_is_not_a_python_interpreter_is_refused(workspace, mode):
    copy_into(workspace, "sanity_limits")
    async with Client(build_server(workspace), mode=mode) as c:
        r, _ = await sanity(c, entrypoint="sanity_limits/tiny.py:build", interpreter="/bin/sh")
    assert r.is_error and "'/bin/sh' is not a Python interpreter" in result_text(r)


async def test_asking_for_cuda_without_a_gpu_is_a_clear_error(workspace):
    import torch

    if torch.cuda.is_available():
        pytest.skip("this machine has CUDA: the refusal cannot happen here")
    copy_into(workspace, "sanity_limits")
    async with Client(build_server(workspace), mode="legacy") as c:
        r, _ = await sanity(c, entrypoint="sanity_limits/tiny.py:build", device="cuda", checks=["shapes"])
    assert r.is_error
    text = result_text(r)
    assert "device 'cuda' was requested but torch.cuda.is_available() is False" in text and "'auto' or 'cpu'" in text


async def test_what_user_code_prints_does_not_disturb_the_checks(workspace):
    copy_into(workspace, "sanity_limits")
    async with Client(build_server(workspace), mode="auto") as c:
        r, _ = await sanity(c, entrypoint="sanity_limits/chatty.py:build", checks=QUICK)
    out = r.structured_content
    assert out["verdict"] == "passed", out["summary"]
    assert [ch["status"] for ch in out["checks"]] == ["passed"] * 4


def test_the_cli_shows_progress_and_prints_the_verdict(example_ws):
    proc = run_cli(
        "call",
        "run_sanity_checks",
        "--args",
        json.dumps({"entrypoint": "classify/model.py:build", "checks": QUICK}),
        root=example_ws,
    )
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["verdict"] == "passed" and "| gradients_flow | passed |" in out["table"]
    assert "100.0%" in proc.stderr and "gradients_flow" in proc.stderr  # the progress bar, on stderr


def test_the_cli_reports_a_refusal_on_stderr(example_ws):
    code, payload, err = call_cli("run_sanity_checks", {"entrypoint": "classify/model.py"}, example_ws)
    assert code == 1 and payload is None and "has no ':'" in err


def test_records_are_never_overwritten_and_latest_is_the_newest(workspace):
    from datetime import datetime

    from experiment_runner.sanity import store
    from experiment_runner.sanity.model import SanityRecord
    from experiment_runner.workspace import Workspace

    ws = Workspace(workspace)
    when = datetime(2026, 1, 2, 3, 4, 5, 6, tzinfo=UTC)

    def record(verdict):
        return SanityRecord(
            experiment="e",
            created_at="t",
            entrypoint="m.py:build",
            interpreter="python",
            device_requested="auto",
            verdict=verdict,
            passed=verdict == "passed",
            message=verdict,
            checks=[],
            limits={"timeout_s": 1, "memory_mb": 1},
        )

    assert store.latest(ws, "e") is None
    first = store.save(ws, record("passed"), when=when)
    second = store.save(ws, record("failed"), when=when)  # same instant: a new file, not an overwrite
    assert first.name == "20260102T030405.000006Z.json" and second.name == "20260102T030405.000006Z-2.json"
    assert store.load(first).verdict == "passed"
    assert store.latest(ws, "e").verdict == "failed"
    assert store.latest_passed(ws, "e").verdict == "passed"
    assert [r.verdict for r in store.history(ws, "e")] == ["passed", "failed"]


# --- the limits: each drill ends with a normal call on the same server ----------------------------------------------


async def carries_on(client):
    r, _ = await sanity(client, entrypoint="sanity_limits/tiny.py:build", checks=["data_finite", "shapes"])
    assert not r.is_error and r.structured_content["verdict"] == "passed", result_text(r)


@pytest.mark.slow
async def test_an_endless_loop_gives_a_timeout_verdict_and_the_server_carries_on(workspace, mode):
    copy_into(workspace, "sanity_limits")
    async with Client(build_server(workspace), mode=mode) as c:
        r, _ = await sanity(c, entrypoint="sanity_limits/endless_loop.py:build", timeout_s=25, experiment="drills")
        out = r.structured_content
        assert out["verdict"] == "timeout", out["summary"]
        assert out["error"]["stage"] == "limits" and "25 s time limit" in out["message"]
        assert out["timings"]["wall"] < 25 + 10
        # faulthandler's dump just before the kill shows where the code was stuck
        assert any("endless_loop.py" in line for line in out["error"]["traceback"]), out["error"]["traceback"]
        assert all(ch["status"] == "skipped" for ch in out["checks"])
        await carries_on(c)


@pytest.mark.slow
async def test_an_allocation_bomb_gives_an_out_of_memory_verdict_and_the_server_carries_on(workspace, mode):
    copy_into(workspace, "sanity_limits")
    async with Client(build_server(workspace), mode=mode) as c:
        r, _ = await sanity(c, entrypoint="sanity_limits/allocation_bomb.py:build", memory_mb=256, timeout_s=120)
        out = r.structured_content
        assert out["verdict"] == "out_of_memory", out["summary"]
        assert "can't allocate memory" in out["message"] and out["memory"]["headroom_mb"] == 256
        await carries_on(c)


@pytest.mark.slow
async def test_a_segfault_gives_a_crashed_verdict_and_the_server_carries_on(workspace, mode):
    copy_into(workspace, "sanity_limits")
    async with Client(build_server(workspace), mode=mode) as c:
        r, _ = await sanity(c, entrypoint="sanity_limits/segfault.py:build", timeout_s=120, experiment="drills")
        out = r.structured_content
        assert out["verdict"] == "crashed" and "SIGSEGV" in out["message"], out["summary"]
        assert any("segfault.py" in line for line in out["error"]["traceback"]), out["error"]["traceback"]
        assert out["path"] and "Fatal Python error: Segmentation fault" in out["output_tail"]
        await carries_on(c)


@pytest.mark.gpu
async def test_on_a_gpu_the_checks_run_on_cuda(example_ws):
    import torch

    if not torch.cuda.is_available():
        pytest.skip("needs an NVIDIA GPU visible to torch")
    async with Client(build_server(example_ws), mode="legacy") as c:
        r, _ = await sanity(c, entrypoint="classify/model.py:build", device="cuda", lr_range_test=True)
    out = r.structured_content
    assert out["verdict"] == "passed", out["table"]
    assert out["device_used"].startswith("cuda") and out["memory"]["mode"] == "watchdog"


async def test_a_failed_prerequisite_is_reported_even_when_not_asked_for(workspace):
    shutil.copytree(DATA / "sanity_models", workspace / "models", ignore=shutil.ignore_patterns("__pycache__"))
    async with Client(build_server(workspace), mode="auto") as c:
        r, _ = await sanity(c, entrypoint="models/bug_regression_broadcast.py:build", checks=["overfit_one_batch"])
    out = r.structured_content
    status = {ch["name"]: ch["status"] for ch in out["checks"]}
    assert status == {"shapes": "failed", "overfit_one_batch": "skipped"} and out["verdict"] == "failed"
    assert "shapes failed" in out["checks"][1]["message"]


@pytest.mark.slow
async def test_a_cancelled_call_kills_the_probe_and_the_server_carries_on(workspace):
    import anyio
    import psutil

    copy_into(workspace, "sanity_limits")

    def probes():
        found = []
        for p in psutil.process_iter(["cmdline"]):
            cmd = " ".join(p.info["cmdline"] or [])
            if "probe/sanity.py" in cmd and str(workspace) in cmd:
                found.append(p)
        return found

    seen = []

    async def watch():
        while not seen:
            seen.extend(probes())
            await anyio.sleep(0.2)

    async with Client(build_server(workspace), mode="legacy") as c:
        with anyio.move_on_after(10):
            async with anyio.create_task_group() as tg:
                tg.start_soon(watch)
                await c.call_tool(
                    "run_sanity_checks", {"entrypoint": "sanity_limits/endless_loop.py:build", "timeout_s": 300}
                )
        assert seen, "the probe child was never seen running"
        with anyio.fail_after(20):
            while probes():
                await anyio.sleep(0.2)
        await carries_on(c)
