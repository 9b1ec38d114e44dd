import numpy as np, lightgbm as lgb, time
rng = np.random.default_rng(0)
n = 400000
X = rng.normal(size=(n, 40))
y = X[:, 0] * 2 + np.sin(3 * X[:, 1]) + X[:, 2] * X[:, 3] + rng.normal(0, 0.5, n)
print(time.strftime('started %H:%M:%S'), 'rows', n, flush=True)
dtr = lgb.Dataset(X[:350000], y[:350000]); dva = lgb.Dataset(X[350000:], y[350000:], reference=dtr)
params = dict(objective='regression', learning_rate=0.02, num_leaves=255, min_data_in_leaf=20, num_threads=1, verbose=-1)
bst = lgb.train(params, dtr, num_boost_round=3000, valid_sets=[dtr, dva], valid_names=['train', 'valid'],
                callbacks=[lgb.log_evaluation(25)])
bst.save_model('demand_model.txt')
print(time.strftime('finished %H:%M:%S'))
