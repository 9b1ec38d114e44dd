"""Lightning: features loaded from a numpy float64 array go to float32 weights unconverted."""

import lightning as L
import numpy as np
import torch
from _lit import MLP

L.seed_everything(0)
rng = np.random.default_rng(0)
features = rng.normal(size=(1024, 16))  # float64, numpy's default
labels = rng.integers(0, 4, size=1024)
ds = torch.utils.data.TensorDataset(torch.from_numpy(features), torch.from_numpy(labels))
L.Trainer(max_epochs=1, accelerator="cpu", logger=False, enable_checkpointing=False).fit(
    MLP(), torch.utils.data.DataLoader(ds, batch_size=64, shuffle=True)
)
