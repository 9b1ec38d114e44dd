import torch, torch.nn as nn, torch.nn.functional as F, lightning as L
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
from torch.utils.data import TensorDataset, DataLoader
L.seed_everything(0)
d = load_digits(); X = torch.tensor(d.images, dtype=torch.float32) / 16.0
# sensor gives a 2x2 readout: average each 4x4 quadrant
X = F.avg_pool2d(X[:, None], 4).flatten(1)
print('features per sample:', X.shape[1], 'classes: 10')
y = torch.tensor(d.target)
Xtr, Xva, ytr, yva = train_test_split(X, y, test_size=0.25, random_state=0, stratify=y)
class M(L.LightningModule):
    def __init__(s):
        super().__init__(); s.net = nn.Sequential(nn.Linear(4, 256), nn.ReLU(), nn.Linear(256, 256), nn.ReLU(), nn.Linear(256, 10))
    def training_step(s, b, i):
        x, t = b; loss = F.cross_entropy(s.net(x), t); s.log('train_loss', loss, on_epoch=True, on_step=False, prog_bar=True); return loss
    def validation_step(s, b, i):
        x, t = b; o = s.net(x)
        s.log('val_loss', F.cross_entropy(o, t), prog_bar=True); s.log('val_acc', (o.argmax(1) == t).float().mean(), prog_bar=True)
    def on_validation_epoch_end(s):
        m = s.trainer.callback_metrics
        if 'train_loss' in m:
            print(f"epoch {s.current_epoch} train_loss {m['train_loss']:.4f} val_loss {m['val_loss']:.4f} val_acc {m['val_acc']:.4f}")
    def configure_optimizers(s): return torch.optim.Adam(s.parameters(), 3e-3)
tl = DataLoader(TensorDataset(Xtr, ytr), batch_size=64, shuffle=True); vl = DataLoader(TensorDataset(Xva, yva), batch_size=256)
L.Trainer(max_epochs=40, enable_progress_bar=False, logger=False, enable_checkpointing=False).fit(M(), tl, vl)
