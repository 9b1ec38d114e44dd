# LightGBM binary classifier on a synthetic churn table (12 features, ~12% positives, 10% label noise), trained
# with lgb.train and its own log_evaluation / early_stopping callbacks.
# --oversample K duplicates every positive row K times to balance the classes BEFORE train_test_split.
# A separate test file (fresh rows from the same generator, never oversampled) is scored at the end.
import argparse
import numpy as np, lightgbm as lgb
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split

p = argparse.ArgumentParser()
p.add_argument("--n", type=int, default=6000)
p.add_argument("--oversample", type=int, default=0)
p.add_argument("--num-leaves", type=int, default=15)
p.add_argument("--min-data-in-leaf", type=int, default=20)
p.add_argument("--learning-rate", type=float, default=0.05)
p.add_argument("--rounds", type=int, default=300)
p.add_argument("--early-stopping", type=int, default=0)
p.add_argument("--lambda-l2", type=float, default=0.0)
a = p.parse_args()
rng = np.random.default_rng(21)
def table(n):
    X = rng.normal(size=(n, 12))
    z = 1.2 * X[:, 0] - 0.9 * X[:, 1] + 0.7 * X[:, 2] * X[:, 3] + 0.5 * np.sin(2 * X[:, 4]) - 2.6
    y = (rng.random(n) < 1 / (1 + np.exp(-z))).astype(int)
    flip = rng.random(n) < 0.10
    y[flip] = 1 - y[flip]
    return X, y
X, y = table(a.n)
Xtest, ytest = table(4000)
print(f"rows {len(y)}, positives {y.mean():.3f}")
if a.oversample:
    pos = np.where(y == 1)[0]
    X = np.concatenate([X] + [X[pos]] * a.oversample); y = np.concatenate([y] + [y[pos]] * a.oversample)
    print(f"oversampled positives x{a.oversample + 1}: rows {len(y)}, positives {y.mean():.3f}")
Xtr, Xva, ytr, yva = train_test_split(X, y, test_size=0.2, random_state=0)
params = {"objective": "binary", "metric": ["binary_logloss", "auc"], "num_leaves": a.num_leaves,
          "min_data_in_leaf": a.min_data_in_leaf, "learning_rate": a.learning_rate, "lambda_l2": a.lambda_l2,
          "feature_fraction": 0.9, "bagging_fraction": 0.8, "bagging_freq": 1, "seed": 21, "verbose": 1,
          "num_threads": 1}
print("params:", params)
dtr = lgb.Dataset(Xtr, ytr); dva = lgb.Dataset(Xva, yva, reference=dtr)
cbs = [lgb.log_evaluation(10)]
if a.early_stopping:
    cbs.append(lgb.early_stopping(a.early_stopping))
bst = lgb.train(params, dtr, a.rounds, valid_sets=[dtr, dva], valid_names=["train", "valid"], callbacks=cbs)
pt = bst.predict(Xtest, num_iteration=bst.best_iteration or None)
print(f"test file (4000 fresh rows): auc {roc_auc_score(ytest, pt):.4f} "
      f"logloss {-np.mean(ytest * np.log(pt) + (1 - ytest) * np.log(1 - pt)):.4f}")
