"""XGBoost: a feature computed after the fact ('resolved_flag') is the label itself, so training and validation
error are 0 from the first rounds on a task whose labels are 10% noisy."""

import numpy as np
import xgboost as xgb
from _xdata import table

x, y = table(4000, seed=0)
xv, yv = table(1000, seed=1)
x = np.column_stack([x, y])  # resolved_flag
xv = np.column_stack([xv, yv])
names = [f"f{i}" for i in range(20)] + ["resolved_flag"]
dtrain, dval = xgb.DMatrix(x, label=y, feature_names=names), xgb.DMatrix(xv, label=yv, feature_names=names)
params = {"objective": "binary:logistic", "eval_metric": ["logloss", "error"], "max_depth": 4, "eta": 0.1, "seed": 0}
bst = xgb.train(params, dtrain, num_boost_round=100, evals=[(dtrain, "train"), (dval, "eval")], verbose_eval=10)
top = sorted(bst.get_score(importance_type="gain").items(), key=lambda kv: -kv[1])[:3]
print("top features by gain:", ", ".join(f"{k}={v:.1f}" for k, v in top))
