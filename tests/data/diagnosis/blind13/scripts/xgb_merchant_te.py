# xgboost on transactions with a merchant-level rate feature
import numpy as np, pandas as pd, xgboost as xgb
from sklearn.model_selection import train_test_split
rng = np.random.default_rng(0); n = 6000
df = pd.DataFrame({'merchant': rng.integers(0, 3000, n), 'amount': rng.lognormal(3, 1, n), 'hour': rng.integers(0, 24, n)})
df['label'] = (rng.random(n) < 0.3 + 0.1 * (df.hour > 20)).astype(int)
df['merchant_rate'] = df.groupby('merchant')['label'].transform('mean')
df['merchant_n'] = df.groupby('merchant')['label'].transform('size')
feats = ['amount', 'hour', 'merchant_rate', 'merchant_n']
tr, va = train_test_split(df, test_size=0.25, random_state=0)
print('rows', len(df), 'merchants', df.merchant.nunique(), 'positive rate %.4f' % df.label.mean())
dtr = xgb.DMatrix(tr[feats], label=tr.label); dva = xgb.DMatrix(va[feats], label=va.label)
bst = xgb.train({'objective': 'binary:logistic', 'eval_metric': ['logloss', 'error'], 'max_depth': 4, 'eta': 0.1},
                dtr, 200, evals=[(dtr, 'train'), (dva, 'valid')], verbose_eval=20)
imp = bst.get_score(importance_type='gain'); print('gain', {k: round(v, 1) for k, v in sorted(imp.items(), key=lambda t: -t[1])})
# next month's transactions (new rows, rate computed from the training month)
n2 = 2000; new = pd.DataFrame({'merchant': rng.integers(0, 3000, n2), 'amount': rng.lognormal(3, 1, n2), 'hour': rng.integers(0, 24, n2)})
new['label'] = (rng.random(n2) < 0.3 + 0.1 * (new.hour > 20)).astype(int)
m = df.groupby('merchant').label.agg(['mean', 'size'])
new['merchant_rate'] = new.merchant.map(m['mean']).fillna(df.label.mean()); new['merchant_n'] = new.merchant.map(m['size']).fillna(0)
p = bst.predict(xgb.DMatrix(new[feats]))
ll = -np.mean(new.label * np.log(p + 1e-9) + (1 - new.label) * np.log(1 - p + 1e-9))
print('next month: logloss %.4f error %.4f' % (ll, np.mean((p > 0.5) != new.label)))
