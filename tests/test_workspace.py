"""Workspace roots: every path resolves inside them, symlinks included; client roots narrow them."""

from __future__ import annotations

import os

import pytest

from experiment_runner.errors import NotFound, OutsideWorkspace, UserError
from experiment_runner.workspace import Workspace, validate_experiment_name


def test_relative_paths_resolve_under_the_root(workspace):
    (workspace / "data").mkdir()
    ws = Workspace(workspace)
    assert ws.resolve("data") == workspace.resolve() / "data"
    assert ws.resolve("data/../data", kind="dir") == workspace.resolve() / "data"


def test_paths_outside_the_root_are_refused_with_the_allowed_roots_named(workspace):
    ws = Workspace(workspace)
    with pytest.raises(OutsideWorkspace) as e:
        ws.resolve("../elsewhere")
    assert "'../elsewhere'" in str(e.value) and str(workspace.resolve()) in str(e.value)
    with pytest.raises(OutsideWorkspace):
        ws.resolve("/etc/passwd")


def test_a_symlink_leading_outside_is_refused(workspace, tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_text("secret")
    os.symlink(outside, workspace / "link.txt")
    with pytest.raises(OutsideWorkspace) as e:
        Workspace(workspace).resolve("link.txt")
    assert "resolves to" in str(e.value)


def test_a_symlink_inside_the_workspace_is_followed(workspace):
    (workspace / "real").mkdir()
    os.symlink(workspace / "real", workspace / "alias")
    assert Workspace(workspace).resolve("alias") == (workspace / "real").resolve()


def test_existence_and_kind_are_checked_when_asked(workspace):
    (workspace / "f.txt").write_text("x")
    ws = Workspace(workspace)
    with pytest.raises(NotFound):
        ws.resolve("missing.txt", must_exist=True)
    with pytest.raises(UserError, match="is not a folder"):
        ws.resolve("f.txt", kind="dir")
    with pytest.raises(UserError, match="not a valid path"):
        ws.resolve("bad\x00name")


def test_client_roots_narrow_the_workspace(workspace, tmp_path):
    (workspace / "proj").mkdir()
    (workspace / "other").mkdir()
    ws = Workspace(workspace).narrowed([workspace / "proj"])
    assert ws.resolve("proj/x.py") == (workspace / "proj/x.py").resolve()
    with pytest.raises(OutsideWorkspace):
        ws.resolve("other/x.py")
    # a client root around the workspace keeps the workspace root itself, never more
    wide = Workspace(workspace).narrowed([tmp_path])
    assert wide.roots == [workspace.resolve()]
    with pytest.raises(OutsideWorkspace, match="none of the client's roots"):
        Workspace(workspace).narrowed([tmp_path / "unrelated"])


def test_the_store_must_stay_inside_the_workspace(workspace):
    (workspace / "experiment-runner.yaml").write_text("store: ../store\n")
    with pytest.raises(OutsideWorkspace, match="store"):
        Workspace(workspace).store_root


def test_experiment_names_are_validated():
    assert validate_experiment_name("cifar10-ls_0.1") == "cifar10-ls_0.1"
    for bad in ["", "..", "a/b", "-flag", "x" * 81, "sp ace"]:
        with pytest.raises(UserError):
            validate_experiment_name(bad)


def test_unknown_experiments_suggest_close_names(workspace):
    ws = Workspace(workspace)
    ws.experiment_dir("resnet-sweep", create=True)
    with pytest.raises(NotFound, match="did you mean 'resnet-sweep'"):
        ws.experiment_dir("resnet-swep", must_exist=True)
