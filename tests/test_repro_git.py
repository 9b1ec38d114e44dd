"""The code version: real git repositories in tmp dirs (clean, dirty, staged, detached, no commits, none)."""

from __future__ import annotations

import os
import subprocess

import pytest
from repro_util import CONFIG, TRAIN, capture, git, item, make_repo, write

from experiment_runner.repro import write_manifest


def test_a_clean_repository_records_its_commit_and_passes(tmp_path):
    root = make_repo(tmp_path / "p", {"train.py": TRAIN, "config.yaml": CONFIG})
    head = git(root, "rev-parse", "HEAD").strip()
    ws, m = capture(root)
    assert m.code.commit == head
    assert m.code.branch == "main" and not m.code.detached
    assert not m.code.dirty and m.patch is None
    assert m.code.worktree_tree == git(root, "rev-parse", "HEAD^{tree}").strip()
    assert item(m, "code.commit").status == "passed" and head[:12] in item(m, "code.commit").evidence
    assert item(m, "code.dirty").status == "passed"
    assert item(m, "code.untracked").status == "passed"


def test_a_dirty_tree_is_saved_as_a_patch_that_recreates_it_from_the_commit(tmp_path):
    root = make_repo(
        tmp_path / "p", {"train.py": TRAIN, "config.yaml": CONFIG, "old.py": "x = 1\n", "bin.dat": b"\0\1\2" * 50}
    )
    head = git(root, "rev-parse", "HEAD").strip()
    write(root, {"train.py": TRAIN + "# tuned\n", "new_model.py": "class M: pass\n", "bin.dat": b"\0\3\2" * 60})
    os.remove(root / "old.py")
    write(root, {"staged.py": "y = 2\n"})
    git(root, "add", "staged.py")
    ws, m = capture(root)
    assert m.code.dirty
    changes = {c.path: (c.change, c.staged) for c in m.code.changes}
    assert changes == {
        "train.py": ("modified", False),
        "old.py": ("deleted", False),
        "bin.dat": ("modified", False),
        "staged.py": ("added", True),
    }
    assert m.code.untracked_source == ["new_model.py"]
    assert m.code.patch_includes_untracked == ["new_model.py"]
    dirty = item(m, "code.dirty")
    assert dirty.status == "warning" and "train.py" in dirty.evidence and m.code.patch_sha256[:19] in dirty.evidence
    assert item(m, "code.untracked").status == "warning"

    path = write_manifest(ws, m)
    patch_path = path.with_suffix(".patch")
    import hashlib

    assert m.code.patch_file == patch_path.name
    assert "sha256:" + hashlib.sha256(patch_path.read_bytes()).hexdigest() == m.code.patch_sha256

    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(root), str(clone)], check=True, capture_output=True)
    git(clone, "checkout", "-q", head)
    git(clone, "apply", "--binary", str(patch_path))
    for rel in ("train.py", "new_model.py", "staged.py", "bin.dat"):
        assert (clone / rel).read_bytes() == (root / rel).read_bytes(), rel
    assert not (clone / "old.py").exists()


def test_reading_a_repository_writes_nothing_into_it(tmp_path):
    root = make_repo(tmp_path / "p", {"train.py": TRAIN})
    write(root, {"train.py": TRAIN + "# changed\n"})

    def snapshot():
        out = {}
        for dirpath, _, files in os.walk(root / ".git"):
            for f in files:
                p = os.path.join(dirpath, f)
                out[p] = (os.stat(p).st_mtime_ns, os.stat(p).st_size)
        return out

    before = snapshot()
    capture(root)
    assert snapshot() == before


def test_a_detached_head_still_records_the_commit(tmp_path):
    root = make_repo(tmp_path / "p", {"train.py": TRAIN})
    first = git(root, "rev-parse", "HEAD").strip()
    write(root, {"train.py": TRAIN + "# v2\n"})
    git(root, "commit", "-qam", "second")
    git(root, "checkout", "-q", "--detach", first)
    ws, m = capture(root)
    assert m.code.commit == first and m.code.detached
    assert item(m, "code.commit").status == "passed"
    assert "detached HEAD" in item(m, "code.commit").evidence


def test_a_repository_without_commits_fails_with_the_fix_and_records_the_tree_as_a_patch(tmp_path):
    root = make_repo(tmp_path / "p", {"train.py": TRAIN}, commit=False)
    git(root, "add", "train.py")
    ws, m = capture(root)
    assert m.code.status == "no_commits" and m.code.commit is None
    commit_item = item(m, "code.commit")
    assert commit_item.status == "failed" and "no commit" in commit_item.evidence and "git commit" in commit_item.fix
    assert m.patch is not None and b"+++ b/train.py" in m.patch


def test_a_folder_that_is_not_a_repository_fails_with_the_fix(tmp_path):
    root = tmp_path / "p"
    write(root, {"train.py": TRAIN})
    ws, m = capture(root)
    assert m.code.status == "not_a_repository"
    commit_item = item(m, "code.commit")
    assert commit_item.status == "failed"
    assert "not a git repository" in commit_item.evidence
    assert "git init" in commit_item.fix
    assert not [i for i in m.checklist if i.id in ("code.dirty", "code.untracked")]


def test_a_repository_above_the_workspace_root_is_not_read_and_the_reason_says_so(tmp_path):
    outer = make_repo(tmp_path / "outer", {"sub/train.py": TRAIN})
    ws, m = capture(outer / "sub")
    assert m.code.status == "not_a_repository"
    assert "above the workspace root" in m.code.reason


def test_a_project_in_a_subfolder_of_the_repository_uses_the_repository(tmp_path):
    root = make_repo(tmp_path / "p", {"proj/train.py": TRAIN, "other.txt": "x"})
    ws, m = capture(root, project_dir="proj", cwd="proj")
    assert m.code.status == "ok" and m.code.repo_root == "."
    assert m.project == "proj"


def test_crlf_files_under_autocrlf_and_lfs_pointers_are_not_reported_as_changes(tmp_path):
    import hashlib

    root = make_repo(tmp_path / "p", {"train.py": TRAIN})
    (root / ".gitattributes").write_text("*.txt text\n*.bin filter=lfs diff=lfs merge=lfs -text\n")
    big = b"\x89weights" * 1000
    pointer = (
        f"version https://git-lfs.github.com/spec/v1\noid sha256:{hashlib.sha256(big).hexdigest()}\nsize {len(big)}\n"
    )
    write(root, {"notes.txt": "a\nb\n", "w.bin": pointer})
    git(root, "add", ".gitattributes", "notes.txt")
    # Stage the LFS pointer as git-lfs would, without a filter program: the blob is the pointer text.
    sha = subprocess.run(
        ["git", "hash-object", "-w", "--no-filters", "w.bin"], cwd=root, capture_output=True, text=True, check=True
    ).stdout.strip()
    git(root, "update-index", "--add", "--cacheinfo", f"100644,{sha},w.bin")
    git(root, "commit", "-qm", "attrs")
    (root / "notes.txt").write_bytes(b"a\r\nb\r\n")  # what a Windows checkout holds
    (root / "w.bin").write_bytes(big)  # what git-lfs smudge writes
    ws, m = capture(root)
    assert m.code.changes == [], m.code.changes
    assert item(m, "code.dirty").status == "passed"

    (root / "w.bin").write_bytes(big + b"more")
    ws, m = capture(root)
    assert [c.path for c in m.code.changes] == ["w.bin"]
    assert b"oid sha256:" in m.patch  # the patch carries the new pointer, not the binary


@pytest.mark.parametrize("name", ["-rf", "--output=x"])
def test_tracked_files_named_like_flags_are_handled_as_names(tmp_path, name):
    root = make_repo(tmp_path / "p", {"train.py": TRAIN, name: "data"})
    write(root, {name: "changed"})
    ws, m = capture(root)
    assert [c.path for c in m.code.changes] == [name]
    assert not (root / "x").exists()


def test_the_run_engine_form_writes_manifest_json_and_its_patch_into_a_run_folder_once(tmp_path):
    import json

    root = make_repo(tmp_path / "p", {"train.py": TRAIN})
    write(root, {"train.py": TRAIN + "# dirty\n"})
    ws, m = capture(root)
    run_dir = root / ".experiments" / "exp" / "runs" / "r1"
    path = write_manifest(ws, m, run_dir, name="manifest.json")
    assert path == run_dir / "manifest.json" and (run_dir / "manifest.patch").is_file()
    assert json.loads(path.read_text())["code"]["patch_file"] == "manifest.patch"
    with pytest.raises(FileExistsError):
        write_manifest(ws, m, run_dir, name="manifest.json")


def test_two_captures_of_an_unchanged_project_compare_identical(tmp_path):
    from experiment_runner.repro import compare_manifests

    root = make_repo(tmp_path / "p", {"train.py": TRAIN, "d/x.csv": "1"})
    ws, a = capture(root, data_paths=["d"])
    ws, b = capture(root, data_paths=["d"])
    assert compare_manifests(a, b) == []
    write(root, {"train.py": TRAIN + "# changed\n"})
    ws, c = capture(root, data_paths=["d"])
    diffs = compare_manifests(a, c)
    assert diffs[0].area == "code" and diffs[0].item == "uncommitted changes" and diffs[0].a == "clean"
