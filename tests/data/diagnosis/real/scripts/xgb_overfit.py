"""XGBoost: deep trees, no regularisation, 400 rounds on 600 noisy rows: the training logloss goes to ~0 while
the validation logloss bottoms out early and then climbs."""

import xgboost as xgb
from _xdata import table

x, y = table(600, seed=0, flip=0.25)
xv, yv = table(2000, seed=1, flip=0.25)
dtrain, dval = xgb.DMatrix(x, label=y), xgb.DMatrix(xv, label=yv)
params = {
    "objective": "binary:logistic",
    "eval_metric": "logloss",
    "max_depth": 12,
    "eta": 0.3,
    "min_child_weight": 0,
    "lambda": 0,
    "seed": 0,
}
xgb.train(params, dtrain, num_boost_round=400, evals=[(dtrain, "train"), (dval, "validation")], verbose_eval=20)
