"""Lightning 2.6 with its TQDM progress bar refreshed on every batch, logging every 50 steps: the bar's postfix
(`train_loss=...`, logged every 50 steps) holds the last logged value between two logging steps, so consecutive refreshes
print the same numbers while the model learns (healthy). stderr's carriage returns are turned into lines, as a
paste of a terminal shows them; stdout.log is 14 refreshes from the middle of epoch 1."""

import lightning as L
from lightning.pytorch.callbacks import TQDMProgressBar
import torch
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
X = torch.randn(6400, 16)
y = (X[:, :4].sum(1) > 0).long()


class Net(L.LightningModule):
    def __init__(self):
        super().__init__()
        self.net = torch.nn.Sequential(torch.nn.Linear(16, 32), torch.nn.ReLU(), torch.nn.Linear(32, 2))

    def training_step(self, batch, _):
        x, t = batch
        loss = torch.nn.functional.cross_entropy(self.net(x), t)
        if self.global_step % 50 == 0:  # a metric logged every 50 steps, as a user throttles an expensive one
            self.log("train_loss", loss, prog_bar=True)
        return loss

    def configure_optimizers(self):
        return torch.optim.SGD(self.parameters(), lr=0.05)


trainer = L.Trainer(
    max_epochs=2,
    log_every_n_steps=50,
    enable_checkpointing=False,
    logger=False,
    accelerator="cpu",
    callbacks=[TQDMProgressBar(refresh_rate=1)],
)
trainer.fit(Net(), DataLoader(TensorDataset(X, y), batch_size=32, shuffle=True))
