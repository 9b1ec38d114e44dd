# XGBoost binary classifier with early stopping on a noisy validation set (normal early stop).
import numpy as np, xgboost as xgb
rng = np.random.default_rng(7)
X = rng.standard_normal((5000, 12)); logit = X[:, 0] - 0.7 * X[:, 1] * X[:, 2] + 0.5 * np.sin(3 * X[:, 3])
y = (logit + rng.logistic(size=5000) * 0.8 > 0).astype(int)
dtr = xgb.DMatrix(X[:3500], label=y[:3500]); dva = xgb.DMatrix(X[3500:], label=y[3500:])
params = {"objective": "binary:logistic", "eval_metric": ["logloss", "error"], "eta": 0.1, "max_depth": 4, "subsample": 0.8}
bst = xgb.train(params, dtr, 1000, evals=[(dtr, "train"), (dva, "valid")], early_stopping_rounds=30, verbose_eval=10)
print(f"best_iteration {bst.best_iteration} best_score {bst.best_score:.5f}")
