"""LightGBM regression with a small learning rate on a noisy target: the held-out RMSE falls by a little at every
logged round for hundreds of rounds (healthy). stdout.log keeps the rounds from 450 on (awk), as a paste from mid-run; full.log is the whole run."""

import sys

import lightgbm as lgb
import numpy as np

rng = np.random.default_rng(0)
X = rng.normal(size=(4000, 20))
y = X[:, 0] * 0.8 + np.sin(X[:, 1]) + 0.5 * X[:, 2] * X[:, 3] + rng.normal(scale=1.5, size=4000)
train = lgb.Dataset(X[:3000], y[:3000])
valid = lgb.Dataset(X[3000:], y[3000:], reference=train)
params = {"objective": "regression", "metric": "rmse", "learning_rate": 0.005, "num_leaves": 15, "verbose": -1}
lgb.train(
    params,
    train,
    num_boost_round=950,
    valid_sets=[train, valid],
    valid_names=["train_loss", "eval"],
    callbacks=[lgb.log_evaluation(25)],
)
