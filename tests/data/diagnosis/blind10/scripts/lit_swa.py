# Lightning with StochasticWeightAveraging from epoch 12 of 20 (SWALR anneals the lr), per-epoch train/val prints
import torch, lightning as L
from torch import nn
from torch.utils.data import TensorDataset, DataLoader
from lightning.pytorch.callbacks import StochasticWeightAveraging
torch.manual_seed(0); W = torch.randn(5, 3)
def make(n):
    X = torch.randn(n, 20); logits = X[:, :5] @ W + 0.5 * (X[:, 5:6] ** 2); y = (logits + 0.8 * torch.randn(n, 3)).argmax(1); return X, y
Xtr, ytr = make(30000); Xva, yva = make(1500)
class C(L.LightningModule):
    def __init__(s): super().__init__(); s.net = nn.Sequential(nn.Linear(20, 64), nn.ReLU(), nn.Linear(64, 3))
    def training_step(s, b, i):
        l = nn.functional.cross_entropy(s.net(b[0]), b[1]); s.log('train_loss', l, on_epoch=True, on_step=False); return l
    def validation_step(s, b, i):
        out = s.net(b[0]); s.log('val_loss', nn.functional.cross_entropy(out, b[1])); s.log('val_acc', (out.argmax(1) == b[1]).float().mean())
    def on_validation_epoch_end(s):
        m = s.trainer.callback_metrics
        if 'train_loss' in m:
            print(f"epoch {s.current_epoch:2d} train_loss {m['train_loss']:.4f} val_loss {m['val_loss']:.4f} val_acc {m['val_acc']:.4f} lr {s.optimizers().param_groups[0]['lr']:.4f}", flush=True)
    def configure_optimizers(s): return torch.optim.SGD(s.parameters(), lr=0.1, momentum=0.9)
L.Trainer(max_epochs=20, callbacks=[StochasticWeightAveraging(swa_lrs=0.02, swa_epoch_start=12, annealing_epochs=3)], logger=False,
          enable_checkpointing=False, enable_progress_bar=False, num_sanity_val_steps=0).fit(
    C(), DataLoader(TensorDataset(Xtr, ytr), batch_size=128, shuffle=True), DataLoader(TensorDataset(Xva, yva), batch_size=500))
