"""Clarifying-interview quality: analyze_request() on the hand-labelled requests in tests/data/requests.yaml, side
by side with a naive baseline (a red flag only on the issue's literal phrase; a field "answered" whenever its keyword is
mentioned, e.g. "dataset" or "seed").

    python bench/interview_quality.py [--mistakes]

Prints red-flag precision / recall (micro, and per flag), answered-field accuracy over every request x field
decision (and per field), per labelled set, and the time per analyze_request() call. The `holdout*` sets were labelled
before the analyzer first saw them; their first measurements are recorded at the top of the requests file (they
were used to broaden the patterns afterwards, so today's figures on them are not held-out figures)."""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from experiment_runner.interview import AnsweredField, RedFlag, RequestAnalysis, analyze_request  # noqa: E402
from experiment_runner.interview.catalog import FIELD_IDS, FLAG_IDS  # noqa: E402
from experiment_runner.interview.quality import Case, Score, load_cases, score  # noqa: E402

# The baseline: the literal phrases, and a keyword per field (mentioned = answered).
LITERAL = {
    "just_run_it": r"just run it and see",
    "default_settings": r"use the default settings",
    "compare_against": r"compare against",
    "know_it_when_i_see_it": r"i'll know it when i see it",
    "should_work": r"it should work",
    "run_overnight": r"run it overnight",
}
KEYWORDS = {
    "goal": r"\bgoal\b|\bwant\b",
    "hypothesis": r"\bhypothes|\bexpect",
    "success_criteria": r"\bsuccess\b|\bthreshold\b",
    "dataset": r"\bdata(?:set)?\b",
    "splits": r"\bsplit|\bvalidation\b|\btest set\b",
    "model": r"\bmodel\b",
    "baseline": r"\bbaseline\b|\bcompar",
    "primary_metric": r"\bmetric\b|\baccuracy\b",
    "seeds": r"\bseeds?\b",
    "compute": r"\bgpus?\b|\bcpus?\b",
    "deadline": r"\bdeadline\b|\bby (?:monday|tuesday|wednesday|thursday|friday)\b",
    "fallback_plan": r"\bfallback\b|\bplan b\b|\bif it (?:doesn't|fails)\b",
}


def baseline(text: str) -> RequestAnalysis:
    low = text.lower()
    flags = [
        RedFlag(id=f, trigger=LITERAL[f], source="request", phrase="", probe="", why="", relates_to="goal")
        for f in FLAG_IDS
        if re.search(LITERAL[f], low)
    ]
    answered = [AnsweredField(field=f, evidence="", source="request") for f in FIELD_IDS if re.search(KEYWORDS[f], low)]
    return RequestAnalysis(answered=answered, missing=[], groups=[], red_flags=flags)


def run(cases: list[Case], fn) -> Score:
    return score(cases, fn)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mistakes", action="store_true", help="list every misclassified case")
    args = ap.parse_args()

    cases = load_cases(REPO / "tests" / "data" / "requests.yaml")
    analyze_request("warm up: compile the patterns once")
    started = time.perf_counter()
    ours = run(cases, analyze_request)
    per_call_ms = (time.perf_counter() - started) / len(cases) * 1000
    base = run(cases, baseline)

    print(f"Clarifying interview on {len(cases)} hand-labelled requests (tests/data/requests.yaml)\n")
    print(f"{'':34}{'ours':>12}{'baseline':>12}")
    print(f"{'red-flag precision (micro)':34}{ours.flags.precision:>12.3f}{base.flags.precision:>12.3f}")
    print(f"{'red-flag recall (micro)':34}{ours.flags.recall:>12.3f}{base.flags.recall:>12.3f}")
    print(f"{'answered-field accuracy':34}{ours.accuracy:>12.3f}{base.accuracy:>12.3f}")
    print(f"{'  (decisions)':34}{ours.field_decisions:>12}{base.field_decisions:>12}")
    print(f"{'time per analyze_request() call':34}{per_call_ms:>10.2f}ms")

    print(f"\n{'per set':12}{'n':>5}{'flag P':>9}{'flag R':>9}{'field acc':>11}   {'baseline P':>10}{'R':>7}{'acc':>7}")
    for name in sorted({c.set for c in cases}, key=lambda s: (s != "dev", s)):
        subset = [c for c in cases if c.set == name]
        o, b = run(subset, analyze_request), run(subset, baseline)
        print(
            f"{name:12}{len(subset):>5}{o.flags.precision:>9.3f}{o.flags.recall:>9.3f}{o.accuracy:>11.3f}"
            f"   {b.flags.precision:>10.3f}{b.flags.recall:>7.3f}{b.accuracy:>7.3f}"
        )

    print(f"\n{'per flag':24}{'labelled':>9}{'P':>8}{'R':>8}   {'baseline P':>10}{'R':>7}")
    for f in FLAG_IDS:
        o, b = ours.per_flag[f], base.per_flag[f]
        print(f"{f:24}{o.tp + o.fn:>9}{o.precision:>8.3f}{o.recall:>8.3f}   {b.precision:>10.3f}{b.recall:>7.3f}")

    print(f"\n{'per field':18}{'answered':>9}{'accuracy':>10}   {'baseline':>9}")
    for f in FIELD_IDS:
        labelled = sum(1 for c in cases if f in c.answered)
        ours_f, base_f = ours.per_field_correct[f] / len(cases), base.per_field_correct[f] / len(cases)
        print(f"{f:18}{labelled:>9}{ours_f:>10.3f}   {base_f:>9.3f}")

    if args.mistakes:
        print("\nmisclassified by analyze_request():")
        for m in ours.mistakes:
            print(f"  {m}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
