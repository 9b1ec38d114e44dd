"""Demo step: compile the report. The first call is refused (the wide arm has 2 completed seeds of 3 because one run
diverged on purpose, below the brief's minimum of 3: soft rules S01 and S02); the second waives them with a written
reason and writes report.md, report.json and the figures. Then check_report lints the written report (clean) and a
hand-edited copy that drops the spread and claims a win (flagged)."""

from __future__ import annotations

from experiment_runner.demo.driver import Demo, DemoFailed

TITLE = "compile_report and check_report: a refused report, a waiver, the report and its figures, a lint"

WAIVERS = [
    {
        "code": "S01",
        "reason": "wide seed 2 was launched with --lr 40 on purpose and diverged; it is listed under Failed Attempts",
    },
    {"code": "S02", "reason": "the arms differ in completed seeds only because that one wide run diverged"},
]


def _section(markdown: str, heading: str, lines: int) -> list[str]:
    body = markdown.split(f"## {heading}\n", 1)[-1].split("\n## ", 1)[0]
    return [ln for ln in body.strip().splitlines() if ln.strip()][:lines]


async def run(demo: Demo) -> None:
    experiment = demo.state.get("experiment", "demo-width")
    refused = await demo.call_expecting_error("compile_report", {"experiment": experiment})
    demo.say("First attempt, without waivers, is refused:")
    for line in refused.splitlines():
        if line.startswith(("compile_report refused", "- ", "    evidence:", "    fix:")):
            demo.out("    " + line.strip())
    if "S01 below_min_seeds" not in refused:
        raise DemoFailed(
            demo.step, f"expected S01 (fewer completed seeds than the brief's minimum) in the refusal: {refused[:400]}"
        )

    out = await demo.call("compile_report", {"experiment": experiment, "waivers": WAIVERS})
    demo.say(out["summary"])
    md = out["markdown"]
    demo.say("Results (every value mean ± std over completed seeds):")
    for line in _section(md, "Results", 4):
        demo.out("    " + line)
    for c in out["comparisons"]:
        demo.say(c["verdict"], indent=4)
    demo.say("Failed Attempts:")
    for line in _section(md, "Failed Attempts", 4)[2:]:
        demo.out("    " + line)
    demo.wrote(out["report_dir"] + "/report.md", f"the report ({out['label']}), with report.json beside it")
    figures = [f for f in out["files"] if "/figures/" in f]
    demo.wrote(out["report_dir"] + "/figures/", ", ".join(f.rsplit("/", 1)[1] for f in figures))
    if not any(f.endswith("curves_val_acc.png") for f in figures):
        raise DemoFailed(demo.step, f"no learning-curve figure was written: {figures}")

    clean = await demo.call("check_report", {"report_path": out["report_dir"] + "/report.md", "experiment": experiment})
    demo.say(f"check_report on the written report: {clean['summary']}")
    wide = next(r for r in out["results"] if r["arm"] == "wide" and r["metric"] == "val_acc")
    narrow = next(r for r in out["results"] if r["arm"] == "narrow" and r["metric"] == "val_acc")
    edited = (
        "# Width\n\n## Hypothesis\n\nA wider hidden layer is at least as good.\n\n## Results\n\n"
        f"The wide model reaches {wide['max']:.4f} and significantly outperforms the narrow one "
        f"({narrow['mean']:.4f}).\n"
    )
    flagged = await demo.call("check_report", {"report": edited, "experiment": experiment})
    demo.say(f"check_report on a hand-edited version: {flagged['summary']}")
    for f in flagged["findings"]:
        demo.say(f"{f['code']} {f['name']} (line {f['line']}): {f['message']}", indent=4)
    if flagged["ok"]:
        raise DemoFailed(demo.step, "check_report found nothing wrong with the hand-edited report")
