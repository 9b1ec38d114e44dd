import numpy as np, pandas as pd, xgboost as xgb
from sklearn.model_selection import train_test_split
rng = np.random.default_rng(7)
n = 6000
df = pd.DataFrame({'age': rng.integers(18, 80, n), 'amount': rng.lognormal(6, 1, n), 'n_prior': rng.poisson(1.5, n),
                   'region': rng.integers(0, 12, n)})
logit = 0.03 * (df.age - 45) + 0.6 * (np.log(df.amount) - 6) + 0.4 * (df.n_prior - 1.5)
df['approved'] = (rng.random(n) < 1 / (1 + np.exp(-logit))).astype(int)
# export from the claims system comes ordered by decision, then numbered
df = df.sort_values('approved', kind='stable').reset_index(drop=True)
df['claim_no'] = np.arange(100000, 100000 + n)
print(df.head(3).to_string()); print('approved rate', round(df.approved.mean(), 4))
feats = ['claim_no', 'age', 'amount', 'n_prior', 'region']
tr, va = train_test_split(df, test_size=0.25, random_state=1)
dtr = xgb.DMatrix(tr[feats], label=tr.approved); dva = xgb.DMatrix(va[feats], label=va.approved)
params = dict(objective='binary:logistic', eval_metric=['logloss', 'error'], eta=0.1, max_depth=4, seed=0)
bst = xgb.train(params, dtr, 200, evals=[(dtr, 'train'), (dva, 'valid')], verbose_eval=20)
imp = bst.get_score(importance_type='gain')
print('feature gain:', {k: round(v, 1) for k, v in sorted(imp.items(), key=lambda t: -t[1])})
