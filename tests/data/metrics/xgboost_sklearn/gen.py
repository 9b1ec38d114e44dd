"""XGBoost's scikit-learn API as a new user writes it: XGBClassifier with an eval_set of the training and a
held-out set, logged every 4 rounds. Labels: evals_result() (XGBoost's own record)."""

import json

import numpy as np
from xgboost import XGBClassifier

rng = np.random.default_rng(1)
x = rng.normal(size=(500, 5))
y = (x[:, 0] * x[:, 1] > 0).astype(int)
clf = XGBClassifier(n_estimators=18, max_depth=3, learning_rate=0.3, eval_metric=["logloss", "error"])
clf.fit(x[:400], y[:400], eval_set=[(x[:400], y[:400]), (x[400:], y[400:])], verbose=4)
with open("labels.json", "w") as f:
    json.dump({"source": "XGBClassifier.evals_result()", "evals_result": clf.evals_result(), "verbose_eval": 4}, f, indent=1)
