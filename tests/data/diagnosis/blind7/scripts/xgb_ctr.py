# xgboost.train on a synthetic click-through table (20 features), --rounds (default 3000), eval every 25 rounds on valid.
import sys
import numpy as np, xgboost as xgb
rng = np.random.default_rng(5); n = 60000
X = rng.normal(size=(n, 20)); p = 1 / (1 + np.exp(-(X[:, 0] - 0.5 * X[:, 1] * X[:, 2] + 0.3 * X[:, 3] - 2)))
y = (rng.random(n) < p).astype(int)
dtr, dva = xgb.DMatrix(X[:50000], y[:50000]), xgb.DMatrix(X[50000:], y[50000:])
print("train 50000 rows, valid 10000 rows, positive rate %.3f" % y.mean(), flush=True)
bst = xgb.train({"objective": "binary:logistic", "eval_metric": "logloss", "eta": 0.02, "max_depth": 6, "nthread": 2},
                dtr, int(sys.argv[sys.argv.index('--rounds') + 1]) if '--rounds' in sys.argv else 3000, evals=[(dtr, "train"), (dva, "valid")], verbose_eval=25)
bst.save_model("/tmp/b7_ctr.json"); print("saved")
