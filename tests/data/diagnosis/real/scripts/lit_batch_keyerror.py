"""Lightning: the DataModule yields dict batches, the training_step reads a key the collate never produces."""

import lightning as L
import torch
from torch import nn


class Pairs(torch.utils.data.Dataset):
    def __len__(self):
        return 512

    def __getitem__(self, i):
        g = torch.Generator().manual_seed(i)
        return {"features": torch.randn(16, generator=g), "target": i % 4}


class Net(L.LightningModule):
    def __init__(self):
        super().__init__()
        self.net = nn.Linear(16, 4)

    def training_step(self, batch, batch_idx):
        loss = nn.functional.cross_entropy(self.net(batch["features"]), batch["label"])
        self.log("train_loss", loss, prog_bar=True)
        return loss

    def configure_optimizers(self):
        return torch.optim.SGD(self.parameters(), lr=0.1)


L.seed_everything(0)
L.Trainer(max_epochs=2, accelerator="cpu", logger=False, enable_checkpointing=False).fit(
    Net(), torch.utils.data.DataLoader(Pairs(), batch_size=32)
)
