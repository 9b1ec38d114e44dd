# A bag-of-embeddings text classifier whose token ids were stored as float32 by the preprocessing.
import numpy as np, torch, torch.nn as nn
rng = np.random.default_rng(0)
ids = rng.integers(0, 1000, size=(2000, 20)).astype(np.float32)   # saved as float by np.savez of a float array
labels = (ids[:, 0] > 500).astype(np.int64)
ds = torch.utils.data.TensorDataset(torch.from_numpy(ids), torch.from_numpy(labels))
dl = torch.utils.data.DataLoader(ds, batch_size=32, shuffle=True)
class Model(nn.Module):
    def __init__(self):
        super().__init__(); self.emb = nn.Embedding(1000, 32); self.fc = nn.Linear(32, 2)
    def forward(self, t): return self.fc(self.emb(t).mean(1))
model = Model(); opt = torch.optim.Adam(model.parameters(), 1e-3)
print(f"train samples: {len(ds)}, batches/epoch: {len(dl)}")
for epoch in range(3):
    for step, (t, yb) in enumerate(dl):
        loss = nn.functional.cross_entropy(model(t), yb)
        opt.zero_grad(); loss.backward(); opt.step()
        if step % 20 == 0: print(f"epoch {epoch} step {step} loss {loss.item():.4f}")
