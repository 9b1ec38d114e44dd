# Lightning review classifier: frozen word vectors loaded with numpy (from a .npy export) into nn.Embedding, mean-pooled
# and concatenated with 4 float32 metadata features.
import numpy as np, torch, torch.nn as nn, lightning as L
from torch.utils.data import DataLoader, TensorDataset
L.seed_everything(6)
vectors = np.random.default_rng(6).normal(size=(500, 50))  # stands in for np.load("glove.50d.npy")
ids = torch.randint(0, 500, (1000, 20)); meta = torch.randn(1000, 4); y = (meta[:, 0] > 0).long()
class Rev(L.LightningModule):
    def __init__(self):
        super().__init__(); self.emb = nn.Embedding.from_pretrained(torch.from_numpy(vectors), freeze=True)
        self.head = nn.Sequential(nn.Linear(54, 32), nn.ReLU(), nn.Linear(32, 2))
    def training_step(self, b, i):
        t, m, yb = b; h = torch.cat([self.emb(t).mean(1), m], 1)
        loss = nn.functional.cross_entropy(self.head(h), yb); self.log("train_loss", loss); return loss
    def configure_optimizers(self): return torch.optim.Adam(self.head.parameters(), lr=1e-3)
L.Trainer(max_epochs=2, enable_progress_bar=False, logger=False, enable_checkpointing=False).fit(Rev(), DataLoader(TensorDataset(ids, meta, y), batch_size=32))
