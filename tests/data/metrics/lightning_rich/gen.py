"""A Lightning run as a new user writes one: a small MLP classifier on synthetic data, train and validation
metrics logged per step and per epoch, the default progress bar (tqdm; or Rich with `rich` as argument),
CSVLogger and TensorBoardLogger, then trainer.test(). Labels: the CSVLogger's metrics.csv is the exact record;
the test results trainer.test() returns are added to labels.json."""

import json
import sys

import lightning as L
import torch
from lightning.pytorch.callbacks import RichProgressBar, TQDMProgressBar
from lightning.pytorch.loggers import CSVLogger, TensorBoardLogger
from torch import nn

torch.manual_seed(0)
X = torch.randn(640, 8)
Y = (X[:, 0] + 0.5 * X[:, 1] > 0).long()


class Net(L.LightningModule):
    def __init__(self, lr=0.05, hidden=16):
        super().__init__()
        self.save_hyperparameters()
        self.net = nn.Sequential(nn.Linear(8, hidden), nn.ReLU(), nn.Linear(hidden, 2))

    def _step(self, batch):
        x, y = batch
        logits = self.net(x)
        return nn.functional.cross_entropy(logits, y), (logits.argmax(-1) == y).float().mean()

    def training_step(self, batch, i):
        loss, acc = self._step(batch)
        self.log("train_loss", loss, on_step=True, on_epoch=True, prog_bar=True)
        self.log("train_acc", acc, on_step=False, on_epoch=True)
        return loss

    def validation_step(self, batch, i):
        loss, acc = self._step(batch)
        self.log("val_loss", loss, prog_bar=True)
        self.log("val_acc", acc, prog_bar=True)

    def test_step(self, batch, i):
        loss, acc = self._step(batch)
        self.log("test_loss", loss)
        self.log("test_acc", acc)

    def configure_optimizers(self):
        return torch.optim.SGD(self.parameters(), lr=self.hparams.lr)


ds = torch.utils.data.TensorDataset(X, Y)
train, val, test = torch.utils.data.random_split(ds, [480, 96, 64], generator=torch.Generator().manual_seed(0))
dl = torch.utils.data.DataLoader
bar = RichProgressBar() if "rich" in sys.argv[1:] else TQDMProgressBar()
trainer = L.Trainer(
    max_epochs=4,
    accelerator="cpu",
    log_every_n_steps=5,
    callbacks=[bar],
    logger=[CSVLogger("logs"), TensorBoardLogger("tb_logs")],
    enable_checkpointing=False,
)
trainer.fit(Net(), dl(train, batch_size=32, shuffle=True), dl(val, batch_size=32))
results = trainer.test(ckpt_path=None, model=trainer.lightning_module, dataloaders=dl(test, batch_size=32))
with open("labels.json", "w") as f:
    json.dump({"source": "CSVLogger metrics.csv + trainer.test() results", "test": results}, f, indent=1)
