"""Reading a hostile repository runs none of its programs. Each fixture is first shown to be live (plain git
runs its programs and the canary appears), then captured: the canary never appears."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest
from conftest import call_cli
from repro_util import TRAIN, capture, git, item, make_repo, write

from experiment_runner.errors import UserError

HOOKS = (
    "pre-commit",
    "post-checkout",
    "post-index-change",
    "reference-transaction",
    "pre-auto-gc",
    "post-rewrite",
    "fsmonitor-watchman",
    "pre-push",
    "post-merge",
    "prepare-commit-msg",
)


def _script(path: Path, canaries: Path, passthrough: bool = True) -> Path:
    path.write_text(f"#!/bin/sh\ntouch '{canaries}'/\"$1\"\n" + ("cat\n" if passthrough else "exit 1\n"))
    path.chmod(0o755)
    return path


def hostile_repo(tmp_path: Path) -> tuple[Path, Path]:
    """A workspace whose repository's config, attributes and hooks would each create a canary file."""
    canaries = tmp_path / "canaries"
    canaries.mkdir()
    tools = tmp_path / "tools"
    tools.mkdir()
    evil = _script(tools / "evil.sh", canaries)
    root = make_repo(tmp_path / "ws", {"train.py": TRAIN, "model.py": "W = 1\n", "notes.txt": "n\n"})
    write(root, {".gitattributes": "* filter=evil diff=evil merge=evil\n*.txt filter=evil2\n"})
    git(root, "add", ".gitattributes")
    git(root, "commit", "-qm", "attributes")
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    for name in HOOKS:
        for d in (hooks, root / ".git" / "hooks"):
            (d / name).write_text(f"#!/bin/sh\ntouch '{canaries}'/hook-{name}\n")
            (d / name).chmod(0o755)
    attrs = tmp_path / "global-attributes"
    attrs.write_text("*.py filter=evil3\n")
    settings = {
        "filter.evil.clean": f"{evil} filter-clean",
        "filter.evil.smudge": f"{evil} filter-smudge",
        "filter.evil.required": "true",
        "filter.evil2.process": f"{evil} filter-process",
        "filter.evil3.clean": f"{evil} filter3-clean",
        "diff.evil.textconv": f"{evil} textconv",
        "diff.evil.command": f"{evil} diff-command",
        "merge.evil.driver": f"{evil} merge-driver",
        "diff.external": f"{evil} external-diff",
        "core.fsmonitor": str(_script(tools / "fsmonitor.sh", canaries, passthrough=False)) + "",
        "core.hooksPath": str(hooks),
        "core.pager": f"{evil} pager",
        "core.attributesFile": str(attrs),
        "core.sshCommand": f"{evil} ssh",
        "credential.helper": f"!{evil} credential",
        "log.showSignature": "true",
        "gpg.program": f"{evil} gpg",
        "alias.ls-files": f"!{evil} alias-ls-files",
        "alias.status": f"!{evil} alias-status",
        "alias.st": f"!{evil} alias-st",
        "gc.auto": "1",
        "core.worktree": str(tmp_path / "elsewhere"),
    }
    for key, value in settings.items():
        git(root, "config", key, value)
    # The fsmonitor script is called with arguments; make it create its own canary name.
    (tools / "fsmonitor.sh").write_text(f"#!/bin/sh\ntouch '{canaries}'/fsmonitor\nexit 1\n")
    write(root, {"train.py": TRAIN + "# changed\n", "model.py": "W = 2\n", "notes.txt": "changed\n"})
    return root, canaries


def _plain_git(root: Path, *args: str) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env["GIT_WORK_TREE"] = str(root)  # the fixture's core.worktree points elsewhere; plain git would follow it
    subprocess.run(
        ["git", *args], cwd=root, env=env, check=False, capture_output=True, stdin=subprocess.DEVNULL, timeout=60
    )


def test_the_hostile_fixture_is_live_under_plain_git(tmp_path):
    root, canaries = hostile_repo(tmp_path)
    _plain_git(root, "status")
    _plain_git(root, "diff")
    _plain_git(root, "log", "-1")
    fired = set(os.listdir(canaries))
    assert {"filter-clean", "fsmonitor", "textconv"} <= fired or {
        "filter-clean",
        "fsmonitor",
        "diff-command",
    } <= fired, fired
    assert any(f.startswith("hook-") for f in fired), fired


def test_capturing_a_hostile_repository_runs_none_of_its_programs(tmp_path):
    root, canaries = hostile_repo(tmp_path)
    ws, m = capture(root)
    assert os.listdir(canaries) == []
    # The work is still done: every change is seen through our own hashing.
    assert m.code.status == "ok"
    changed = {c.path for c in m.code.changes}
    unverified = {u.path for u in m.code.unverified}
    assert changed | unverified == {"train.py", "model.py", "notes.txt"}
    assert all("never run" in u.why for u in m.code.unverified)
    assert item(m, "code.dirty").status == "warning"


@pytest.mark.slow
def test_the_cli_on_a_hostile_repository_runs_none_of_its_programs(tmp_path):
    root, canaries = hostile_repo(tmp_path)
    code, out, err = call_cli("check_reproducibility", {"command": ["python", "train.py"]}, root)
    assert code == 0, err
    assert os.listdir(canaries) == []
    assert any(i["id"] == "code.dirty" and i["status"] == "warning" for i in out["checklist"])


def test_a_dot_git_file_pointing_outside_the_workspace_is_refused(tmp_path):
    outside = make_repo(tmp_path / "outside", {"train.py": TRAIN})
    canaries = tmp_path / "canaries"
    canaries.mkdir()
    git(outside, "config", "core.fsmonitor", str(_script(tmp_path / "fsm.sh", canaries, passthrough=False)))
    ws_root = tmp_path / "ws"
    write(ws_root, {"train.py": TRAIN})
    (ws_root / ".git").write_text(f"gitdir: {outside / '.git'}\n")
    ws, m = capture(ws_root)
    assert m.code.status == "refused"
    assert str(outside / ".git") in m.code.reason and "outside the workspace" in m.code.reason
    assert item(m, "code.commit").status == "failed"
    assert os.listdir(canaries) == []


def test_a_dot_git_symlink_or_commondir_leading_outside_is_refused(tmp_path):
    outside = make_repo(tmp_path / "outside", {"train.py": TRAIN})
    ws1 = tmp_path / "ws1"
    write(ws1, {"train.py": TRAIN})
    os.symlink(outside / ".git", ws1 / ".git")
    assert capture(ws1)[1].code.status == "refused"

    ws2 = tmp_path / "ws2"
    write(ws2, {"train.py": TRAIN})
    gitdir = ws2 / ".gitdir"
    shutil.copytree(outside / ".git", gitdir)
    (gitdir / "commondir").write_text(str(outside / ".git") + "\n")
    (ws2 / ".git").write_text("gitdir: .gitdir\n")
    m = capture(ws2)[1]
    assert m.code.status == "refused" and "commondir" in m.code.reason


@pytest.mark.timeout(60)
def test_a_tracked_path_behind_a_symlinked_folder_is_not_read(tmp_path):
    root = make_repo(tmp_path / "ws", {"train.py": TRAIN, "lib/x.py": "x = 1\n"})
    outside = tmp_path / "outside" / "lib"
    outside.mkdir(parents=True)
    os.mkfifo(outside / "x.py")  # reading it would block: the test would time out
    shutil.rmtree(root / "lib")
    os.symlink(outside, root / "lib")
    ws, m = capture(root)
    assert {c.path: c.change for c in m.code.changes}.get("lib/x.py") == "deleted"
    assert stat.S_ISFIFO(os.lstat(outside / "x.py").st_mode)


@pytest.mark.parametrize(
    "kw, named",
    [
        ({"project_dir": "-rf"}, "project folder"),
        ({"argv": ["--upload-pack=touch x", "train.py"]}, "program"),
        ({"data_paths": ["--help"]}, "data path"),
        ({"config_files": ["-c"]}, "config file"),
        ({"cwd": "-C"}, "working directory"),
    ],
)
def test_values_that_look_like_flags_are_rejected_with_a_clear_message(tmp_path, kw, named):
    root = make_repo(tmp_path / "ws", {"train.py": TRAIN})
    with pytest.raises(UserError) as e:
        capture(root, **kw)
    assert named in str(e.value) and "starts with '-'" in str(e.value) and "./" in str(e.value)
