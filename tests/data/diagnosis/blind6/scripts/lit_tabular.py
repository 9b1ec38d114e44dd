# Lightning MLP on a synthetic 5-class tabular task (labels from a random teacher network, 15% label noise).
# Options: early stopping on val_loss, a ModelCheckpoint folder that keeps every epoch, model width, epochs.
import argparse
import torch, torch.nn as nn, torch.nn.functional as F
import lightning as L
from lightning.pytorch.callbacks import EarlyStopping, ModelCheckpoint
from torch.utils.data import DataLoader, TensorDataset

p = argparse.ArgumentParser()
p.add_argument("--max-epochs", type=int, default=20)
p.add_argument("--n-train", type=int, default=4000)
p.add_argument("--hidden", type=int, default=128)
p.add_argument("--lr", type=float, default=1e-3)
p.add_argument("--patience", type=int, default=0, help="early stopping patience (0: off)")
p.add_argument("--ckpt-dir", default=None)
p.add_argument("--batch-size", type=int, default=64)
a = p.parse_args()
L.seed_everything(7)
g = torch.Generator().manual_seed(7)
teacher = nn.Sequential(nn.Linear(20, 32), nn.Tanh(), nn.Linear(32, 5))
for prm in teacher.parameters():
    nn.init.normal_(prm, std=0.3, generator=g)
def make(n):
    x = torch.randn(n, 20, generator=g)
    with torch.no_grad():
        y = teacher(x).argmax(1)
    flip = torch.rand(n, generator=g) < 0.15
    y[flip] = torch.randint(0, 5, (int(flip.sum()),), generator=g)
    return TensorDataset(x, y)
train, val = make(a.n_train), make(1000)

class MLP(L.LightningModule):
    def __init__(self):
        super().__init__()
        self.save_hyperparameters(vars(a))
        self.net = nn.Sequential(nn.Linear(20, a.hidden), nn.ReLU(), nn.Linear(a.hidden, a.hidden), nn.ReLU(),
                                 nn.Linear(a.hidden, 5))
    def training_step(self, b, i):
        loss = F.cross_entropy(self.net(b[0]), b[1])
        self.log("train_loss", loss, on_step=True, on_epoch=True, prog_bar=True)
        return loss
    def validation_step(self, b, i):
        out = self.net(b[0])
        self.log("val_loss", F.cross_entropy(out, b[1]), prog_bar=True)
        self.log("val_acc", (out.argmax(1) == b[1]).float().mean(), prog_bar=True)
    def on_train_epoch_end(self):
        m = self.trainer.callback_metrics
        if "val_loss" in m:
            print(f"epoch {self.current_epoch}: train_loss_epoch {m['train_loss_epoch']:.4f} "
                  f"val_loss {m['val_loss']:.4f} val_acc {m['val_acc']:.4f}", flush=True)
    def configure_optimizers(self):
        return torch.optim.Adam(self.parameters(), lr=a.lr)

cbs = []
if a.patience:
    cbs.append(EarlyStopping(monitor="val_loss", patience=a.patience, verbose=True))
if a.ckpt_dir:
    cbs.append(ModelCheckpoint(dirpath=a.ckpt_dir, filename="mlp-{epoch:03d}-{val_loss:.4f}", save_top_k=-1,
                               every_n_epochs=1, verbose=True))
trainer = L.Trainer(max_epochs=a.max_epochs, accelerator="cpu", devices=1, callbacks=cbs,
                    enable_progress_bar=False, log_every_n_steps=20, logger=L.pytorch.loggers.CSVLogger("out/lit_tab"))
trainer.fit(MLP(), DataLoader(train, batch_size=a.batch_size, shuffle=True), DataLoader(val, batch_size=256))
print("training finished")
