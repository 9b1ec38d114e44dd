# Lightning MLP on a synthetic tabular regression, OneCycleLR (peak 0.05 at 30% of the run), LearningRateMonitor and
# CSVLogger; the logged metrics are printed from the CSV at the end.
import glob, csv, torch, torch.nn as nn, lightning as L
from lightning.pytorch.callbacks import LearningRateMonitor
from lightning.pytorch.loggers import CSVLogger
from torch.utils.data import DataLoader, TensorDataset
L.seed_everything(9)
x = torch.randn(6000, 10); y = (torch.sin(2 * x[:, 0]) + x[:, 1] * x[:, 2] + 0.3 * x[:, 3] ** 2 + 0.2 * torch.randn(6000)).unsqueeze(1)
tr, va = TensorDataset(x[:5000], y[:5000]), TensorDataset(x[5000:], y[5000:])
class Reg(L.LightningModule):
    def __init__(self): super().__init__(); self.net = nn.Sequential(nn.Linear(10, 128), nn.ReLU(), nn.Linear(128, 128), nn.ReLU(), nn.Linear(128, 1))
    def training_step(self, b, i):
        loss = nn.functional.mse_loss(self.net(b[0]), b[1]); self.log("train_mse", loss, on_step=True, on_epoch=False); return loss
    def validation_step(self, b, i): self.log("val_mse", nn.functional.mse_loss(self.net(b[0]), b[1]))
    def configure_optimizers(self):
        opt = torch.optim.SGD(self.parameters(), lr=0.05, momentum=0.9)
        sch = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=0.05, total_steps=self.trainer.estimated_stepping_batches, pct_start=0.3)
        return {"optimizer": opt, "lr_scheduler": {"scheduler": sch, "interval": "step"}}
logger = CSVLogger("lit_logs", name="onecycle")
L.Trainer(max_epochs=12, enable_progress_bar=False, logger=logger, log_every_n_steps=20, enable_checkpointing=False,
          callbacks=[LearningRateMonitor("step")]).fit(Reg(), DataLoader(tr, batch_size=64, shuffle=True), DataLoader(va, batch_size=500))
rows = list(csv.DictReader(open(glob.glob(f"{logger.log_dir}/metrics.csv")[0])))
for r in rows:
    print(" ".join(f"{k}={v}" for k, v in r.items() if v != ""))
