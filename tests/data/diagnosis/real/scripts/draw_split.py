"""Assign every labelled case of ../labels.yaml to `tune` or `heldout` and write the `split` section at the end
of labels.yaml (replacing an earlier one). Run once, after all cases are labelled and committed.

    python tests/data/diagnosis/real/scripts/draw_split.py [--seed 1313] [--heldout 0.4]

Stratified by expected category and source: within each category the cases of each source are shuffled with the
seed and interleaved, the source least held out so far first; the category's number of held-out cases comes from
a systematic sample with a seeded random start (floor or ceil of fraction x n, the total near fraction x N), kept
between 1 and n - 1 for a category with two or more cases so that each such category is in both parts; the first
k of the interleaved order are held out."""

from __future__ import annotations

import argparse
import math
import random
from collections import Counter, defaultdict
from itertools import zip_longest
from pathlib import Path

import yaml

LABELS = Path(__file__).resolve().parent.parent / "labels.yaml"
MARKER = "# ---- split: written by scripts/draw_split.py; do not edit by hand ----"


def draw(cases: dict, seed: int, fraction: float) -> dict[str, list[str]]:
    rng = random.Random(seed)
    by_category: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for name, entry in cases.items():
        by_category[entry["expected"]][entry["source"]].append(name)
    position = rng.random()  # systematic sampling: a seeded start, then `fraction` of a case per case
    split: dict[str, list[str]] = {"tune": [], "heldout": []}
    totals = Counter(entry["source"] for entry in cases.values())
    held: Counter[str] = Counter()
    for category in sorted(by_category):
        sources = by_category[category]
        for source in sorted(sources):
            sources[source].sort()
            rng.shuffle(sources[source])
        # interleave the sources, the one least held out so far first, so that both parts mix runs and pastes
        first = sorted(sources, key=lambda s: (held[s] / totals[s], s))
        order = [n for group in zip_longest(*(sources[s] for s in first)) for n in group if n]
        n = len(order)
        k = math.floor(position + n * fraction) - math.floor(position)
        position += n * fraction
        if n >= 2:
            k = min(max(k, 1), n - 1)
        split["heldout"].extend(order[:k])
        held.update(cases[name]["source"] for name in order[:k])
        split["tune"].extend(order[k:])
    return {part: sorted(names) for part, names in split.items()}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=1313)
    ap.add_argument("--heldout", type=float, default=0.4)
    args = ap.parse_args()
    text = LABELS.read_text()
    body = text.split(MARKER)[0].rstrip() + "\n"
    cases = yaml.safe_load(body)["cases"]
    split = draw(cases, args.seed, args.heldout)
    section = {
        "split": {
            "seed": args.seed,
            "heldout_fraction": args.heldout,
            "method": "stratified by expected category and source (scripts/draw_split.py): per category, the cases "
            "of each source shuffled with random.Random(seed) and interleaved, the source least held out so far "
            "first; the category's held-out count from a systematic sample with a seeded start, kept between 1 and "
            "n-1 when n >= 2; the first k held out. Drawn after the labels were committed and before any scoring; "
            "two earlier draws (strata ordered systematically with no per-category minimum, which left "
            "data_leakage and shape_mismatch out of the held-out part; then one that held out pastes first) were "
            "replaced for those structural reasons before anything was scored",
            "tune": split["tune"],
            "heldout": split["heldout"],
        }
    }
    dumped = yaml.safe_dump(section, sort_keys=False, width=120)
    LABELS.write_text(body + "\n" + MARKER + "\n" + dumped)
    print(f"tune {len(split['tune'])}, heldout {len(split['heldout'])} of {len(cases)}")


if __name__ == "__main__":
    main()
