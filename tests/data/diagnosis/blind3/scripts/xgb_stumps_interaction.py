# XGBoost regression with depth-1 trees (stumps) on a target driven by a feature interaction.
import numpy as np, xgboost as xgb
rng = np.random.default_rng(0)
X = rng.uniform(-1, 1, size=(6000, 6))
y = 3 * X[:, 0] * X[:, 1] + 0.8 * X[:, 2] + 0.1 * rng.standard_normal(6000)
dtr = xgb.DMatrix(X[:4000], label=y[:4000]); dva = xgb.DMatrix(X[4000:], label=y[4000:])
params = {"objective": "reg:squarederror", "max_depth": 1, "eta": 0.3, "eval_metric": "rmse"}
print(f"target std: {y.std():.4f}  (noise std 0.1)")
bst = xgb.train(params, dtr, num_boost_round=150, evals=[(dtr, "train"), (dva, "valid")], verbose_eval=10)
