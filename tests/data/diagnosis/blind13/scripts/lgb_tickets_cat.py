import numpy as np, pandas as pd, lightgbm as lgb
rng = np.random.default_rng(11); n = 6000
df = pd.DataFrame({'queue id': rng.integers(-1, 12, n), 'age hours': rng.exponential(20, n), 'n replies': rng.poisson(3, n), 'vip flag': rng.integers(0, 2, n)})
logit = -1 + 0.04 * df['age hours'] - 0.3 * df['n replies'] + 1.2 * df['vip flag'] + np.where(df['queue id'] % 3 == 0, 1.0, -0.5)
df['escalated'] = (rng.random(n) < 1 / (1 + np.exp(-logit))).astype(int)
tr, va = df.iloc[:4800], df.iloc[4800:]
feats = ['queue id', 'age hours', 'n replies', 'vip flag']
dtr = lgb.Dataset(tr[feats], tr.escalated, categorical_feature=['queue id']); dva = lgb.Dataset(va[feats], va.escalated, reference=dtr)
bst = lgb.train(dict(objective='binary', metric=['binary_logloss', 'auc'], learning_rate=0.05, num_leaves=15, num_threads=1, verbose=1),
                dtr, 80, valid_sets=[dtr, dva], valid_names=['train', 'valid'], callbacks=[lgb.log_evaluation(10)])
print('valid auc %.4f' % bst.best_score.get('valid', {}).get('auc', float('nan')))
