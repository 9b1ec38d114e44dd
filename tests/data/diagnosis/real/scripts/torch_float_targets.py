"""Plain PyTorch: class labels read from a CSV column come out as float32 (pandas/numpy's default for a column
that had a missing value), and cross_entropy needs integer class indices."""

import numpy as np
import torch
from torch import nn

rng = np.random.default_rng(0)
table = rng.normal(size=(1000, 13)).astype("float32")
table[:, -1] = rng.integers(0, 3, size=1000)  # the 'label' column, stored as float
table[5, -1] = np.nan
table = table[~np.isnan(table[:, -1])]
features, labels = torch.from_numpy(table[:, :-1]), torch.from_numpy(table[:, -1])
model = nn.Sequential(nn.Linear(12, 32), nn.ReLU(), nn.Linear(32, 3))
opt = torch.optim.SGD(model.parameters(), lr=0.1)
print(f"loaded {len(labels)} rows, label dtype {labels.dtype}")
for epoch in range(3):
    for i in range(0, len(labels), 64):
        loss = nn.functional.cross_entropy(model(features[i : i + 64]), labels[i : i + 64])
        opt.zero_grad()
        loss.backward()
        opt.step()
    print(f"epoch {epoch} loss {loss.item():.4f}")
