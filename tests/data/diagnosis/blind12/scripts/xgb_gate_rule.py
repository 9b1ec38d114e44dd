import numpy as np, xgboost as xgb
rng = np.random.default_rng(11)
n = 8000
X = rng.uniform(-1, 1, size=(n, 10))
# pass/fail of the inspection gate is a fixed threshold rule on two gauges, recorded by the machine (no human labels)
y = ((X[:, 0] > 0.2) & (X[:, 3] < 0.5)).astype(int)
print('label: gate rule on gauges g0 and g3; pass rate %.3f; label noise: none (machine-recorded)' % y.mean())
idx = rng.permutation(n); tr, va = idx[:6000], idx[6000:]
dtr = xgb.DMatrix(X[tr], label=y[tr], feature_names=[f'g{i}' for i in range(10)]); dva = xgb.DMatrix(X[va], label=y[va], feature_names=[f'g{i}' for i in range(10)])
bst = xgb.train(dict(objective='binary:logistic', eval_metric=['logloss', 'error'], eta=0.3, max_depth=3, seed=0), dtr, 100,
                evals=[(dtr, 'train'), (dva, 'valid')], verbose_eval=10)
print('feature gain:', {k: round(v, 1) for k, v in sorted(bst.get_score(importance_type='gain').items(), key=lambda t: -t[1])[:4]})
