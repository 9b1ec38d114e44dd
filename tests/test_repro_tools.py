"""check_reproducibility and compare_manifests through a real MCP client (both protocol modes) and the CLI."""

from __future__ import annotations

import json
import shutil

import pytest
from conftest import EXAMPLES, call_cli, result_text
from mcp import Client
from repro_util import git, write

from experiment_runner.server import build_server

pytestmark = pytest.mark.anyio


def _example_repo(tmp_path):
    root = tmp_path / "ws"
    shutil.copytree(EXAMPLES, root, ignore=shutil.ignore_patterns("__pycache__"))
    (root / ".gitignore").write_text(".experiments/\n__pycache__/\n")
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "example")
    return root


ARGS = {
    "project": "classify",
    "cwd": "classify",
    "command": ["python", "train.py", "--config", "config.yaml", "--seed", "0"],
    "config_files": ["classify/config.yaml"],
    "data_paths": ["classify/data"],
    "experiment": "width",
    "env": {"PYTHONHASHSEED": "0", "CUBLAS_WORKSPACE_CONFIG": ":4096:8"},
}


async def test_the_tool_returns_the_checklist_and_writes_a_manifest_that_is_never_overwritten(tmp_path, mode):
    root = _example_repo(tmp_path)
    async with Client(build_server(root), mode=mode) as client:
        tools = {t.name: t for t in (await client.list_tools()).tools}
        assert tools["check_reproducibility"].annotations.read_only_hint is False
        assert tools["compare_manifests"].annotations.read_only_hint is True
        res = await client.call_tool("check_reproducibility", ARGS)
        assert not res.is_error, result_text(res)
        out = res.structured_content
        again = (await client.call_tool("check_reproducibility", ARGS)).structured_content
    assert out["failed"] == 0 and out["warnings"] == 0, out["summary"]
    assert out["summary"].startswith(f"{out['passed']} passed, 0 warnings, 0 failed")
    ids = [i["id"] for i in out["checklist"]]
    for expected in (
        "seeds.config",
        "seeds.code",
        "seeds.determinism",
        "seeds.dataloader",
        "code.commit",
        "code.dirty",
        "code.untracked",
        "data.hashes",
        "env.python",
        "env.torch",
        "env.gpu",
        "env.host",
        "config.stored",
        "config.template",
        "command.recorded",
        "command.env",
    ):
        assert expected in ids
    assert out["manifest_path"].startswith(".experiments/width/manifests/") and out["patch_path"] is None
    assert again["manifest_path"] != out["manifest_path"]
    saved = json.loads((root / out["manifest_path"]).read_text())
    assert saved["id"] == out["manifest_id"]
    assert saved["config"]["resolved"]["training"]["learning_rate"] == 0.05
    assert saved["data"]["algorithm"] == "blake3"
    assert saved["command"]["argv"] == ARGS["command"]


async def test_a_dirty_example_is_flagged_with_its_patch_and_compare_puts_code_first(tmp_path, mode):
    root = _example_repo(tmp_path)
    async with Client(build_server(root), mode=mode) as client:
        clean = (await client.call_tool("check_reproducibility", ARGS)).structured_content
        cfg = root / "classify" / "config.yaml"
        cfg.write_text(cfg.read_text().replace("hidden: 16", "hidden: 64"))
        write(root, {"classify/data/extra.csv": "1,2\n"})
        dirty = (await client.call_tool("check_reproducibility", ARGS)).structured_content
        res = await client.call_tool("compare_manifests", {"a": clean["manifest_path"], "b": dirty["manifest_path"]})
        assert not res.is_error, result_text(res)
        cmp = res.structured_content
        same = (
            await client.call_tool("compare_manifests", {"a": clean["manifest_path"], "b": clean["manifest_path"]})
        ).structured_content
    dirty_item = next(i for i in dirty["checklist"] if i["id"] == "code.dirty")
    assert dirty_item["status"] == "warning" and "classify/config.yaml" in dirty_item["evidence"]
    assert dirty["patch_path"] and "+  hidden: 64" in (root / dirty["patch_path"]).read_text()
    order = [(d["area"], d["item"]) for d in cmp["differences"]]
    assert order[:3] == [("code", "uncommitted changes"), ("data", "classify/data"), ("config", "model.hidden")]
    hidden = cmp["differences"][2]
    assert (hidden["a"], hidden["b"]) == ("16", "64")
    assert cmp["summary"].startswith(f"{cmp['total']} difference(s)")
    assert same["identical"] and same["differences"] == []


async def test_inputs_outside_the_workspace_or_unknown_are_refused_with_clear_messages(tmp_path, mode):
    root = _example_repo(tmp_path)
    async with Client(build_server(root), mode=mode) as client:
        outside = await client.call_tool("check_reproducibility", {**ARGS, "data_paths": ["../../etc"]})
        flag = await client.call_tool("check_reproducibility", {**ARGS, "config_files": ["--exec=x"]})
        empty = await client.call_tool("check_reproducibility", {**ARGS, "command": []})
        unknown = await client.call_tool("compare_manifests", {"a": "nope", "b": "nope2"})
    assert outside.is_error and "outside the workspace" in result_text(outside)
    assert flag.is_error and "config file '--exec=x' starts with '-'" in result_text(flag)
    assert empty.is_error and "command" in result_text(empty)
    assert unknown.is_error and "no manifest or run 'nope'" in result_text(unknown)


@pytest.mark.slow
def test_the_cli_checks_and_compares_and_the_second_check_reuses_the_cached_probe(tmp_path):
    root = _example_repo(tmp_path)
    args = {k: v for k, v in ARGS.items() if k != "experiment"}
    code, first, err = call_cli("check_reproducibility", args, root)
    assert code == 0, err
    assert first["manifest_path"].startswith(".experiments/_manifests/")
    code, second, err = call_cli("check_reproducibility", {**args, "hash_algorithm": "sha256"}, root)
    assert code == 0, err
    m1 = json.loads((root / first["manifest_path"]).read_text())
    m2 = json.loads((root / second["manifest_path"]).read_text())
    assert m2["environment"]["probe_cached"] is True
    assert m2["data"]["entries"][0]["hash"].startswith("sha256:")
    code, cmp, err = call_cli("compare_manifests", {"a": first["manifest_path"], "b": second["manifest_path"]}, root)
    assert code == 0, err
    top = cmp["differences"][0]
    assert top["area"] == "data" and "different algorithms" in top["why"]
    assert m1["data"]["entries"][0]["hash"] == top["a"]
    code, _, err = call_cli("compare_manifests", {"a": first["manifest_path"], "b": "missing.json"}, root)
    assert code == 1 and "missing" in err
