"""Synthetic tabular data for the XGBoost scripts: 20 features, a binary label from a noisy rule."""

import numpy as np


def table(n: int, seed: int = 0, flip: float = 0.1):
    g = np.random.default_rng(seed)
    x = g.normal(size=(n, 20))
    score = x[:, 0] + 0.8 * x[:, 1] * x[:, 2] - 0.5 * x[:, 3] ** 2 + 0.3 * x[:, 4]
    y = (score > 0).astype(int)
    flipped = g.random(n) < flip
    y[flipped] = 1 - y[flipped]
    return x, y
