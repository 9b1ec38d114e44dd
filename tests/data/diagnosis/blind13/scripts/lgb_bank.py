import numpy as np, lightgbm as lgb
from sklearn.datasets import make_classification
from sklearn.model_selection import train_test_split
rng = np.random.default_rng(3); X = rng.normal(size=(8000, 6))
y = ((X[:, 0] ** 2 + X[:, 1] ** 2 < 1.4) ^ (X[:, 2] > 0)).astype(int)
flip = rng.random(8000) < 0.02; y[flip] = 1 - y[flip]
Xtr, Xva, ytr, yva = train_test_split(X, y, test_size=0.25, random_state=0)
params = dict(objective='binary', metric=['binary_logloss', 'binary_error'], learning_rate=0.1, num_leaves=31, min_data_in_leaf=1500, verbose=-1, num_threads=1)
print('params', params)
dtr = lgb.Dataset(Xtr, ytr); dva = lgb.Dataset(Xva, yva, reference=dtr)
bst = lgb.train(params, dtr, num_boost_round=300, valid_sets=[dtr, dva], valid_names=['train', 'valid'], callbacks=[lgb.log_evaluation(20)])
bst.save_model('bank.txt')
