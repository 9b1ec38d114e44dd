"""draft_brief through a real MCP client: versions, problems, pre-registration, immutability."""

from __future__ import annotations

import json
import os

import pytest
from mcp import Client

from experiment_runner.server import build_server
from tests.conftest import call_cli, result_text

pytestmark = pytest.mark.anyio

COMPLETE = {
    "goal": "Learn whether label smoothing helps ResNet-18 on CIFAR-10.",
    "hypothesis": "Label smoothing 0.1 raises validation accuracy by at least 0.5 points.",
    "success_criteria": "mean val_accuracy improves by >= 0.5 points over the baseline with p < 0.05",
    "data": {"dataset": "CIFAR-10 (torchvision)", "size": "50k train / 10k test", "splits": "45k/5k/10k, split seed 0"},
    "model": {"architecture": "ResNet-18", "hyperparameters": {"lr": 0.1, "batch_size": 128}},
    "baseline": "ResNet-18 without label smoothing, same budget",
    "metrics": {"primary": "val_accuracy", "secondary": ["val_loss"]},
    "constraints": {"compute": "1 GPU, 2 hours per run", "time": "one week", "seeds": 3},
    "if_wrong": "report the null result and try mixup instead",
    "analysis": {"higher_is_better": True},
}


async def call(client, args):
    r = await client.call_tool("draft_brief", args)
    return r


async def test_a_partial_draft_is_saved_with_its_problems_listed(workspace, mode):
    async with Client(build_server(workspace), mode=mode) as c:
        r = await call(
            c,
            {
                "experiment": "ls",
                "brief": {"goal": "g", "success_criteria": "it works well", "constraints": {"seeds": 1}},
            },
        )
        assert not r.is_error, result_text(r)
        out = r.structured_content
    codes = {(p["code"], p["field"]) for p in out["problems"]}
    assert ("missing_field", "hypothesis") in codes
    assert ("unmeasurable_success", "success_criteria") in codes
    assert ("too_few_seeds", "constraints.seeds") in codes
    assert ("no_baseline", "baseline") in codes
    assert out["status"] == "draft" and out["version"] == 1
    assert (workspace / ".experiments" / "ls" / "brief" / "v001.json").is_file()
    assert "_(missing)_" in out["markdown"]


async def test_confirming_with_problems_is_refused_and_lists_them(workspace, mode):
    async with Client(build_server(workspace), mode=mode) as c:
        await call(c, {"experiment": "ls", "brief": {"goal": "g"}})
        r = await call(c, {"experiment": "ls", "confirm": True})
    assert r.is_error
    text = result_text(r)
    assert "cannot be confirmed" in text and "missing_field (hypothesis)" in text and "saved as v1" in text


async def test_a_complete_brief_is_pre_registered_with_hash_and_time_and_becomes_read_only(workspace, mode):
    async with Client(build_server(workspace), mode=mode) as c:
        r = await call(c, {"experiment": "ls", "brief": COMPLETE, "confirm": True})
        assert not r.is_error, result_text(r)
        out = r.structured_content
    assert out["status"] == "confirmed" and out["problems"] == []
    assert out["content_hash"].startswith("sha256:") and out["confirmed_at"].endswith("Z")
    assert out["brief"]["analysis"]["primary_metric"] == "val_accuracy"  # filled from metrics.primary
    path = workspace / out["path"]
    assert not os.access(path, os.W_OK) or os.geteuid() == 0
    assert oct(path.stat().st_mode & 0o777) == "0o444"


async def test_a_change_after_confirmation_becomes_a_new_version_and_every_version_is_kept(workspace, mode):
    async with Client(build_server(workspace), mode=mode) as c:
        first = (await call(c, {"experiment": "ls", "brief": COMPLETE, "confirm": True})).structured_content
        again = (await call(c, {"experiment": "ls", "confirm": True})).structured_content
        assert again["version"] == first["version"] and not again["created_new_version"]
        changed = (
            await call(c, {"experiment": "ls", "brief": {"hypothesis": "Label smoothing raises accuracy by 1 point."}})
        ).structured_content
    assert changed["version"] == 2 and changed["status"] == "draft"
    assert changed["versions"] == [1, 2] and changed["confirmed_versions"] == [1]
    assert "original pre-registration" in changed["summary"]
    v1 = json.loads((workspace / ".experiments/ls/brief/v001.json").read_text())
    assert v1["brief"]["hypothesis"] == COMPLETE["hypothesis"]


async def test_a_confirmed_brief_edited_on_disk_is_reported_as_tampered(workspace, mode):
    async with Client(build_server(workspace), mode=mode) as c:
        out = (await call(c, {"experiment": "ls", "brief": COMPLETE, "confirm": True})).structured_content
        path = workspace / out["path"]
        os.chmod(path, 0o644)
        record = json.loads(path.read_text())
        record["brief"]["hypothesis"] = "something else entirely"
        path.write_text(json.dumps(record))
        r = await call(c, {"experiment": "ls", "brief": {"goal": "new goal"}})
        res = None
        try:
            res = await c.read_resource("brief://ls/v1")
        except Exception as e:  # the SDK raises MCPError for a failing resource
            res = e
    assert r.is_error and "edited after confirmation" in result_text(r)
    assert "edited after confirmation" in str(res)


async def test_bad_input_gets_clear_errors_naming_the_value(workspace, mode):
    async with Client(build_server(workspace), mode=mode) as c:
        bad_name = await call(c, {"experiment": "../escape"})
        bad_type = await call(c, {"experiment": "ok", "brief": {"constraints": {"seeds": "many"}}})
        unknown_arg = await call(c, {"experiment": "ok", "confrim": True})
        unknown_field = await call(c, {"experiment": "ok", "brief": {"goals": "x"}})
    assert bad_name.is_error and "'../escape' is not valid" in result_text(bad_name)
    assert bad_type.is_error and "brief.constraints.seeds" in result_text(bad_type)
    assert (
        unknown_arg.is_error
        and "confrim" in result_text(unknown_arg)
        and "valid arguments: experiment" in result_text(unknown_arg)
    )
    assert unknown_field.is_error and "goals" in result_text(unknown_field)
    assert not (workspace / ".experiments" / "escape").exists()


async def test_the_policy_minimum_seeds_comes_from_the_workspace_config(workspace, mode):
    (workspace / "experiment-runner.yaml").write_text("policy:\n  min_seeds: 5\n")
    async with Client(build_server(workspace), mode=mode) as c:
        out = (await call(c, {"experiment": "ls", "brief": COMPLETE})).structured_content
    assert out["brief"]["analysis"]["min_seeds"] == 5
    assert any(p["code"] == "too_few_seeds" and "minimum of 5" in p["message"] for p in out["problems"])


async def test_an_invalid_workspace_config_is_reported_with_its_location(workspace, mode):
    (workspace / "experiment-runner.yaml").write_text("policy:\n  min_seed: 5\n")
    async with Client(build_server(workspace), mode=mode) as c:
        r = await call(c, {"experiment": "ls"})
    assert r.is_error and "policy.min_seed: unknown key" in result_text(r)


def test_the_cli_calls_draft_brief_and_exits_nonzero_on_refusal(workspace):
    rc, out, err = call_cli("draft_brief", {"experiment": "cli", "brief": COMPLETE}, workspace)
    assert rc == 0 and out["status"] == "draft" and out["problems"] == []
    rc, out, err = call_cli("draft_brief", {"experiment": "cli2", "confirm": True}, workspace)
    assert rc == 1 and out is None and "cannot be confirmed" in err
