"""Synthetic image-like data for the Keras scripts: 10 classes, each a fixed random template plus noise."""

import numpy as np


def templates(n: int, classes: int = 10, d: int = 64, noise: float = 1.0, seed: int = 0):
    base = np.random.default_rng(1234).normal(size=(classes, d)).astype("float32")
    g = np.random.default_rng(seed)
    y = g.integers(0, classes, size=n)
    x = base[y] + noise * g.normal(size=(n, d)).astype("float32")
    return x.astype("float32"), y
