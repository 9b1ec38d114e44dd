"""Lightning DDP on CPU (gloo, 2 processes): rank 1 stops early on a rank-dependent condition (its shard 'looks
finished'), so rank 0 waits in the gradient all-reduce until the process group's timeout (20 s here)."""

import datetime
import time

import lightning as L
import torch
from lightning.pytorch.strategies import DDPStrategy
from torch import nn


class Net(L.LightningModule):
    def __init__(self):
        super().__init__()
        self.net = nn.Linear(16, 4)

    def training_step(self, batch, batch_idx):
        if self.global_rank == 1 and batch_idx == 5:
            time.sleep(120)  # a rank stuck in I/O or a data-dependent branch
        x, y = batch
        loss = nn.functional.cross_entropy(self.net(x), y)
        self.log("train_loss", loss, prog_bar=True)
        return loss

    def configure_optimizers(self):
        return torch.optim.SGD(self.parameters(), lr=0.1)


if __name__ == "__main__":
    L.seed_everything(0)
    g = torch.Generator().manual_seed(0)
    ds = torch.utils.data.TensorDataset(torch.randn(2048, 16, generator=g), torch.randint(0, 4, (2048,), generator=g))
    strategy = DDPStrategy(process_group_backend="gloo", timeout=datetime.timedelta(seconds=20))
    trainer = L.Trainer(
        max_epochs=1, accelerator="cpu", devices=2, strategy=strategy, logger=False, enable_checkpointing=False
    )
    trainer.fit(Net(), torch.utils.data.DataLoader(ds, batch_size=32))
