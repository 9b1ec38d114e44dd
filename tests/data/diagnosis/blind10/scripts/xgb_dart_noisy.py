# xgboost.train with the DART booster (rate_drop 0.1): dropped trees make the eval curve jump around while it improves
import numpy as np, xgboost as xgb
rng = np.random.default_rng(1)
def make(n):
    X = rng.standard_normal((n, 10)); y = np.sin(X[:, 0]) * 2 + X[:, 1] * X[:, 2] + 0.5 * rng.standard_normal(n); return X, y
Xtr, ytr = make(5000); Xva, yva = make(1500)
dtr, dva = xgb.DMatrix(Xtr, ytr), xgb.DMatrix(Xva, yva)
p = dict(booster='dart', objective='reg:squarederror', eval_metric='rmse', max_depth=4, eta=0.2, rate_drop=0.1, skip_drop=0.3, subsample=0.8, seed=0)
print('params', p, '| noise std 0.5 (floor for rmse)')
b = xgb.train(p, dtr, 160, evals=[(dtr, 'train'), (dva, 'valid')], verbose_eval=5)
