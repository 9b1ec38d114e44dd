"""Lightning regression of a power-plant output from 12 sensor readings (synthetic, deterministic)."""
import argparse, math
import numpy as np, torch, lightning as L
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

p = argparse.ArgumentParser()
p.add_argument('--lr', type=float, default=0.01)
p.add_argument('--momentum', type=float, default=0.9)
p.add_argument('--epochs', type=int, default=10)
p.add_argument('--batch-size', type=int, default=32)
p.add_argument('--hidden', type=int, default=64)
p.add_argument('--act', default='relu', choices=['relu', 'none'])
p.add_argument('--clip', type=float, default=None)
p.add_argument('--log-every', type=int, default=10)
p.add_argument('--seed', type=int, default=0)
p.add_argument('--linear-part', type=float, default=0.0)
a = p.parse_args()
L.seed_everything(a.seed)
rng = np.random.default_rng(a.seed)
n = 6000
X = rng.normal(size=(n, 12)).astype(np.float32)
y = (3 * np.sin(2 * X[:, 0]) + 2 * X[:, 1] * X[:, 2] + np.abs(X[:, 3]) * 2 + 0.5 * X[:, 4] + a.linear_part * (X[:, 5] + X[:, 6] - X[:, 7]) + 0.1 * rng.normal(size=n)).astype(np.float32)
print(f"data: {n} rows x 12 sensors, target mean {y.mean():.3f} var {y.var():.4f}, noise var 0.0100")
tr, va = slice(0, 5000), slice(5000, n)
dl_tr = DataLoader(TensorDataset(torch.from_numpy(X[tr]), torch.from_numpy(y[tr])), batch_size=a.batch_size, shuffle=True)
dl_va = DataLoader(TensorDataset(torch.from_numpy(X[va]), torch.from_numpy(y[va])), batch_size=256)

class Reg(L.LightningModule):
    def __init__(self):
        super().__init__()
        self.save_hyperparameters(vars(a))
        act = nn.ReLU() if a.act == 'relu' else nn.Identity()
        self.net = nn.Sequential(nn.Linear(12, a.hidden), act, nn.Linear(a.hidden, a.hidden), act,
                                 nn.Linear(a.hidden, a.hidden), act, nn.Linear(a.hidden, 1))
    def training_step(self, b, i):
        x, t = b
        loss = nn.functional.mse_loss(self.net(x).squeeze(-1), t)
        self.log('train_loss', loss, on_step=True, on_epoch=True)
        if self.global_step % a.log_every == 0:
            print(f"epoch {self.current_epoch} step {self.global_step} train_loss {loss.item():.6g}", flush=True)
        return loss
    def validation_step(self, b, i):
        x, t = b
        self.log('val_loss', nn.functional.mse_loss(self.net(x).squeeze(-1), t), on_epoch=True)
    def on_validation_epoch_end(self):
        m = self.trainer.callback_metrics
        if 'train_loss_epoch' in m:
            print(f"epoch {self.current_epoch}: train_loss {m['train_loss_epoch'].item():.6g} val_loss {m['val_loss'].item():.6g}", flush=True)
    def configure_optimizers(self):
        return torch.optim.SGD(self.parameters(), lr=a.lr, momentum=a.momentum)

tr_ = L.Trainer(max_epochs=a.epochs, enable_progress_bar=False, logger=False, enable_checkpointing=False,
                gradient_clip_val=a.clip, num_sanity_val_steps=0)
tr_.fit(Reg(), dl_tr, dl_va)
print("done")
