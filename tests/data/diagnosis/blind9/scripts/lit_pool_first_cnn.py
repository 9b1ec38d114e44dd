# 4-class 16x16 pattern images (the class is WHERE a bright blob sits); the "CNN" global-average-pools its 8 feature
# maps right after the first conv (to POOL = rows x cols cells), so the classifier sees only per-cell means.
import sys, torch, torch.nn as nn, lightning as L
from torch.utils.data import DataLoader, TensorDataset
L.seed_everything(2)
POOL = tuple(int(v) for v in sys.argv[1].split('x')) if len(sys.argv) > 1 else (1, 1)  # pooled grid, rows x cols
print('pooled grid', POOL)
def make(n):
    y = torch.randint(0, 4, (n,)); x = torch.randn(n, 1, 16, 16) * 0.3
    for i in range(n):
        r, c = divmod(int(y[i]), 2); x[i, 0, r*8+2:r*8+6, c*8+2:c*8+6] += 2.0
    return x, y
tr, va = make(3000), make(600)
class Net(L.LightningModule):
    def __init__(self):
        super().__init__()
        self.f = nn.Sequential(nn.Conv2d(1, 8, 3, padding=1), nn.ReLU(), nn.AdaptiveAvgPool2d(POOL), nn.Flatten(), nn.Linear(8 * POOL[0] * POOL[1], 64), nn.ReLU(), nn.Linear(64, 4))
    def step(self, b, tag):
        x, y = b; lo = self.f(x); loss = nn.functional.cross_entropy(lo, y)
        self.log(f"{tag}_loss", loss, on_epoch=True, on_step=False); self.log(f"{tag}_acc", (lo.argmax(1) == y).float().mean(), on_epoch=True, on_step=False)
        return loss
    def training_step(self, b, i): return self.step(b, "train")
    def validation_step(self, b, i): self.step(b, "val")
    def on_validation_epoch_end(self):
        m = self.trainer.callback_metrics
        if "train_loss" in m: self.print(f"epoch {self.current_epoch}: train_loss={m['train_loss']:.4f} train_acc={m['train_acc']:.3f} val_loss={m['val_loss']:.4f} val_acc={m['val_acc']:.3f}")
    def configure_optimizers(self): return torch.optim.Adam(self.parameters(), lr=3e-3)
L.Trainer(max_epochs=15, enable_progress_bar=False, logger=False, enable_checkpointing=False, num_sanity_val_steps=0).fit(
    Net(), DataLoader(TensorDataset(*tr), batch_size=64, shuffle=True), DataLoader(TensorDataset(*va), batch_size=300))
