"""Demo step: diagnose the run that failed on purpose (the mistyped --lr 40) and one healthy run, and print what
diagnose_failure found: the ranked findings with their evidence, causes, next steps and the cheapest experiment."""

from __future__ import annotations

from experiment_runner.demo.driver import Demo, DemoFailed

TITLE = "diagnose_failure: why the failing run failed, and that a healthy one is healthy"


def _show_finding(demo: Demo, f: dict, *, evidence: int = 4) -> None:
    demo.say(f"[{f['category']}] confidence {f['confidence']:.2f}: {f['headline']}")
    for e in f["evidence"][:evidence]:
        demo.say(f"evidence ({e['kind']}): {e['summary']}", indent=4)
    for c in f["likely_causes"][:2]:
        demo.say(f"cause: {c}", indent=4)
    for i, s in enumerate(f["next_steps"][:3], 1):
        demo.say(f"step {i}: {s}", indent=4)
    demo.say(f"cheapest next experiment: {f['cheapest_experiment']}", indent=4)
    if f.get("suggested_command"):
        demo.say(f"suggested command: {' '.join(f['suggested_command'])}", indent=4)


async def run(demo: Demo) -> None:
    failing = demo.state.get("failing_run")
    if not failing:
        raise DemoFailed(demo.step, "no failing run to diagnose: the launch step did not record one")
    out = await demo.call("diagnose_failure", {"run_id": failing})
    demo.say(out["summary"])
    scans = ", ".join(
        f"{s['stream']} {s['lines']} lines ({s['engine']}, {s['seconds'] * 1000:.1f} ms)" for s in out["scans"]
    )
    demo.say(f"read: {out['outcome']}; scanned {scans}")
    if not out["findings"]:
        raise DemoFailed(demo.step, f"diagnose_failure found nothing wrong with {failing}: {out['summary']}")
    for f in out["findings"][:2]:
        _show_finding(demo, f)
    if out["findings"][0]["category"] != "nan_or_inf_loss":
        raise DemoFailed(
            demo.step, f"expected nan_or_inf_loss first for {failing}, got {out['findings'][0]['category']}"
        )

    healthy = next((r for r in demo.state.get("runs", []) if r["state"] == "completed"), None)
    if healthy is None:
        raise DemoFailed(demo.step, "no completed run to compare with")
    ok = await demo.call("diagnose_failure", {"run_id": healthy["run_id"]})
    demo.say(ok["summary"])
    if not ok["healthy"] or ok["verdict"] != "healthy":
        raise DemoFailed(demo.step, f"the completed run {healthy['run_id']} was not judged healthy: {ok['summary']}")
    demo.state["diagnosis"] = {"run_id": failing, "category": out["findings"][0]["category"]}
