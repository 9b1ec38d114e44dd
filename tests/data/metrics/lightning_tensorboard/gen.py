"""A Lightning run with the default logger (TensorBoard) only, no CSV: a small regression MLP with mse and mae,
logging every 2 steps, validation twice per epoch (val_check_interval=0.5), the default tqdm bar.
Labels: the event file as read by the tensorboard package's own EventAccumulator (not this project's reader)."""

import glob
import json

import lightning as L
import torch
from lightning.pytorch.loggers import TensorBoardLogger
from torch import nn

torch.manual_seed(0)
X = torch.randn(400, 6)
Y = X @ torch.randn(6, 1) + 0.1 * torch.randn(400, 1)


class Reg(L.LightningModule):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(6, 16), nn.Tanh(), nn.Linear(16, 1))

    def training_step(self, batch, i):
        x, y = batch
        loss = nn.functional.mse_loss(self.net(x), y)
        self.log("train_mse", loss, prog_bar=True)
        return loss

    def validation_step(self, batch, i):
        x, y = batch
        pred = self.net(x)
        self.log("val_mse", nn.functional.mse_loss(pred, y), prog_bar=True)
        self.log("val_mae", (pred - y).abs().mean(), prog_bar=True)

    def configure_optimizers(self):
        return torch.optim.Adam(self.parameters(), lr=0.01)


ds = torch.utils.data.TensorDataset(X, Y)
train, val = torch.utils.data.random_split(ds, [320, 80], generator=torch.Generator().manual_seed(0))
trainer = L.Trainer(max_epochs=3, accelerator="cpu", log_every_n_steps=2, val_check_interval=0.5,
                    logger=TensorBoardLogger("runs"), enable_checkpointing=False)
trainer.fit(Reg(), torch.utils.data.DataLoader(train, batch_size=16, shuffle=True), torch.utils.data.DataLoader(val, batch_size=40))
from tensorboard.backend.event_processing.event_accumulator import EventAccumulator  # noqa: E402

acc = EventAccumulator(sorted(glob.glob("runs/**/events.out.tfevents.*", recursive=True))[0])
acc.Reload()
scalars = {tag: [[e.step, e.value] for e in acc.Scalars(tag)] for tag in acc.Tags()["scalars"]}
with open("labels.json", "w") as f:
    json.dump({"source": "tensorboard EventAccumulator", "series": scalars}, f, indent=1)
