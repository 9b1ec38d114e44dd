"""The demo, the main job of the quickstart: installed from a built wheel (as `pip install .` does), run as a
subprocess into a fresh folder, every step through the real server over stdio."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """The project built into a wheel and unpacked into its own folder (dependencies come from this venv)."""
    tmp = tmp_path_factory.mktemp("wheel")
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp / "dist"),
            str(REPO),
        ],
        check=False,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert build.returncode == 0, build.stderr[-3000:]
    [wheel] = list((tmp / "dist").glob("*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "experiment_runner/_examples/classify/train.py" in names
    assert "experiment_runner/_skill/SKILL.md" in names
    target = tmp / "site"
    install = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
        check=False,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert install.returncode == 0, install.stderr[-3000:]
    return target


def test_the_demo_runs_every_step_from_an_installed_wheel(installed, tmp_path):
    env = {**os.environ, "PYTHONPATH": str(installed)}
    where = subprocess.run(
        [sys.executable, "-c", "import experiment_runner, sys; print(experiment_runner.__file__)"],
        check=False,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert where.stdout.startswith(str(installed)), where.stdout + where.stderr
    dest = tmp_path / "demo"
    proc = subprocess.run(
        [sys.executable, "-m", "experiment_runner", "demo", "--dir", str(dest)],
        check=False,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        cwd=tmp_path,
    )
    out = proc.stdout
    assert proc.returncode == 0, out[-4000:] + proc.stderr[-4000:]
    for tool in (
        "ask_clarifying_questions",
        "draft_brief",
        "check_reproducibility",
        "run_sanity_checks",
        "launch_training",
        "diagnose_failure",
        "compile_report",
    ):
        assert f". {tool}" in out, f"no demo step for {tool}"
    assert "Red flags (2)" in out
    assert "is pre-registered" in out
    assert "Sanity checks PASSED" in out
    assert "failed as intended" in out and "nan_or_inf_loss" in out and "from 40 to 4" in out
    assert "S01 below_min_seeds" in out and "Report of demo-width written" in out
    reports = list((dest / ".experiments/demo-width/reports").glob("*/report.md"))
    assert len(reports) == 1 and (reports[0].parent / "figures").is_dir()
    assert len(list((dest / ".experiments/demo-width/runs").iterdir())) == 6


def test_the_demo_never_overwrites_a_folder_with_something_in_it(installed, tmp_path):
    dest = tmp_path / "taken"
    dest.mkdir()
    (dest / "keep.txt").write_text("mine")
    proc = subprocess.run(
        [sys.executable, "-m", "experiment_runner", "demo", "--dir", str(dest)],
        check=False,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(installed)},
        timeout=120,
    )
    assert proc.returncode == 2 and "never overwrites" in proc.stderr
    assert (dest / "keep.txt").read_text() == "mine"
