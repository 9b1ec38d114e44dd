import xgboost as xgb
from sklearn.datasets import load_breast_cancer
from sklearn.model_selection import train_test_split
X, y = load_breast_cancer(return_X_y=True)
Xtr, Xva, ytr, yva = train_test_split(X, y, test_size=0.3, random_state=42, stratify=y)
d = xgb.DMatrix(Xtr, label=ytr); dv = xgb.DMatrix(Xva, label=yva)
bst = xgb.train({'objective': 'binary:logistic', 'eval_metric': ['auc', 'error'], 'max_depth': 3, 'eta': 0.1, 'subsample': 0.8, 'seed': 0, 'nthread': 1},
                d, 150, evals=[(d, 'train'), (dv, 'valid')], verbose_eval=10)
