"""xgboost.train on a synthetic support-ticket table: predict the ticket priority class (0=low, 1=normal, 2=high)."""
import argparse
import numpy as np, xgboost as xgb

p = argparse.ArgumentParser()
p.add_argument('--rounds', type=int, default=200)
p.add_argument('--eta', type=float, default=0.1)
p.add_argument('--max-depth', type=int, default=4)
p.add_argument('--rows', type=int, default=20000)
p.add_argument('--priority-codes', default='0,1,2', help='how the export spells low,normal,high')
p.add_argument('--with-resolution', type=int, default=0, help='include resolution_hours column')
p.add_argument('--seed', type=int, default=0)
a = p.parse_args()
rng = np.random.default_rng(a.seed)
n = a.rows
df = dict({'n_words': rng.poisson(80, n), 'n_attachments': rng.poisson(0.5, n), 'customer_tier': rng.integers(0, 4, n),
                   'hour': rng.integers(0, 24, n), 'product': rng.integers(0, 12, n), 'past_tickets': rng.poisson(3, n)})
score = 0.01 * (df['n_words'] - 80) + 0.6 * df['customer_tier'] + 0.3 * df['n_attachments'] - 0.1 * df['past_tickets'] + 0.2 * np.cos(df['product']) + rng.normal(0, 1.0, n)
pri = np.digitize(score, np.quantile(score, [0.5, 0.85]))
codes = [int(c) for c in a.priority_codes.split(',')]
df['priority'] = np.array(codes)[pri]
if a.with_resolution:
    # hours until the ticket was closed: high-priority tickets are handled first
    df['resolution_hours'] = np.round(np.array([30.0, 12.0, 2.0])[pri] * rng.uniform(0.7, 1.3, n), 1)
print(f"tickets: {n} rows, columns {list(df)}")
u, c = np.unique(df['priority'], return_counts=True)
print('priority counts:', dict(zip(u.tolist(), c.tolist())))
feat = [k for k in df if k != 'priority']
X = np.stack([df[k] for k in feat], 1).astype(np.float32)
perm = rng.permutation(n); tr, va = perm[:int(0.8 * n)], perm[int(0.8 * n):]
dtr = xgb.DMatrix(X[tr], label=df['priority'][tr], feature_names=feat); dva = xgb.DMatrix(X[va], label=df['priority'][va], feature_names=feat)
params = {'objective': 'multi:softprob', 'num_class': 3, 'eta': a.eta, 'max_depth': a.max_depth, 'eval_metric': ['mlogloss', 'merror'],
          'nthread': 1, 'seed': a.seed}
bst = xgb.train(params, dtr, a.rounds, evals=[(dtr, 'train'), (dva, 'valid')], verbose_eval=10)
imp = bst.get_score(importance_type='gain')
print('feature gain:', {k: round(v, 2) for k, v in sorted(imp.items(), key=lambda kv: -kv[1])})
bst.save_model('tickets.ubj')
print('saved tickets.ubj')
