import argparse, numpy as np, torch, torch.nn as nn, torch.nn.functional as F, lightning as L
from torch.utils.data import DataLoader, TensorDataset
p = argparse.ArgumentParser(); p.add_argument('--epochs', type=int, default=6); p.add_argument('--batch-size', type=int, default=64)
a = p.parse_args(); L.seed_everything(7)
rng = np.random.default_rng(7)
n = 3073
X = rng.normal(size=(n, 16)).astype(np.float32) * rng.uniform(0.5, 50, 16).astype(np.float32) + rng.uniform(-100, 100, 16).astype(np.float32)
w = rng.normal(size=16)
yv = (((X - X.mean(0)) / X.std(0)) @ w > 0).astype(np.int64)
class Net(L.LightningModule):
    def __init__(s):
        super().__init__(); s.net = nn.Sequential(nn.Linear(16, 64), nn.ReLU(), nn.Linear(64, 2))
    def forward(s, x):
        x = (x - x.mean(0, keepdim=True)) / x.std(0, keepdim=True)   # standardise each batch
        return s.net(x)
    def training_step(s, b, i):
        x, y = b; loss = F.cross_entropy(s(x), y)
        s.log('train_loss', loss, prog_bar=True, on_step=True, on_epoch=True); return loss
    def validation_step(s, b, i):
        x, y = b; o = s(x)
        s.log('val_loss', F.cross_entropy(o, y), prog_bar=True); s.log('val_acc', (o.argmax(1) == y).float().mean(), prog_bar=True)
    def configure_optimizers(s): return torch.optim.Adam(s.parameters(), lr=1e-3)
tr = TensorDataset(torch.tensor(X[:2561]), torch.tensor(yv[:2561]))
va = TensorDataset(torch.tensor(X[2561:]), torch.tensor(yv[2561:]))
t = L.Trainer(max_epochs=a.epochs, log_every_n_steps=10, enable_progress_bar=False, logger=L.pytorch.loggers.CSVLogger('/tmp/b11_lit_logs'))
class P(L.Callback):
    def on_train_epoch_end(s, tr_, m):
        c = tr_.callback_metrics
        print(f"epoch {tr_.current_epoch} train_loss_epoch {c['train_loss_epoch']:.4f} val_loss {c['val_loss']:.4f} val_acc {c['val_acc']:.4f}", flush=True)
    def on_train_batch_end(s, tr_, m, out, b, i):
        if i % 10 == 0 or i == tr_.num_training_batches - 1:
            print(f"epoch {tr_.current_epoch} step {tr_.global_step} batch {i} size {len(b[0])} train_loss {out['loss'].item():.4f}", flush=True)
t.callbacks.append(P())
t.fit(Net(), DataLoader(tr, batch_size=a.batch_size, shuffle=True), DataLoader(va, batch_size=256))
