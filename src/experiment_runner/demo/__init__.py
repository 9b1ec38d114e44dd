"""`experiment-runner demo`: a fresh workspace, the real server over stdio, a real MCP client, and every tool
that exists driven in workflow order. Each tool adds its own step module here."""

from __future__ import annotations

import importlib
import sys
import time
from pathlib import Path

from experiment_runner.demo.driver import Demo, DemoFailed, create_workspace

#: Steps in workflow order; each module has TITLE and `async def run(demo: Demo) -> None`.
STEPS = (
    "step_clarify",
    "step_brief",
    "step_repro",
    "step_sanity",
    "step_launch",
    "step_diagnose",
    "step_report",
)


def run_demo(dest: Path | None = None) -> int:
    import anyio

    ws = create_workspace(dest)
    demo = Demo(ws)
    demo.out(f"experiment-runner demo: workspace {ws}")
    started = time.monotonic()
    try:
        anyio.run(demo.drive, [importlib.import_module(f"experiment_runner.demo.{s}") for s in STEPS])
    except DemoFailed as e:
        demo.out(f"\nDEMO FAILED at step '{e.step}': {e}")
        return 1
    demo.out(f"\nDone in {time.monotonic() - started:.0f} s. Everything was written under {ws}:")
    for line in demo.written:
        demo.out(f"  {line}")
    return 0


__all__ = ["run_demo", "STEPS", "Demo"]
_ = sys
