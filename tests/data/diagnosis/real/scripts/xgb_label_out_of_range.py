"""XGBoost multi-class: the labels run 1..5 (a 1-based export) but num_class is 5, so label 5 is out of range."""

import numpy as np
import xgboost as xgb

g = np.random.default_rng(0)
x = g.normal(size=(1000, 10))
y = np.digitize(x[:, 0], [-1, -0.3, 0.3, 1]) + 1  # 1..5
dtrain = xgb.DMatrix(x, label=y)
params = {"objective": "multi:softprob", "num_class": 5, "eval_metric": "mlogloss", "seed": 0}
xgb.train(params, dtrain, num_boost_round=50, evals=[(dtrain, "train")], verbose_eval=10)
