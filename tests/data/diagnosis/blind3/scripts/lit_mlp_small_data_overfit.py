# Lightning: a wide 3-layer MLP on 300 noisy training samples, 40 epochs, no regularisation.
import os, warnings, torch, torch.nn as nn, lightning as L
torch.manual_seed(0)
X = torch.randn(1300, 30); w = torch.randn(30)
y = ((X @ w + 1.5 * torch.randn(1300)) > 0).long()
tr = torch.utils.data.TensorDataset(X[:300], y[:300]); va = torch.utils.data.TensorDataset(X[300:], y[300:])
class M(L.LightningModule):
    def __init__(self):
        super().__init__(); self.net = nn.Sequential(nn.Linear(30, 512), nn.ReLU(), nn.Linear(512, 512), nn.ReLU(), nn.Linear(512, 2))
    def training_step(self, b, i):
        loss = nn.functional.cross_entropy(self.net(b[0]), b[1]); self.log("train_loss", loss, on_epoch=True, on_step=False); return loss
    def validation_step(self, b, i):
        out = self.net(b[0]); self.log("val_loss", nn.functional.cross_entropy(out, b[1])); self.log("val_acc", (out.argmax(1) == b[1]).float().mean())
    def on_validation_epoch_end(self):
        m = self.trainer.callback_metrics
        if "train_loss" in m: print(f"epoch {self.current_epoch:2d} train_loss {m['train_loss']:.4f} val_loss {m['val_loss']:.4f} val_acc {m['val_acc']:.4f}")
    def configure_optimizers(self): return torch.optim.Adam(self.parameters(), lr=1e-3)
t = L.Trainer(max_epochs=40, enable_progress_bar=False, logger=False, enable_checkpointing=False, accelerator="cpu")
t.fit(M(), torch.utils.data.DataLoader(tr, batch_size=32, shuffle=True), torch.utils.data.DataLoader(va, batch_size=256))
