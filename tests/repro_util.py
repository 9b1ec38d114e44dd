"""Helpers for the reproducibility tests: real git repositories in tmp dirs, and a capture call with defaults."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from experiment_runner.repro import capture_manifest
from experiment_runner.workspace import Workspace

GIT_ID = [
    "-c",
    "user.name=Test",
    "-c",
    "user.email=test@example.invalid",
    "-c",
    "commit.gpgsign=false",
    "-c",
    "core.hooksPath=/dev/null",
    "-c",
    "init.defaultBranch=main",
]


def git(cwd: Path, *args: str, check: bool = True) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    proc = subprocess.run(
        ["git", *GIT_ID, *args],
        cwd=cwd,
        check=False,
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=60,
    )
    if check and proc.returncode != 0:
        raise AssertionError(f"git {' '.join(args)} failed: {proc.stderr}")
    return proc.stdout


def write(root: Path, files: dict[str, str | bytes]) -> None:
    for rel, content in files.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            p.write_bytes(content)
        else:
            p.write_text(content, encoding="utf-8")


def make_repo(root: Path, files: dict[str, str | bytes], *, commit: bool = True) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    write(root, files)
    git(root, "init", "-q")
    (root / ".gitignore").write_text(".experiments/\n", encoding="utf-8")
    if commit:
        git(root, "add", "-A")
        git(root, "commit", "-q", "-m", "first")
    return root


TRAIN = """\
import random
import numpy as np
import torch

def main(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    x = torch.randn(3)
    return x

if __name__ == "__main__":
    main(0)
"""
CONFIG = "seed: 0\nlr: 0.1\n"


def capture(root: Path, **kw):
    ws = Workspace(root)
    args = {"project_dir": ".", "argv": ["python", "train.py"], "config_files": [], "data_paths": []}
    args.update(kw)
    return ws, capture_manifest(ws, **args)


def item(manifest, item_id: str):
    found = [i for i in manifest.checklist if i.id == item_id]
    assert found, f"no item {item_id}; have {[i.id for i in manifest.checklist]}"
    return found[0]
