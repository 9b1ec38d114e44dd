import numpy as np, xgboost as xgb
from sklearn.datasets import make_classification
from sklearn.model_selection import train_test_split
X, y = make_classification(n_samples=60000, n_features=40, n_informative=20, n_classes=5, n_clusters_per_class=2, random_state=1)
Xtr, Xva, ytr, yva = train_test_split(X, y, test_size=0.2, random_state=0)
print('train', Xtr.shape, 'valid', Xva.shape)
d = xgb.DMatrix(Xtr, label=ytr); dv = xgb.DMatrix(Xva, label=yva)
bst = xgb.train({'objective': 'multi:softprob', 'num_class': 5, 'max_depth': 10, 'eta': 0.05, 'nthread': 1, 'eval_metric': 'mlogloss'},
                d, 3000, evals=[(d, 'train'), (dv, 'valid')], verbose_eval=10)
bst.save_model('model.json')
