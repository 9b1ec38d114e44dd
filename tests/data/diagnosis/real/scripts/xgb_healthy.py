"""XGBoost: a healthy boosting run with early stopping on a validation set (eval printed every 10 rounds)."""

import xgboost as xgb
from _xdata import table

x, y = table(4000, seed=0)
xv, yv = table(1000, seed=1)
dtrain, dval = xgb.DMatrix(x, label=y), xgb.DMatrix(xv, label=yv)
params = {"objective": "binary:logistic", "eval_metric": ["logloss", "error"], "max_depth": 4, "eta": 0.1, "seed": 0}
bst = xgb.train(
    params,
    dtrain,
    num_boost_round=300,
    evals=[(dtrain, "train"), (dval, "eval")],
    early_stopping_rounds=30,
    verbose_eval=10,
)
print(f"best iteration {bst.best_iteration}, best eval-error {bst.best_score:.4f}")
