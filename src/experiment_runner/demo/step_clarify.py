"""Demo step: read a loosely worded request for the width study, show the red flags its wording raises (with the
probes to ask back), the questions still open, and how answers narrow them."""

from __future__ import annotations

from experiment_runner.demo.driver import Demo

TITLE = "ask_clarifying_questions: what the request leaves open, and its red flags"

# Two red flags, both paraphrased: "the default settings" and "I'll know it when I see it".
REQUEST = (
    "I'd like to find out whether widening the hidden layer of the small MLP in examples/classify (16 -> 64 units) "
    "helps on the blobs data in data/train.csv. Keep the stock hyperparameters from train.py, and we'll just look "
    "at the curves and decide."
)

# What the person says when asked; the same facts the brief step writes down.
ANSWERS = {
    "success_criteria": "wide arm's mean val_acc exceeds the narrow arm's by at least 0.02 with p < 0.05",
    "baseline": "the same MLP with 16 hidden units, same epochs and learning rate",
    "seeds": "3 per arm",
    "model": "2-layer MLP, hidden 16 vs 64, lr 0.05, 8 epochs (those settings were checked on this data)",
}


async def run(demo: Demo) -> None:
    first = await demo.call("ask_clarifying_questions", {"request": REQUEST})
    demo.say(f'Request: "{REQUEST}"')
    demo.say("Answered by the request: " + ", ".join(f'{a["field"]} ("{a["evidence"]}")' for a in first["answered"]))
    demo.say(f"Red flags ({len(first['red_flags'])}), to raise first:")
    for f in first["red_flags"]:
        demo.say(f'- {f["id"]}: "{f["trigger"]}" -> ask: {f["probe"]}', indent=4)
    questions = [(g["title"], q) for g in first["groups"] for q in g["questions"]]
    demo.say(f"Open questions ({len(questions)}), most important first; the top ones:")
    for title, q in questions[:4]:
        demo.say(f"- [{title}] {q['question']}", indent=4)

    second = await demo.call("ask_clarifying_questions", {"request": REQUEST, "answers": ANSWERS})
    demo.say(
        f"With {len(ANSWERS)} answers: {len(second['answered'])} of 12 fields settled, "
        f"{len(second['red_flags'])} red flag(s) left, still open: {', '.join(second['missing']) or 'nothing'}."
    )
    demo.state["clarified_brief"] = second["brief"]
