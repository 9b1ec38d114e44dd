# xgboost.train on a nonlinear 2-class task (ring inside a square) with min_child_weight=150 copied from a
# config for a 2M-row dataset; here the training set has 3000 rows
import numpy as np, xgboost as xgb
rng = np.random.default_rng(0)
def make(n):
    X = rng.uniform(-1, 1, (n, 6)); r = np.sqrt(X[:, 0] ** 2 + X[:, 1] ** 2)
    y = ((r > 0.45) & (r < 0.8)).astype(int); flip = rng.random(n) < 0.03; y[flip] = 1 - y[flip]
    return X, y
Xtr, ytr = make(3000); Xva, yva = make(1000)
print(f'train rows {len(ytr)} positives {ytr.mean():.3f}; valid rows {len(yva)}; label noise 3% (best achievable error ~0.03)')
params = dict(objective='binary:logistic', eval_metric=['logloss', 'error'], max_depth=6, eta=0.3, min_child_weight=150, seed=0)
print('params', params)
dtr = xgb.DMatrix(Xtr, ytr); dva = xgb.DMatrix(Xva, yva)
b = xgb.train(params, dtr, 200, evals=[(dtr, 'train'), (dva, 'valid')], verbose_eval=10)
print('final:', b.eval(dva, 'valid'))
