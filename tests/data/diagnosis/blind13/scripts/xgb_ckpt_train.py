import os, xgboost as xgb
from sklearn.datasets import make_classification
from sklearn.model_selection import train_test_split
X, y = make_classification(n_samples=20000, n_features=30, n_informative=12, random_state=2)
Xtr, Xva, ytr, yva = train_test_split(X, y, test_size=0.2, random_state=0)
d = xgb.DMatrix(Xtr, label=ytr); dv = xgb.DMatrix(Xva, label=yva)
cp = xgb.callback.TrainingCheckPoint(directory='ckpt', name='model', interval=20, as_pickle=False)
bst = xgb.train({'objective': 'binary:logistic', 'eval_metric': 'logloss', 'max_depth': 8, 'eta': 0.05, 'nthread': 1},
                d, 400, evals=[(d, 'train'), (dv, 'valid')], verbose_eval=20, callbacks=[cp])
bst.save_model('final.json')
