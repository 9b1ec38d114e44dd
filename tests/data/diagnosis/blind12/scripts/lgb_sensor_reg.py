import numpy as np, lightgbm as lgb
rng = np.random.default_rng(3)
n = 12000
X = rng.normal(size=(n, 20))
noise_sd = 1.0
y = 3 * X[:, 0] + 2 * np.tanh(X[:, 1] * X[:, 2]) + X[:, 3] ** 2 + rng.normal(0, noise_sd, n)
print(f'target var {y.var():.3f}; measurement noise var {noise_sd**2:.3f}')
names = [f'sensor {i}' for i in range(20)]
dtr = lgb.Dataset(X[:9000], y[:9000], feature_name=names); dva = lgb.Dataset(X[9000:], y[9000:], reference=dtr)
params = dict(objective='regression', metric='l2', learning_rate=0.05, num_leaves=31, min_data_in_leaf=20, num_threads=1, verbose=0)
bst = lgb.train(params, dtr, 2000, valid_sets=[dtr, dva], valid_names=['train', 'valid'],
                callbacks=[lgb.log_evaluation(50), lgb.early_stopping(50)])
print('best_iteration', bst.best_iteration)
