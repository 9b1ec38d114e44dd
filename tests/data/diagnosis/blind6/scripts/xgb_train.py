# XGBoost (xgboost.train with its own evaluation log) on a synthetic regression/classification table generated
# in memory: --rows x --cols float32 features; y from a few features plus noise.
import argparse, time
import numpy as np, xgboost as xgb

p = argparse.ArgumentParser()
p.add_argument("--rows", type=int, default=20000)
p.add_argument("--cols", type=int, default=20)
p.add_argument("--task", default="multiclass", choices=["multiclass", "regression"])
p.add_argument("--max-depth", type=int, default=4)
p.add_argument("--eta", type=float, default=0.1)
p.add_argument("--rounds", type=int, default=200)
p.add_argument("--max-bin", type=int, default=256)
p.add_argument("--label-noise", type=float, default=0.1)
p.add_argument("--nthread", type=int, default=1)
a = p.parse_args()
rng = np.random.default_rng(4)
def table(n):
    X = rng.normal(size=(n, a.cols)).astype(np.float32)
    s = X[:, 0] + 0.8 * X[:, 1] * X[:, 2] - 0.6 * np.abs(X[:, 3])
    if a.task == "regression":
        return X, (s + rng.normal(0, 0.5, n)).astype(np.float32)
    y = np.digitize(s, np.quantile(s, [0.25, 0.5, 0.75]))
    flip = rng.random(n) < a.label_noise
    y[flip] = rng.integers(0, 4, flip.sum())
    return X, y
t0 = time.time()
X, y = table(a.rows)
Xv, yv = table(max(a.rows // 5, 2000))
print(f"features {X.shape} {X.dtype} ({X.nbytes / 2**20:.0f} MiB), built in {time.time() - t0:.1f}s")
dtrain = xgb.QuantileDMatrix(X, y, max_bin=a.max_bin)
dvalid = xgb.QuantileDMatrix(Xv, yv, ref=dtrain)
params = {"max_depth": a.max_depth, "eta": a.eta, "nthread": a.nthread, "tree_method": "hist", "max_bin": a.max_bin,
          "subsample": 0.8}
if a.task == "multiclass":
    params.update(objective="multi:softprob", num_class=4, eval_metric=["mlogloss", "merror"])
else:
    params.update(objective="reg:squarederror", eval_metric=["rmse"])
print("params:", params)
bst = xgb.train(params, dtrain, a.rounds, evals=[(dtrain, "train"), (dvalid, "valid")], verbose_eval=10)
print(f"finished {a.rounds} rounds in {time.time() - t0:.1f}s")
