"""Demo step: make the example a git repository, change one file without committing, and check reproducibility:
the checklist shows the seeding found in the code, the commit and the dirty patch, the data hashes, the
environment and the config. A second check after another change is compared with the first."""

from __future__ import annotations

import subprocess
from pathlib import Path

from experiment_runner.demo.driver import Demo, DemoFailed

TITLE = "check_reproducibility: commit, dirty the tree, see the checklist and the patch; compare two manifests"

_GIT_ID = [
    "-c",
    "user.name=experiment-runner demo",
    "-c",
    "user.email=demo@example.invalid",
    "-c",
    "commit.gpgsign=false",
    "-c",
    "core.hooksPath=/dev/null",
]


def _git(demo: Demo, *args: str) -> str:
    proc = subprocess.run(
        ["git", *_GIT_ID, *args],
        cwd=demo.ws,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=60,
        check=False,  # a failure is reported with git's own words below
    )
    if proc.returncode != 0:
        raise DemoFailed(demo.step, f"git {' '.join(args)} failed: {proc.stderr.strip()}")
    return proc.stdout


def _replace(path: Path, old: str, new: str, demo: Demo) -> None:
    text = path.read_text(encoding="utf-8")
    if old not in text:
        raise DemoFailed(demo.step, f"{path} does not contain {old!r}; the example changed")
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


async def run(demo: Demo) -> None:
    ws = demo.ws
    if not (ws / ".git").exists():
        gitignore = ws / ".gitignore"
        if not gitignore.exists():
            gitignore.write_text(".experiments/\n__pycache__/\n", encoding="utf-8")
        _git(demo, "init", "-q", "-b", "main")
        _git(demo, "add", "--", ".gitignore", "README.md", "classify")
        _git(demo, "commit", "-q", "-m", "example project")
    commit = _git(demo, "rev-parse", "--short", "HEAD").strip()
    demo.say(f"Made the workspace a git repository and committed the example ({commit}).")
    _replace(ws / "classify" / "config.yaml", "hidden: 16", "hidden: 32", demo)
    demo.say("Changed classify/config.yaml (hidden: 16 -> 32) without committing.")

    args = {
        "project": "classify",
        "cwd": "classify",
        "command": ["python", "train.py", "--config", "config.yaml", "--seed", "0"],
        "config_files": ["classify/config.yaml"],
        "data_paths": ["classify/data"],
        "experiment": demo.state.get("experiment", "demo-width"),
        "env": {"PYTHONHASHSEED": "0"},
    }
    first = await demo.call("check_reproducibility", args, progress=True)
    demo.say(first["summary"])
    for item in first["checklist"]:
        mark = {"passed": "ok  ", "warning": "WARN", "failed": "FAIL"}[item["status"]]
        demo.say(f"[{mark}] {item['id']}: {item['evidence']}", indent=4)
        if item.get("fix") and item["status"] != "passed":
            demo.say(f"       fix: {item['fix']}", indent=4)
    if not first["patch_path"]:
        raise DemoFailed(demo.step, "the tree was changed but no patch was saved")
    patch = (ws / first["patch_path"]).read_text(encoding="utf-8")
    demo.say(f"The patch ({first['patch_path']}) re-creates the change from commit {commit}:")
    for line in patch.splitlines():
        if line.startswith(("+", "-")) and not line.startswith(("+++", "---")):
            demo.say(line, indent=6)
    demo.state["manifest"] = first["manifest_path"]
    demo.wrote(first["manifest_path"], "reproducibility manifest")
    demo.wrote(first["patch_path"], "the uncommitted change as a patch, its sha256 in the manifest")

    _replace(ws / "classify" / "config.yaml", "learning_rate: 0.05", "learning_rate: 0.1", demo)
    second = await demo.call("check_reproducibility", {**args, "command": [*args["command"][:-1], "1"]})
    demo.say("Changed the learning rate too and checked again with --seed 1; comparing the two manifests:")
    cmp = await demo.call("compare_manifests", {"a": first["manifest_path"], "b": second["manifest_path"]})
    for d in cmp["differences"][:6]:
        demo.say(f"- {d['area']} {d['item']}: {d['a']} -> {d['b']} ({d['why']})", indent=4)
    _replace(ws / "classify" / "config.yaml", "learning_rate: 0.1", "learning_rate: 0.05", demo)
    _replace(ws / "classify" / "config.yaml", "hidden: 32", "hidden: 16", demo)
    demo.say("Restored classify/config.yaml, so the steps after this one start from the committed example.")
    demo.state["manifest_second"] = second["manifest_path"]
    demo.wrote(second["manifest_path"], "second manifest (compared with the first)")
