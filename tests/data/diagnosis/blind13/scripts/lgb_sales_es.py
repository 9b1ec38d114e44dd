import numpy as np, pandas as pd, lightgbm as lgb
rng = np.random.default_rng(5); n = 5000
df = pd.DataFrame({'price': rng.uniform(1, 20, n), 'promo': rng.integers(0, 2, n), 'dow': rng.integers(0, 7, n), 'store': rng.integers(0, 40, n)})
df['sales'] = 50 - 1.5 * df.price + 8 * df.promo + 3 * (df.dow >= 5) + rng.normal(0, 6, n)
df['store'] = df['store'].astype('category')
tr, va = df.iloc[:4000], df.iloc[4000:]
feats = ['price', 'promo', 'dow', 'store']
dtr = lgb.Dataset(tr[feats], tr.sales); dva = lgb.Dataset(va[feats], va.sales, reference=dtr)
bst = lgb.train(dict(objective='regression', metric='rmse', learning_rate=0.1, num_leaves=63, min_data_in_leaf=5, num_threads=1, verbose=1),
                dtr, 1000, valid_sets=[dtr, dva], valid_names=['train', 'valid'],
                callbacks=[lgb.log_evaluation(10), lgb.early_stopping(30)])
print('best iteration', bst.best_iteration, 'valid rmse', round(bst.best_score['valid']['rmse'], 4))
