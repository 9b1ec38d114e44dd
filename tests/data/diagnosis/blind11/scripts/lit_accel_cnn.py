import argparse, numpy as np, torch, torch.nn as nn, torch.nn.functional as F, lightning as L
from torch.utils.data import DataLoader, TensorDataset
p = argparse.ArgumentParser(); p.add_argument('--epochs', type=int, default=5); p.add_argument('--window', type=int, default=100)
a = p.parse_args(); L.seed_everything(1); rng = np.random.default_rng(1)
N, C = 2400, 3
X = rng.normal(size=(N, a.window, C)).astype(np.float32)   # windows of accelerometer readings: time x (ax, ay, az)
y = rng.integers(0, 4, N)
for k in range(4): X[y == k, :, k % 3] += np.sin(np.linspace(0, (k + 1) * 6.28, a.window)).astype(np.float32)
print(f'windows: {X.shape} (n, time, channels), classes 4')
class Net(L.LightningModule):
    def __init__(s):
        super().__init__()
        s.conv = nn.Sequential(nn.Conv1d(C, 32, 5, padding=2), nn.ReLU(), nn.Conv1d(32, 32, 5, padding=2), nn.ReLU(), nn.AdaptiveAvgPool1d(1))
        s.fc = nn.Linear(32, 4)
    def forward(s, x): return s.fc(s.conv(x).squeeze(-1))
    def training_step(s, b, i):
        x, yy = b; loss = F.cross_entropy(s(x), yy); s.log('train_loss', loss, prog_bar=True); return loss
    def validation_step(s, b, i):
        x, yy = b; o = s(x); s.log('val_loss', F.cross_entropy(o, yy), prog_bar=True)
    def configure_optimizers(s): return torch.optim.Adam(s.parameters(), 1e-3)
Xt, yt = torch.tensor(X), torch.tensor(y)
t = L.Trainer(max_epochs=a.epochs, logger=False, enable_checkpointing=False)
t.fit(Net(), DataLoader(TensorDataset(Xt[:2000], yt[:2000]), batch_size=64, shuffle=True), DataLoader(TensorDataset(Xt[2000:], yt[2000:]), batch_size=256))
