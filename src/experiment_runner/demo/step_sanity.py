"""Demo step: sanity-check the example model (classify/model.py:build) before any training run: every check, the
learning-rate range test included, in a child process with the workspace's interpreter; the verdict table."""

from __future__ import annotations

from experiment_runner.demo.driver import Demo, DemoFailed

TITLE = "run_sanity_checks: data, shapes, loss at init, gradients, overfit one batch, baselines, overlap, lr range"

ENTRYPOINT = "classify/model.py:build"


async def run(demo: Demo) -> None:
    experiment = demo.state.get("experiment", "demo-width")
    out = await demo.call(
        "run_sanity_checks",
        {"entrypoint": ENTRYPOINT, "experiment": experiment, "lr_range_test": True},
        progress=True,
    )
    demo.say(out["summary"])
    width = max(len(c["name"]) for c in out["checks"])
    for c in out["checks"]:
        shown = c["observed"] if c["status"] in ("passed", "failed") and c.get("observed") else c["message"]
        demo.say(f"{c['name']:<{width}}  {c['status']:<7}  {shown}", indent=4)
    lr = next((c for c in out["checks"] if c["name"] == "lr_range_test"), None)
    if lr and lr["status"] == "passed":
        demo.say(f"Learning-rate range test: {lr['message']}.")
    t = out["timings"]
    demo.say(
        f"Device {out['device_used']} ({out['device_name']}); {t.get('wall', 0):.1f} s in all, of which "
        f"{t.get('startup', 0) + t.get('import_torch', 0):.1f} s starting Python and torch; memory cap "
        f"{out['memory'].get('mode')}, peak {out['memory'].get('peak_rss_mb')} MiB."
    )
    if out["verdict"] != "passed":
        raise DemoFailed(
            demo.step, f"the example model should pass its sanity checks; got {out['verdict']}:\n{out['table']}"
        )
    demo.state["sanity"] = {
        "verdict": out["verdict"],
        "path": out["path"],
        "checks": {c["name"]: c["status"] for c in out["checks"]},
    }
    demo.wrote(out["path"], "the sanity-check record launch_training's preflight and the report cite")
