# Lightning regression with ReduceLROnPlateau (factor 0.1, patience 3) on val_loss; LearningRateMonitor + a CSV logger
import torch, lightning as L
from torch import nn
from torch.utils.data import TensorDataset, DataLoader
from lightning.pytorch.callbacks import LearningRateMonitor
from lightning.pytorch.loggers import CSVLogger
torch.manual_seed(0)
def make(n):
    X = torch.rand(n, 4) * 2 - 1; y = torch.sin(3 * X[:, :1]) * X[:, 1:2] + 0.5 * X[:, 2:3] ** 2 + 0.05 * torch.randn(n, 1); return X, y
Xtr, ytr = make(4000); Xva, yva = make(1000)
class R(L.LightningModule):
    def __init__(s): super().__init__(); s.net = nn.Sequential(nn.Linear(4, 64), nn.Tanh(), nn.Linear(64, 64), nn.Tanh(), nn.Linear(64, 1))
    def training_step(s, b, i):
        l = nn.functional.mse_loss(s.net(b[0]), b[1]); s.log('train_loss', l, on_epoch=True, on_step=False); return l
    def validation_step(s, b, i): s.log('val_loss', nn.functional.mse_loss(s.net(b[0]), b[1]))
    def on_train_epoch_end(s):
        m = s.trainer.callback_metrics
        print(f"epoch {s.current_epoch:2d} train_loss {m['train_loss']:.5f} val_loss {m['val_loss']:.5f} lr {s.optimizers().param_groups[0]['lr']:.2e}", flush=True)
    def configure_optimizers(s):
        o = torch.optim.Adam(s.parameters(), lr=0.03)
        return {'optimizer': o, 'lr_scheduler': {'scheduler': torch.optim.lr_scheduler.ReduceLROnPlateau(o, factor=0.1, patience=3), 'monitor': 'val_loss'}}
L.Trainer(max_epochs=30, logger=CSVLogger('/tmp/plateau_logs'), callbacks=[LearningRateMonitor('epoch')], enable_checkpointing=False,
          enable_progress_bar=False, num_sanity_val_steps=0).fit(R(), DataLoader(TensorDataset(Xtr, ytr), batch_size=64, shuffle=True), DataLoader(TensorDataset(Xva, yva), batch_size=500))
