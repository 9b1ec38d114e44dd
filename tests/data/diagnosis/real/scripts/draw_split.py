"""Assign every labelled case of ../labels.yaml to `tune` or `heldout` and write the `split` section at the end
of labels.yaml (replacing an earlier one). Run once, after all cases are labelled and committed.

    python tests/data/diagnosis/real/scripts/draw_split.py [--seed 1313] [--heldout 0.4]

Stratified by (expected category, source): the cases are ordered by stratum and, within a stratum, by a seeded
shuffle of their names; a systematic sample with a seeded random start then takes every 1/fraction-th position as
held out. Each stratum of n cases gets floor or ceil of fraction x n held-out cases, and the whole corpus gets
round(fraction x N)."""

from __future__ import annotations

import argparse
import math
import random
from collections import defaultdict
from pathlib import Path

import yaml

LABELS = Path(__file__).resolve().parent.parent / "labels.yaml"
MARKER = "# ---- split: written by scripts/draw_split.py; do not edit by hand ----"


def draw(cases: dict, seed: int, fraction: float) -> dict[str, list[str]]:
    rng = random.Random(seed)
    strata: dict[tuple[str, str], list[str]] = defaultdict(list)
    for name, entry in cases.items():
        strata[(entry["expected"], entry["source"])].append(name)
    order: list[str] = []
    for key in sorted(strata):
        names = sorted(strata[key])
        rng.shuffle(names)
        order.extend(names)
    start = rng.random()
    split: dict[str, list[str]] = {"tune": [], "heldout": []}
    for i, name in enumerate(order):
        taken = math.floor(start + (i + 1) * fraction) - math.floor(start + i * fraction)
        split["heldout" if taken else "tune"].append(name)
    return {k: sorted(v) for k, v in split.items()}


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
            "method": "stratified by (expected, source): cases ordered by stratum, names shuffled within a stratum "
            "with random.Random(seed), then a systematic sample from a seeded random start takes every "
            f"{1 / args.heldout:g}-th position as held out (scripts/draw_split.py)",
            "tune": split["tune"],
            "heldout": split["heldout"],
        }
    }
    dumped = yaml.safe_dump(section, sort_keys=False, width=120)
    LABELS.write_text(body + "\n" + MARKER + "\n" + dumped)
    print(f"tune {len(split['tune'])}, heldout {len(split['heldout'])} of {len(cases)}")


if __name__ == "__main__":
    main()
