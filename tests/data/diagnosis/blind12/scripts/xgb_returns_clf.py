import numpy as np, xgboost as xgb
rng = np.random.default_rng(21)
n = 5000
X = rng.normal(size=(n, 15))
p = 1 / (1 + np.exp(-(1.2 * X[:, 0] - 0.8 * X[:, 1] + 0.5 * X[:, 2] * X[:, 4])))
y = (rng.random(n) < p).astype(int)
print('returns dataset: 4700 train / 300 valid; label is a Bernoulli draw (Bayes error about 0.27)')
dtr = xgb.DMatrix(X[:4700], label=y[:4700]); dva = xgb.DMatrix(X[4700:], label=y[4700:])
params = dict(objective='binary:logistic', eval_metric=['logloss', 'error'], eta=0.05, max_depth=3, subsample=0.8, seed=0,
              n_estimators=400, use_label_encoder=False)   # copied from the sklearn-API config
bst = xgb.train(params, dtr, 150, evals=[(dtr, 'train'), (dva, 'valid')], verbose_eval=20)
