import torch, torch.nn as nn, torch.nn.functional as F, lightning as L, argparse
from sklearn.datasets import make_classification
from torch.utils.data import TensorDataset, DataLoader
p = argparse.ArgumentParser(); p.add_argument('--lr', type=float, default=0.01); p.add_argument('--momentum', type=float, default=0.9)
a = p.parse_args()
L.seed_everything(0)
X, y = make_classification(n_samples=4000, n_features=24, n_informative=10, n_classes=4, n_clusters_per_class=1, random_state=2)
X = torch.tensor((X - X.mean(0)) / X.std(0), dtype=torch.float32); y = torch.tensor(y)
class M(L.LightningModule):
    def __init__(s):
        super().__init__(); s.net = nn.Sequential(nn.Linear(24, 128), nn.ReLU(), nn.Linear(128, 128), nn.ReLU(), nn.Linear(128, 4))
    def training_step(s, b, i):
        x, t = b; loss = F.cross_entropy(s.net(x), t); s.log('train_loss', loss, on_step=True, on_epoch=True); return loss
    def validation_step(s, b, i):
        x, t = b; o = s.net(x); s.log('val_loss', F.cross_entropy(o, t)); s.log('val_acc', (o.argmax(1) == t).float().mean())
    def on_validation_epoch_end(s):
        m = s.trainer.callback_metrics
        if 'train_loss_epoch' in m:
            print(f"Epoch {s.current_epoch}: train_loss_epoch={m['train_loss_epoch']:.4f} val_loss={m['val_loss']:.4f} val_acc={m['val_acc']:.4f}")
    def on_train_batch_end(s, out, b, i):
        if s.global_step % 40 == 0: print(f"  step {s.global_step} train_loss_step={out['loss'].item():.4f}")
    def configure_optimizers(s): return torch.optim.SGD(s.parameters(), lr=a.lr, momentum=a.momentum)
tl = DataLoader(TensorDataset(X[:3200], y[:3200]), batch_size=64, shuffle=True); vl = DataLoader(TensorDataset(X[3200:], y[3200:]), batch_size=400)
L.Trainer(max_epochs=8, enable_progress_bar=False, logger=False, enable_checkpointing=False).fit(M(), tl, vl)
