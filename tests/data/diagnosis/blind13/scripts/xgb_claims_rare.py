import warnings, numpy as np, xgboost as xgb
from sklearn.datasets import make_classification
from sklearn.model_selection import train_test_split
X, y = make_classification(n_samples=20000, n_features=25, n_informative=8, weights=[0.97, 0.03], flip_y=0.005, class_sep=1.0, random_state=7)
Xtr, Xva, ytr, yva = train_test_split(X, y, test_size=0.25, random_state=0, stratify=y)
print('positive share train %.4f valid %.4f' % (ytr.mean(), yva.mean()))
d = xgb.DMatrix(Xtr, label=ytr); dv = xgb.DMatrix(Xva, label=yva)
bst = xgb.train({'objective': 'binary:logistic', 'eval_metric': ['error', 'logloss', 'aucpr'], 'max_depth': 4, 'eta': 0.05, 'nthread': 1},
                d, 400, evals=[(d, 'train'), (dv, 'valid')], verbose_eval=25)
p = bst.predict(dv); print('valid recall@0.5 %.3f precision@0.5 %.3f' % (((p > .5) & (yva == 1)).sum() / (yva == 1).sum(), ((p > .5) & (yva == 1)).sum() / max(1, (p > .5).sum())))
