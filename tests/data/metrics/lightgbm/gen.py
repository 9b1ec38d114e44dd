"""A LightGBM run as a new user writes one: lgb.train on synthetic binary data with a training and a valid set,
two metrics, logged every 10 rounds by the log_evaluation callback. Labels: record_evaluation (LightGBM's own)."""

import json

import lightgbm as lgb
import numpy as np

rng = np.random.default_rng(0)
x = rng.normal(size=(800, 6))
y = (x[:, 0] + rng.normal(scale=0.5, size=800) > 0).astype(int)
train = lgb.Dataset(x[:600], label=y[:600])
valid = lgb.Dataset(x[600:], label=y[600:], reference=train)
result = {}
params = {"objective": "binary", "metric": ["binary_logloss", "auc"], "learning_rate": 0.1, "num_leaves": 7, "verbose": -1}
lgb.train(
    params, train, num_boost_round=50, valid_sets=[train, valid], valid_names=["training", "valid_1"],
    callbacks=[lgb.log_evaluation(10), lgb.record_evaluation(result)],
)
with open("labels.json", "w") as f:
    json.dump({"source": "lightgbm record_evaluation", "evals_result": result, "period": 10}, f, indent=1)
