import torch, torch.nn as nn, torch.nn.functional as F, lightning as L, numpy as np
from torch.utils.data import TensorDataset, DataLoader
L.seed_everything(0); rng = np.random.default_rng(0)
n = 6000
X = rng.normal(size=(n, 10)).astype('float32')
price = 310000 + 85000 * X[:, 0] + 40000 * np.tanh(X[:, 1]) + 25000 * X[:, 2] * (X[:, 3] > 0) + rng.normal(0, 15000, n)
print(f'price mean {price.mean():.0f} std {price.std():.0f}; targets kept in dollars; noise std 15000 (mse floor 2.25e8)')
y = torch.tensor(price, dtype=torch.float32)[:, None]; X = torch.tensor(X)
class M(L.LightningModule):
    def __init__(s):
        super().__init__(); s.net = nn.Sequential(nn.Linear(10, 128), nn.ReLU(), nn.Linear(128, 64), nn.ReLU(), nn.Linear(64, 1))
        s.register_buffer('mu', torch.tensor(310000.0)); s.register_buffer('sd', torch.tensor(90000.0))
    def forward(s, x): return s.mu + s.sd * s.net(x)   # head outputs dollars
    def training_step(s, b, i): x, t = b; loss = F.mse_loss(s(x), t); s.log('train_mse', loss, on_step=False, on_epoch=True); return loss
    def validation_step(s, b, i):
        x, t = b; p = s(x); s.log('val_mse', F.mse_loss(p, t)); s.log('val_r2', 1 - ((p - t) ** 2).sum() / ((t - t.mean()) ** 2).sum())
    def on_validation_epoch_end(s):
        m = s.trainer.callback_metrics
        if 'train_mse' in m: print(f"epoch {s.current_epoch:2d}  train_mse {m['train_mse']:.4e}  val_mse {m['val_mse']:.4e}  val_r2 {m['val_r2']:.4f}")
    def configure_optimizers(s):
        o = torch.optim.Adam(s.parameters(), lr=3e-3); return {'optimizer': o, 'lr_scheduler': torch.optim.lr_scheduler.StepLR(o, 10, 0.3)}
tl = DataLoader(TensorDataset(X[:5000], y[:5000]), batch_size=64, shuffle=True); vl = DataLoader(TensorDataset(X[5000:], y[5000:]), batch_size=1000)
L.Trainer(max_epochs=25, enable_progress_bar=False, logger=False, enable_checkpointing=False).fit(M(), tl, vl)
