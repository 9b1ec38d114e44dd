# XGBoost binary classifier on a synthetic transactions table. The label is driven mainly by amount_ratio *
# is_foreign (an interaction) plus hour and merchant category; labels are clean (1% flipped). The feature list passed to the model
# comes from a config whose `is_foreign` entry was renamed upstream to `foreign_flag`, so the column is silently
# dropped by the selection (keep only names present in both) and the model sees neither it nor the interaction.
import argparse, numpy as np, xgboost as xgb
ap = argparse.ArgumentParser(); ap.add_argument("--rounds", type=int, default=300); ap.add_argument("--eta", type=float, default=0.1)
ap.add_argument("--max-depth", type=int, default=3)
args = ap.parse_args(); rng = np.random.default_rng(0)
n = 20000
cols = {"amount_ratio": rng.exponential(1, n), "foreign_flag": rng.integers(0, 2, n).astype(float), "hour": rng.integers(0, 24, n).astype(float),
        "merchant_cat": rng.integers(0, 12, n).astype(float), "age_days": rng.exponential(300, n)}
logit = 4.0 * (cols["amount_ratio"] - 1.0) * (2 * cols["foreign_flag"] - 1) + 2.0 * ((cols["hour"] < 6) - 0.5) + 1.5 * ((cols["merchant_cat"] < 4) - 0.5)
y = (logit > 0).astype(int); flip = rng.random(n) < 0.01; y[flip] = 1 - y[flip]
config_features = ["amount_ratio", "is_foreign", "hour", "merchant_cat", "age_days"]
features = [c for c in config_features if c in cols]
print(f"rows {n}, positive rate {y.mean():.3f}; features used: {features}")
X = np.stack([cols[c] for c in features], 1)
dtr = xgb.DMatrix(X[:16000], y[:16000], feature_names=features); dva = xgb.DMatrix(X[16000:], y[16000:], feature_names=features)
bst = xgb.train({"objective": "binary:logistic", "eval_metric": ["logloss", "error"], "eta": args.eta, "max_depth": args.max_depth,
                 "min_child_weight": 5, "subsample": 0.8, "seed": 0}, dtr, args.rounds, evals=[(dtr, "train"), (dva, "valid")], verbose_eval=20)
print("final valid error", bst.eval(dva, "valid"))
