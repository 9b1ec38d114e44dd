# LightGBM binary classifier on a small synthetic churn table (600 rows, 30 features, 20% label noise), with a
# validation set and lgb.log_evaluation every 25 rounds. Options: --num-leaves, --min-data-in-leaf, --lr,
# --rounds, --early-stopping N (lgb.early_stopping on the validation logloss).
import argparse, numpy as np, lightgbm as lgb
ap = argparse.ArgumentParser(); ap.add_argument("--num-leaves", type=int, default=31); ap.add_argument("--min-data-in-leaf", type=int, default=20)
ap.add_argument("--lr", type=float, default=0.05); ap.add_argument("--rounds", type=int, default=400); ap.add_argument("--early-stopping", type=int, default=0)
ap.add_argument("--n-train", type=int, default=600)
args = ap.parse_args(); rng = np.random.default_rng(0)
def make(n):
    X = rng.normal(size=(n, 30)); logit = 1.5 * X[:, 0] - X[:, 1] + 0.8 * X[:, 2] * X[:, 3]
    y = (logit + rng.normal(0, 0.5, n) > 0).astype(int); flip = rng.random(n) < 0.2; y[flip] = 1 - y[flip]; return X, y
Xtr, ytr = make(args.n_train); Xva, yva = make(1000)
dtr = lgb.Dataset(Xtr, ytr); dva = lgb.Dataset(Xva, yva, reference=dtr)
params = {"objective": "binary", "metric": ["binary_logloss", "binary_error"], "num_leaves": args.num_leaves, "min_data_in_leaf": args.min_data_in_leaf,
          "learning_rate": args.lr, "lambda_l2": 0.0, "feature_fraction": 1.0, "verbose": 1, "seed": 0}
cbs = [lgb.log_evaluation(25)] + ([lgb.early_stopping(args.early_stopping)] if args.early_stopping else [])
bst = lgb.train(params, dtr, args.rounds, valid_sets=[dtr, dva], valid_names=["train", "valid"], callbacks=cbs)
print("best_iteration", bst.best_iteration, "best_score", dict(bst.best_score["valid"]))
