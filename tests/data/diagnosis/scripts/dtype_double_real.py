"""Plain lines. Features come from numpy (float64) and go straight into a float32 model (a real dtype error)."""

import numpy as np
import torch
from torch import nn

rng = np.random.default_rng(0)
features = rng.normal(size=(128, 8))  # float64
labels = rng.integers(0, 3, size=128)
model = nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 3))
print("Loaded 128 samples from features.npy (numpy), training for 5 epochs")
x = torch.from_numpy(features)
y = torch.from_numpy(labels)
loss = nn.functional.cross_entropy(model(x), y)
print("Epoch 1 loss", loss.item())
