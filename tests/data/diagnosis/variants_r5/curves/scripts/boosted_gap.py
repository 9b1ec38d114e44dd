"""Boosted trees with and without a memorising gap, printing each library's own evaluation lines.

    python boosted_gap.py lgbm-multi-overfit | lgbm-binary-healthy | xgb-overfit | xgb-healthy

Overfit: few rows, label noise, deep trees, no regularisation: training logloss falls to ~0 while validation's
rises. Healthy: many rows, shallow trees, a small rate: validation improves along with training (a gap, but a
normal one)."""

import sys

import numpy as np
from sklearn.datasets import make_classification
from sklearn.model_selection import train_test_split

kind = sys.argv[1]
multi = "multi" in kind
overfit = "overfit" in kind
n = 500 if overfit else 20000
x, y = make_classification(
    n_samples=n,
    n_features=20,
    n_informative=6,
    n_classes=3 if multi else 2,
    flip_y=0.3 if overfit else 0.02,
    random_state=0,
)
xt, xv, yt, yv = train_test_split(x, y, test_size=0.3, random_state=0)
if kind.startswith("lgbm"):
    import lightgbm as lgb

    params = {
        "objective": "multiclass" if multi else "binary",
        "metric": ["multi_logloss", "multi_error"] if multi else ["binary_logloss", "binary_error"],
        "num_leaves": 255 if overfit else 15,
        "min_data_in_leaf": 2 if overfit else 50,
        "learning_rate": 0.1 if overfit else 0.05,
        "lambda_l2": 0.0 if overfit else 1.0,
        "verbose": -1,
    }
    if multi:
        params["num_class"] = 3
    dt = lgb.Dataset(xt, yt)
    dv = lgb.Dataset(xv, yv, reference=dt)
    lgb.train(
        params,
        dt,
        num_boost_round=300,
        valid_sets=[dt, dv],
        valid_names=["training", "valid_1"],
        callbacks=[lgb.log_evaluation(20)],
    )
else:
    import xgboost as xgb

    clf = xgb.XGBClassifier(
        n_estimators=300,
        max_depth=12 if overfit else 3,
        learning_rate=0.3 if overfit else 0.05,
        reg_lambda=0.0 if overfit else 1.0,
        min_child_weight=0 if overfit else 5,
        eval_metric=["logloss", "error"],
    )
    clf.fit(xt, yt, eval_set=[(xt, yt), (xv, yv)], verbose=20)
