"""Demo step: launch 2 arms x 3 seeds of the example (one run with a mistyped learning rate that diverges on
purpose), watch them with a live one-line-per-run display, and print the table of how each ended."""

from __future__ import annotations

import time
from typing import Any

import anyio

from experiment_runner.demo.driver import Demo, DemoFailed

TITLE = "launch_training and get_run_status: 2 arms x 3 seeds, watched live"

BASE = ["python", "classify/train.py", "--config", "classify/config.yaml", "--seed", "{seed}"]
LAUNCHES = [
    ("narrow", BASE + ["--hidden", "16"], [0, 1, 2], None),
    ("wide", BASE + ["--hidden", "64"], [0, 1], None),
    # A mistyped learning rate (40 for 0.04): it diverges to NaN within the first epoch. Launched on purpose, so the
    # report has a failed run to account for and diagnose_failure has something to explain.
    ("wide", BASE + ["--hidden", "64", "--lr", "40"], [2], "the deliberately failing run: --lr 40 (a typo for 0.04)"),
]
WATCH_LIMIT_S = 150.0


def _fmt(v) -> str:
    return f"{v:.4f}" if isinstance(v, float) else str(v)


async def run(demo: Demo) -> None:
    from experiment_runner.runs.status import RunStatus, one_line, progress_key
    from experiment_runner.terminal import RunBoard

    experiment = demo.state.get("experiment", "demo-width")
    failing = None
    for arm, argv, seeds, note in LAUNCHES:
        out = await demo.call(
            "launch_training",
            {
                "experiment": experiment,
                "arm": arm,
                "command": argv,
                "seeds": seeds,
                "cwd": ".",
                "config_files": ["classify/config.yaml"],
                "data_paths": ["classify/data"],
            },
        )
        demo.say(f"{out['summary']} ({out['launch_seconds']:.2f} s)")
        if note:
            failing = out["runs"][0]["run_id"]
            demo.say(f"  {failing}: {note}", indent=2)
    pre = out["preflight"]
    demo.say(
        f"Preflight: brief {pre['brief'].split(' (')[0]}; sanity checks {pre['sanity_checks'].split(' (')[0]}; "
        f"manifests {pre['manifests'].split(',')[0]}."
    )

    board = RunBoard()
    started = time.monotonic()
    status = None
    while time.monotonic() - started < WATCH_LIMIT_S:
        status = await demo.call("get_run_status", {"experiment": experiment, "curve_points": 0, "log_lines": 0})
        runs = [RunStatus.model_validate(r) for r in status["runs"]]
        board.update(
            [one_line(r, "val_acc") for r in runs] + [status["summary"]],
            keys=[progress_key(r) for r in runs] + [status["summary"]],
            force=status["all_ended"],
        )
        if status["all_ended"]:
            break
        await anyio.sleep(1.0)
    board.close()
    if status is None or not status["all_ended"]:
        raise DemoFailed(demo.step, f"runs still going after {WATCH_LIMIT_S:.0f} s: {status and status['summary']}")

    final = await demo.call("get_run_status", {"experiment": experiment, "curve_points": 0, "log_lines": 3})
    demo.out("")
    header = f"  {'run':<22} {'arm':<7} {'seed':>4}  {'state':<10} {'val_acc':>8}  health"
    demo.out(header)
    demo.out("  " + "-" * (len(header) - 2))
    finished: list[dict[str, Any]] = []
    for r in final["runs"]:
        acc = r["latest"].get("val_acc", {}).get("value", "-")
        health = (
            ", ".join(f"{h['code']}" + (f"@{h['step']}" if h.get("step") is not None else "") for h in r["health"])
            or "ok"
        )
        demo.out(f"  {r['run_id']:<22} {r['arm']:<7} {r['seed']:>4}  {r['state']:<10} {_fmt(acc):>8}  {health}")
        finished.append({"run_id": r["run_id"], "arm": r["arm"], "seed": r["seed"], "state": r["state"]})
    bad = next((r for r in final["runs"] if r["run_id"] == failing), None)
    if bad is None or bad["state"] != "failed":
        raise DemoFailed(demo.step, f"the deliberately failing run {failing} did not fail: {bad and bad['state']}")
    others = [r for r in final["runs"] if r["run_id"] != failing and r["state"] != "completed"]
    if others:
        raise DemoFailed(
            demo.step,
            "runs that should have completed did not: "
            + ", ".join(f"{r['run_id']} {r['state']} ({r['reason']})" for r in others),
        )
    demo.out("")
    demo.say(f"{failing} failed as intended: {bad['reason']}")
    tail = bad["logs"].get("stderr") or bad["logs"].get("stdout")
    if tail:
        demo.say(f"its last output: {tail['text'].splitlines()[-1]}")
    demo.state["runs"] = finished
    demo.state["failing_run"] = failing
    demo.wrote(
        f"{final['runs'][0]['run_dir'].rsplit('/', 1)[0]}/",
        f"{len(finished)} run records: spec, state, logs, metrics, telemetry, health, manifest",
    )
