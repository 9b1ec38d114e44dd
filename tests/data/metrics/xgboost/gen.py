"""An XGBoost run as a new user writes one: xgb.train on synthetic multiclass data with a train and a valid
watchlist, two eval metrics, printed every 5 rounds. Labels: evals_result (XGBoost's own record)."""

import json

import numpy as np
import xgboost as xgb

rng = np.random.default_rng(0)
x = rng.normal(size=(600, 6))
y = (x[:, 0] > 0).astype(int) + (x[:, 1] > 0.5).astype(int)
dtrain = xgb.DMatrix(x[:450], label=y[:450])
dvalid = xgb.DMatrix(x[450:], label=y[450:])
params = {"objective": "multi:softprob", "num_class": 3, "eval_metric": ["mlogloss", "merror"], "max_depth": 3, "eta": 0.3}
print("params:", params)
evals_result = {}
booster = xgb.train(
    params, dtrain, num_boost_round=30, evals=[(dtrain, "train"), (dvalid, "valid")],
    evals_result=evals_result, verbose_eval=5,
)
with open("labels.json", "w") as f:
    json.dump({"source": "xgboost evals_result", "evals_result": evals_result, "verbose_eval": 5}, f, indent=1)
