import math, torch, torch.nn as nn, torch.nn.functional as F, lightning as L
from sklearn.datasets import load_digits
from torch.utils.data import DataLoader, TensorDataset
L.seed_everything(0)
X, y = load_digits(return_X_y=True); X = torch.tensor(X / 16.0, dtype=torch.float32); y = torch.tensor(y)
perm = torch.randperm(len(y)); X, y = X[perm], y[perm]
class M(L.LightningModule):
    def __init__(s):
        super().__init__(); s.net = nn.Sequential(nn.Linear(64, 256), nn.ReLU(), nn.Linear(256, 256), nn.ReLU(), nn.Dropout(0.2), nn.Linear(256, 10))
    def training_step(s, b, i):
        x, t = b; loss = F.cross_entropy(s.net(x), t); s.log('train_loss', loss, prog_bar=True, on_step=True, on_epoch=True); return loss
    def validation_step(s, b, i):
        x, t = b; out = s.net(x); s.log('val_loss', F.cross_entropy(out, t), prog_bar=True); s.log('val_acc', (out.argmax(1) == t).float().mean(), prog_bar=True)
    def configure_optimizers(s):
        opt = torch.optim.Adam(s.parameters(), lr=0.03)
        total = 8 * 23; warm = 40
        f = lambda k: (k + 1) / warm if k < warm else 0.5 * (1 + math.cos(math.pi * (k - warm) / (total - warm)))
        return {'optimizer': opt, 'lr_scheduler': {'scheduler': torch.optim.lr_scheduler.LambdaLR(opt, f), 'interval': 'step'}}
tr = TensorDataset(X[:1437], y[:1437]); va = TensorDataset(X[1437:], y[1437:])
cb = [L.pytorch.callbacks.LearningRateMonitor('step')]
t = L.Trainer(max_epochs=8, accelerator='cpu', log_every_n_steps=5, callbacks=cb, logger=L.pytorch.loggers.CSVLogger('logs', name='warm'), enable_checkpointing=False, enable_progress_bar=False)
class P(L.Callback):
    def on_train_batch_end(s, tr_, m, out, b, i):
        if tr_.global_step % 10 == 0: print(f"step {tr_.global_step:4d} lr {tr_.optimizers[0].param_groups[0]['lr']:.5f} train_loss {out['loss'].item():.4f}", flush=True)
    def on_validation_epoch_end(s, tr_, m):
        if not tr_.sanity_checking: print(f"epoch {tr_.current_epoch} val_loss {tr_.callback_metrics['val_loss']:.4f} val_acc {tr_.callback_metrics['val_acc']:.4f}", flush=True)
t.callbacks.append(P())
t.fit(M(), DataLoader(tr, batch_size=64, shuffle=True), DataLoader(va, batch_size=128))
