"""Demo step: draft a brief with gaps (its problems listed), complete it, pre-register it."""

from __future__ import annotations

from experiment_runner.demo.driver import Demo

TITLE = "draft_brief: write the brief, see its problems, pre-register it"

EXPERIMENT = "demo-width"

FIRST_DRAFT = {
    "goal": "Find out whether a wider hidden layer improves a small MLP classifier on the example dataset.",
    "hypothesis": "Widening the hidden layer from 16 to 64 units raises validation accuracy.",
    "success_criteria": "it should work better",
    "data": {"dataset": "examples/classify synthetic blobs v1 (data/train.csv, data/val.csv)"},
    "model": {"architecture": "2-layer MLP", "hyperparameters": {"hidden": 16, "lr": 0.05, "epochs": 8}},
    "metrics": {"primary": "val_acc", "secondary": ["val_loss"]},
    "constraints": {"seeds": 2},
}

COMPLETION = {
    "success_criteria": "wide arm's mean val_acc exceeds the narrow arm's by at least 0.02 with p < 0.05",
    "data": {
        "size": "1,200 train / 400 validation rows, 16 features, 4 classes",
        "splits": "fixed files, split seed 0",
    },
    "baseline": "the same MLP with 16 hidden units (arm 'narrow'), same epochs and learning rate",
    "constraints": {"compute": "CPU, under 1 minute per run", "time": "today", "seeds": 3},
    "if_wrong": "keep the narrow model; try depth instead of width",
    "analysis": {"higher_is_better": True, "aggregation": "final", "test": "welch_t"},
}


async def run(demo: Demo) -> None:
    first = await demo.call("draft_brief", {"experiment": EXPERIMENT, "brief": FIRST_DRAFT})
    demo.say(first["summary"])
    for p in first["problems"]:
        demo.say(f"- {p['code']}: {p['message']}", indent=4)
    refused = await demo.call_expecting_error("draft_brief", {"experiment": EXPERIMENT, "confirm": True})
    demo.say("Confirming now is refused: " + refused.splitlines()[0])
    done = await demo.call("draft_brief", {"experiment": EXPERIMENT, "brief": COMPLETION, "confirm": True})
    demo.say(done["summary"])
    demo.state["experiment"] = EXPERIMENT
    demo.state["brief"] = done["brief"]
    demo.wrote(done["path"], "the pre-registered brief; earlier drafts are kept beside it")
