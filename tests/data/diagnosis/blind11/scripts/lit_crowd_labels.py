import argparse, numpy as np, torch, torch.nn as nn, torch.nn.functional as F, lightning as L
from torch.utils.data import DataLoader, TensorDataset
p = argparse.ArgumentParser(); p.add_argument('--epochs', type=int, default=10); p.add_argument('--flip', type=float, default=0.25)
a = p.parse_args(); L.seed_everything(3); rng = np.random.default_rng(3)
n = 8000; X = rng.normal(size=(n, 12)).astype(np.float32)
clean = ((X[:, 0] + 0.8 * X[:, 1] - 0.5 * X[:, 3] + 0.3 * np.tanh(2 * X[:, 2])) > 0).astype(np.int64)
flip = rng.random(n) < a.flip; y = np.where(flip, 1 - clean, clean)
print(f'labels from crowd annotation; measured agreement with expert labels on an audit sample: {1 - flip[:500].mean():.3f}')
class Net(L.LightningModule):
    def __init__(s):
        super().__init__(); s.net = nn.Sequential(nn.Linear(12, 128), nn.ReLU(), nn.Linear(128, 128), nn.ReLU(), nn.Linear(128, 2))
    def forward(s, x): return s.net(x)
    def training_step(s, b, i):
        x, t = b; loss = F.cross_entropy(s(x), t); s.log('train_loss', loss, on_step=True, on_epoch=True, prog_bar=True); return loss
    def validation_step(s, b, i):
        x, t = b; o = s(x); s.log('val_loss', F.cross_entropy(o, t), prog_bar=True); s.log('val_acc', (o.argmax(1) == t).float().mean(), prog_bar=True)
    def configure_optimizers(s): return torch.optim.Adam(s.parameters(), 1e-3, weight_decay=1e-4)
class Print(L.Callback):
    def on_validation_epoch_end(s, tr, m):
        if tr.sanity_checking: return
        c = tr.callback_metrics
        print(f"Epoch {tr.current_epoch}: val_loss={c['val_loss']:.4f} val_acc={c['val_acc']:.4f}" + (f" train_loss_epoch={c['train_loss_epoch']:.4f}" if 'train_loss_epoch' in c else ''), flush=True)
Xt, yt = torch.tensor(X), torch.tensor(y)
t = L.Trainer(max_epochs=a.epochs, callbacks=[Print()], logger=False, enable_checkpointing=False, log_every_n_steps=50, enable_progress_bar=False)
t.fit(Net(), DataLoader(TensorDataset(Xt[:6400], yt[:6400]), batch_size=32, shuffle=True), DataLoader(TensorDataset(Xt[6400:], yt[6400:]), batch_size=512))
