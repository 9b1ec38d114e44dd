# lightgbm.train: store_id (3000 levels, ~1.3 rows per level in train) passed as a categorical feature with
# min_data_per_group=1 and cat_smooth=0/cat_l2=0; the label depends only weakly on two numeric columns
import numpy as np, lightgbm as lgb
rng = np.random.default_rng(0)
n = 5000; store = rng.integers(0, 3000, n); x1 = rng.standard_normal(n); x2 = rng.standard_normal(n)
y = (rng.random(n) < 1 / (1 + np.exp(-(0.8 * x1 - 0.5 * x2)))).astype(int)
X = np.stack([store, x1, x2], 1)
tr, va = np.arange(4000), np.arange(4000, n)
params = dict(objective='binary', metric=['binary_logloss', 'auc'], learning_rate=0.1, num_leaves=31, min_data_in_leaf=5,
              min_data_per_group=1, cat_smooth=0, cat_l2=0, max_cat_threshold=256, verbose=-1, seed=0)
print('params', params)
dtr = lgb.Dataset(X[tr], y[tr], categorical_feature=[0], feature_name=['store_id', 'x1', 'x2'])
dva = lgb.Dataset(X[va], y[va], reference=dtr)
b = lgb.train(params, dtr, 300, valid_sets=[dtr, dva], valid_names=['train', 'valid'], callbacks=[lgb.log_evaluation(10)])
print('importance (split):', dict(zip(b.feature_name(), b.feature_importance())))
