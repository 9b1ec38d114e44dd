# Sequence classification with a 2-layer GRU in Lightning: 160 training sequences (labels 20% noisy), 400 validation.
import torch, torch.nn as nn, lightning as L
from torch.utils.data import DataLoader, TensorDataset
L.seed_everything(1)
def make(n):
    x = torch.randn(n, 30, 8); y = (x[:, :, 0].sum(1) + 0.5 * x[:, :, 1].sum(1) > 0).long()
    flip = torch.rand(n) < 0.2; y[flip] = 1 - y[flip]; return x, y
tr, va = make(160), make(400)
class Seq(L.LightningModule):
    def __init__(self):
        super().__init__(); self.gru = nn.GRU(8, 128, num_layers=2, batch_first=True); self.head = nn.Linear(128, 2)
    def forward(self, x): return self.head(self.gru(x)[0][:, -1])
    def step(self, b, tag):
        x, y = b; lo = self(x); loss = nn.functional.cross_entropy(lo, y)
        self.log(f"{tag}_loss", loss, on_epoch=True, on_step=False); self.log(f"{tag}_acc", (lo.argmax(1) == y).float().mean(), on_epoch=True, on_step=False)
        return loss
    def training_step(self, b, i): return self.step(b, "train")
    def validation_step(self, b, i): self.step(b, "val")
    def on_validation_epoch_end(self):
        m = self.trainer.callback_metrics
        if "train_loss" in m: self.print(f"epoch {self.current_epoch}: train_loss={m['train_loss']:.4f} train_acc={m['train_acc']:.3f} val_loss={m['val_loss']:.4f} val_acc={m['val_acc']:.3f}")
    def configure_optimizers(self): return torch.optim.Adam(self.parameters(), lr=3e-3)
L.Trainer(max_epochs=40, enable_progress_bar=False, logger=False, enable_checkpointing=False, num_sanity_val_steps=0).fit(
    Seq(), DataLoader(TensorDataset(*tr), batch_size=32, shuffle=True), DataLoader(TensorDataset(*va), batch_size=200))
