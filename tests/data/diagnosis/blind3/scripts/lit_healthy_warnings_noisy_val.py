# Lightning: small MLP on a noisy 3-class task, tiny validation set (noisy val curve), default num_workers (Lightning warns).
import torch, torch.nn as nn, lightning as L
torch.manual_seed(1)
X = torch.randn(3000, 16); W = torch.randn(16, 3); Y = (X @ W + 1.0 * torch.randn(3000, 3)).argmax(1)
class M(L.LightningModule):
    def __init__(self):
        super().__init__(); self.net = nn.Sequential(nn.Linear(16, 64), nn.ReLU(), nn.Dropout(0.2), nn.Linear(64, 3))
    def training_step(self, b, i):
        loss = nn.functional.cross_entropy(self.net(b[0]), b[1]); self.log("train_loss", loss, on_epoch=True, on_step=False); return loss
    def validation_step(self, b, i):
        o = self.net(b[0]); self.log("val_loss", nn.functional.cross_entropy(o, b[1])); self.log("val_acc", (o.argmax(1) == b[1]).float().mean())
    def on_validation_epoch_end(self):
        m = self.trainer.callback_metrics
        if "train_loss" in m: print(f"epoch {self.current_epoch:2d} train_loss {m['train_loss']:.4f} val_loss {m['val_loss']:.4f} val_acc {m['val_acc']:.4f}", flush=True)
    def configure_optimizers(self): return torch.optim.Adam(self.parameters(), lr=3e-3)
tr = torch.utils.data.TensorDataset(X[:2880], Y[:2880]); va = torch.utils.data.TensorDataset(X[2880:], Y[2880:])
L.Trainer(max_epochs=15, enable_progress_bar=False, logger=False, enable_checkpointing=False, accelerator="cpu").fit(
    M(), torch.utils.data.DataLoader(tr, batch_size=64, shuffle=True), torch.utils.data.DataLoader(va, batch_size=40))
