"""Writes data/train.csv, data/val.csv and data/test.csv: 4 overlapping Gaussian classes in 16 dimensions, seed 0.
Run once; the CSVs are committed so every checkout hashes to the same data version."""

import csv
import random
from pathlib import Path

N_TRAIN, N_VAL, N_TEST, DIM, CLASSES = 1200, 400, 400, 16, 4


def main() -> None:
    rng = random.Random(0)
    centers = [[rng.gauss(0, 1.0) for _ in range(DIM)] for _ in range(CLASSES)]

    def rows(n):
        out = []
        for _ in range(n):
            y = rng.randrange(CLASSES)
            x = [c + rng.gauss(0, 1.6) for c in centers[y]]
            out.append([f"{v:.5f}" for v in x] + [y])
        return out

    here = Path(__file__).parent / "data"
    here.mkdir(exist_ok=True)
    # test.csv is drawn last, so train.csv and val.csv are the same as before it was added
    for name, n in (("train.csv", N_TRAIN), ("val.csv", N_VAL), ("test.csv", N_TEST)):
        with open(here / name, "w", newline="") as f:
            w = csv.writer(f)
            w.writerow([f"x{i}" for i in range(DIM)] + ["label"])
            w.writerows(rows(n))


if __name__ == "__main__":
    main()
