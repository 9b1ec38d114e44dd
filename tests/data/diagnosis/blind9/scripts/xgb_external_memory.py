# xgboost external-memory training: batches come from a DataIter and xgboost pages them to a cache on the scratch
# volume (cache_prefix) before training with the hist tree method.
import os, sys, numpy as np, xgboost as xgb
CACHE = sys.argv[1] if len(sys.argv) > 1 else "/tmp/b9scratch/xgb_cache"
class Batches(xgb.DataIter):
    def __init__(self, n):
        self.n, self.i = n, 0; super().__init__(cache_prefix=CACHE)
    def next(self, input_data):
        if self.i == self.n: return False
        rng = np.random.default_rng(self.i); X = rng.normal(size=(200_000, 24)).astype(np.float32)
        y = (X[:, 0] + X[:, 1] * X[:, 2] > 0).astype(np.float32)
        print(f"feeding batch {self.i + 1}/{self.n}: {X.shape}", flush=True)
        input_data(data=X, label=y); self.i += 1; return True
    def reset(self): self.i = 0
print("cache prefix", CACHE, flush=True)
dtrain = xgb.ExtMemQuantileDMatrix(Batches(8), max_bin=256)
bst = xgb.train({"tree_method": "hist", "objective": "binary:logistic", "eval_metric": "logloss", "max_depth": 6}, dtrain, 50,
                evals=[(dtrain, "train")], verbose_eval=10)
