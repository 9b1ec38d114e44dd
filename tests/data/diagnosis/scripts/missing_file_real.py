"""JSON lines. The data path in the config is relative and the run starts in another folder (a real
FileNotFoundError)."""

import json

import numpy as np

cfg = {"data": "data/train_features.npy", "lr": 0.001, "batch_size": 64}
print(json.dumps({"event": "config", **cfg}), flush=True)
features = np.load(cfg["data"])
print(json.dumps({"event": "loaded", "n": len(features)}))
