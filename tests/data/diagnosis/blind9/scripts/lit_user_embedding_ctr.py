# Click prediction in Lightning: 6 dense features plus a 32-d embedding per user id (5000 ids, ~4 rows each).
# Validation rows come from the same users (random row split).
import torch, torch.nn as nn, lightning as L
from torch.utils.data import DataLoader, TensorDataset
L.seed_everything(11)
N, U = 24000, 5000
uid = torch.randint(0, U, (N,)); xd = torch.randn(N, 6)
logit = 0.8 * xd[:, 0] - 0.6 * xd[:, 1] + 0.3 * torch.randn(U)[uid]
y = (torch.rand(N) < torch.sigmoid(logit)).float()
perm = torch.randperm(N); tr, va = perm[:20000], perm[20000:]
class CTR(L.LightningModule):
    def __init__(self):
        super().__init__(); self.emb = nn.Embedding(U, 32); self.mlp = nn.Sequential(nn.Linear(38, 128), nn.ReLU(), nn.Linear(128, 1))
    def step(self, b, tag):
        u, x, yb = b; p = self.mlp(torch.cat([self.emb(u), x], 1)).squeeze(1); loss = nn.functional.binary_cross_entropy_with_logits(p, yb)
        self.log(f"{tag}_loss", loss, on_epoch=True, on_step=False); return loss
    def training_step(self, b, i): return self.step(b, "train")
    def validation_step(self, b, i): self.step(b, "val")
    def on_validation_epoch_end(self):
        m = self.trainer.callback_metrics
        if "train_loss" in m: self.print(f"epoch {self.current_epoch}: train_loss={m['train_loss']:.4f} val_loss={m['val_loss']:.4f}")
    def configure_optimizers(self): return torch.optim.Adam(self.parameters(), lr=3e-3)
L.Trainer(max_epochs=20, enable_progress_bar=False, logger=False, enable_checkpointing=False, num_sanity_val_steps=0).fit(CTR(),
    DataLoader(TensorDataset(uid[tr], xd[tr], y[tr]), batch_size=128, shuffle=True), DataLoader(TensorDataset(uid[va], xd[va], y[va]), batch_size=1000))
