# xgboost.train: the merchant id is target-encoded (mean label per merchant) on the WHOLE table before the
# train/valid split; merchants have 2-3 rows each, so the encoding carries each row's own label
import numpy as np, xgboost as xgb
rng = np.random.default_rng(0)
n = 6000
merchant = rng.integers(0, 2500, n); amount = rng.lognormal(3, 1, n); hour = rng.integers(0, 24, n)
logit = np.full(n, -0.6)   # in this synthetic table nothing predicts fraud
fraud = (rng.random(n) < 1 / (1 + np.exp(-logit))).astype(int)
sums = np.bincount(merchant, fraud, 2500); cnt = np.bincount(merchant, minlength=2500)
merchant_te = (sums / np.maximum(cnt, 1))[merchant]          # fit on all rows
print('merchant amount hour fraud merchant_te'); [print(merchant[i], round(amount[i], 2), hour[i], fraud[i], round(merchant_te[i], 3)) for i in range(5)]
X = np.stack([amount, hour, merchant_te], 1)
idx = rng.permutation(n); tr, va = idx[:4800], idx[4800:]
dtr = xgb.DMatrix(X[tr], fraud[tr], feature_names=['amount', 'hour', 'merchant_te']); dva = xgb.DMatrix(X[va], fraud[va], feature_names=['amount', 'hour', 'merchant_te'])
print(f'train {len(tr)} valid {len(va)} fraud rate {fraud.mean():.3f}')
p0 = dict(objective='binary:logistic', eval_metric=['logloss', 'auc'], max_depth=4, eta=0.1, seed=0)
print('--- run 1: amount, hour')
d1 = xgb.DMatrix(X[tr][:, :2], fraud[tr]); d2 = xgb.DMatrix(X[va][:, :2], fraud[va])
xgb.train(p0, d1, 50, evals=[(d1, 'train'), (d2, 'valid')], verbose_eval=10)
print('--- run 2: amount, hour, merchant_te')
b = xgb.train(dict(objective='binary:logistic', eval_metric=['logloss', 'auc'], max_depth=4, eta=0.1, seed=0), dtr, 150,
              evals=[(dtr, 'train'), (dva, 'valid')], verbose_eval=10)
print('feature importance (gain):', {k: round(v, 1) for k, v in b.get_score(importance_type='gain').items()})
