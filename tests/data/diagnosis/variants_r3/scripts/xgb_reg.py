# XGBoost regression (argv: max_depth noise_std metric seed rounds): y = 3*x0*x1 + 0.8*x2 + noise
import sys, numpy as np, xgboost as xgb
depth, noise, metric, seed, rounds = int(sys.argv[1]), float(sys.argv[2]), sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
rng = np.random.default_rng(seed)
X = rng.uniform(-1, 1, size=(6000, 6))
y = 3 * X[:, 0] * X[:, 1] + 0.8 * X[:, 2] + noise * rng.standard_normal(6000)
dtr = xgb.DMatrix(X[:4000], label=y[:4000]); dva = xgb.DMatrix(X[4000:], label=y[4000:])
params = {"objective": "reg:squarederror", "max_depth": depth, "eta": 0.1, "eval_metric": metric}
bst = xgb.train(params, dtr, num_boost_round=rounds, evals=[(dtr, "train"), (dva, "valid")], verbose_eval=10)
