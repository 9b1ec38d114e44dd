"""XGBoost regression whose watchlist scores the training DMatrix a second time under the name `validate`
(the training data scored as validation). Run: python make.py [held_out] > stdout.log"""

import sys

import numpy as np
import xgboost as xgb

rng = np.random.default_rng(0)
X = rng.normal(size=(600, 8))
y = X @ rng.normal(size=8) * 3 + 20 + rng.normal(scale=1.0, size=600)
dtrain = xgb.DMatrix(X[:400], label=y[:400])
dheld = xgb.DMatrix(X[400:], label=y[400:])
dval = dheld if sys.argv[1:] == ["held_out"] else dtrain
params = {"max_depth": 3, "eta": 0.3, "objective": "reg:squarederror"}
xgb.train(params, dtrain, 25, evals=[(dtrain, "train"), (dval, "validate")])
