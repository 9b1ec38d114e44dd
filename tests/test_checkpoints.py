"""Checkpoint hygiene: which files are complete checkpoints (real torch.save archives, safetensors and pickles, cut
off the way a SIGKILL mid-write leaves them), the latest one to resume from, keep-last and keep-best by a metric
on a real run, disk use in status, and the disk-filling signal."""

from __future__ import annotations

import json
import os
import pickle
import struct
import textwrap
import time
from pathlib import Path

import anyio
import pytest
from mcp import Client

from experiment_runner.runs import checkpoints
from experiment_runner.server import build_server
from experiment_runner.workspace import confine
from tests.runs_util import make_workspace, result_text, store

pytestmark = pytest.mark.anyio


def _cut(path: Path, keep: float) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * keep)])


def _safetensors(path: Path, values: int) -> None:
    header = json.dumps({"w": {"dtype": "F32", "shape": [values], "data_offsets": [0, 4 * values]}}).encode()
    path.write_bytes(struct.pack("<Q", len(header)) + header + struct.pack(f"<{values}f", *range(values)))


@pytest.fixture
def folder(tmp_path):
    confine.register(tmp_path)
    return tmp_path


def test_torch_archives_safetensors_and_pickles_cut_off_mid_write_are_torn_and_whole_ones_complete(folder):
    import torch

    torch.save({"w": torch.ones(64, 64)}, folder / "a.pt")
    torch.save({"w": torch.ones(64, 64)}, folder / "b.pt")
    _cut(folder / "b.pt", 0.7)
    _safetensors(folder / "c.safetensors", 1000)
    _safetensors(folder / "d.safetensors", 1000)
    _cut(folder / "d.safetensors", 0.9)
    (folder / "e.pkl").write_bytes(pickle.dumps({"step": 3, "pad": b"x" * 1000}))
    (folder / "f.pkl").write_bytes(pickle.dumps({"step": 3, "pad": b"x" * 1000})[:500])
    (folder / "g.ckpt").write_bytes(b"opaque bytes")
    verdicts = {p.name: checkpoints.check_file(p) for p in sorted(folder.iterdir())}
    assert {name: kind for name, (kind, _) in verdicts.items()} == {
        "a.pt": "complete",
        "b.pt": "torn",
        "c.safetensors": "complete",
        "d.safetensors": "torn",
        "e.pkl": "complete",
        "f.pkl": "torn",
        "g.ckpt": "unchecked",
    }
    assert "no central directory" in verdicts["b.pt"][1] and "4,075" in verdicts["d.safetensors"][1]


def test_the_latest_checkpoint_skips_torn_files_temporary_names_and_links_and_judges_folders_by_their_files(folder):
    for i, name in enumerate(["ckpt-1.pkl", "checkpoint-200", "ckpt-3.pkl", ".ckpt-4.pkl.tmp", "ckpt-5.pkl"]):
        path = folder / name
        if name.startswith("checkpoint-"):
            path.mkdir()
            (path / "model.pkl").write_bytes(pickle.dumps(i))
            (path / "trainer_state.json").write_text("{}")
        else:
            path.write_bytes(pickle.dumps(i))
        os.utime(path, (1000 + i, 1000 + i))
        if path.is_dir():
            for f in path.iterdir():
                os.utime(f, (1000 + i, 1000 + i))
    _cut(folder / "ckpt-5.pkl", 0.5)
    os.utime(folder / "ckpt-5.pkl", (1004, 1004))
    (folder / "newest-link.pkl").symlink_to(folder / "ckpt-1.pkl")
    (folder / "notes.txt").write_text("not a checkpoint")
    entry, skipped = checkpoints.latest(folder)
    assert entry.name == "ckpt-3.pkl" and skipped == ["ckpt-5.pkl (the pickle has no end)"]
    assert [e.name for e in checkpoints.entries(folder)] == ["ckpt-5.pkl", "ckpt-3.pkl", "checkpoint-200", "ckpt-1.pkl"]
    (folder / "checkpoint-200" / "model.pkl.partial").write_bytes(b"")
    (folder_entry,) = [e for e in checkpoints.entries(folder) if e.folder]
    assert checkpoints.check(folder_entry) == ("torn", "it holds model.pkl.partial, a file still being written")


def test_keep_last_keeps_the_newest_and_keep_best_the_best_by_the_value_logged_before_each(folder):
    found = [checkpoints.Entry(f"c{i}.pkl", folder / f"c{i}.pkl", False, 10, 100.0 + i) for i in range(6)][::-1]
    for e in found:
        e.path.write_bytes(pickle.dumps(1))
    history = [(99.5, 0.9), (100.5, 0.3), (101.5, 0.5), (102.5, 0.6), (103.5, 0.7), (104.5, 0.8)]

    def value_at(t):
        before = [v for at, v in history if at <= t]
        return before[-1] if before else None

    doomed = checkpoints.to_delete(found, 2, value_at=value_at, goal="min", now=1000.0)
    # c5 and c4 are the newest; c1 was written when val_loss was at its best (0.3)
    assert sorted(e.name for e, _ in doomed) == ["c0.pkl", "c2.pkl", "c3.pkl"]
    assert all("not among the best 1" in why for _, why in doomed)
    assert checkpoints.to_delete(found, 2, now=100.0 + 5 + 1) == [
        (e, "older than the newest 2") for e in found[2:] if e.mtime < 104.0
    ]


PRUNED = textwrap.dedent("""
    import os, pickle, time
    ckdir = os.environ["EXPERIMENT_RUNNER_CHECKPOINT_DIR"]
    vals = [0.9, 0.5, 0.2, 0.6, 0.7, 0.8, 0.85, 0.9]
    for epoch, v in enumerate(vals):
        print(f"epoch={epoch} val_loss={v}", flush=True)
        time.sleep(0.3)
        with open(os.path.join(ckdir, f"epoch_{epoch}.pkl"), "wb") as f:
            pickle.dump({"epoch": epoch}, f)
        time.sleep(0.3)
""")


async def test_a_run_keeps_its_newest_and_best_checkpoints_and_status_shows_its_disk_use_and_a_filling_disk(tmp_path):
    runs = {"checkpoints": {"check_s": 0.5, "min_free_gb": 1e9}}
    ws = make_workspace(tmp_path / "ws", {"pruned.py": PRUNED}, runs=runs)
    async with Client(build_server(ws)) as c:
        r = await c.call_tool(
            "launch_training",
            {
                "experiment": "e",
                "arm": "a",
                "command": ["python", "pruned.py"],
                "seeds": [0],
                "keep_last_checkpoints": 2,
                "keep_best_checkpoint_by": "val_loss",
            },
        )
        assert not r.is_error, result_text(r)
        rid = r.structured_content["runs"][0]["run_id"]
        deadline = time.monotonic() + 60
        while True:
            run = (await c.call_tool("get_run_status", {"run_id": rid, "log_lines": 0})).structured_content["runs"][0]
            if run["state"] not in ("queued", "running"):
                break
            assert time.monotonic() < deadline
            await anyio.sleep(0.3)
    ckdir = Path(store(ws).get(rid).spec.checkpoint_dir)
    assert sorted(p.name for p in ckdir.iterdir()) == ["epoch_2.pkl", "epoch_6.pkl", "epoch_7.pkl"]
    record = json.loads((store(ws).get(rid).dir / "checkpoints.json").read_text())
    assert sorted(d["name"] for d in record["deleted"]) == [f"epoch_{i}.pkl" for i in (0, 1, 3, 4, 5)]
    disk = run["disk"]
    assert disk["checkpoints"] == 3 and disk["deleted"] == 5 and disk["checkpoint_bytes"] > 0
    assert disk["free_bytes"] > 0 and disk["record_bytes"] > 0 and disk["newest_checkpoint"] == "epoch_7.pkl"
    (filling,) = [h for h in run["health"] if h["code"] == "disk_filling"]
    assert filling["severity"] == "warning" and "min_free_gb" in filling["message"]
