"""A small Lightning regression that prints its loss every 20 steps; run under stop_wrapper.sh, which stops it
from outside the way a scheduler does (SIGTERM after a notice line). Lightning catches SIGTERM, ends the fit
gracefully and the process exits 0. Usage: python lit_stopped.py EPOCHS SLEEP."""

import sys
import time

import lightning as L
import torch


class Reg(L.LightningModule):
    def __init__(self, sleep):
        super().__init__()
        self.net = torch.nn.Sequential(torch.nn.Linear(8, 32), torch.nn.ReLU(), torch.nn.Linear(32, 1))
        self.sleep = sleep

    def training_step(self, batch, i):
        x, y = batch
        loss = torch.nn.functional.mse_loss(self.net(x).squeeze(-1), y)
        if self.global_step % 20 == 0:
            print(f"step {self.global_step} train_loss {loss.item():.4f}", flush=True)
        time.sleep(self.sleep)
        return loss

    def configure_optimizers(self):
        return torch.optim.Adam(self.parameters(), lr=1e-2)


def main():
    epochs, sleep = int(sys.argv[1]), float(sys.argv[2])
    torch.manual_seed(0)
    x = torch.randn(1600, 8)
    y = x @ torch.randn(8) + 0.1 * torch.randn(1600)
    dl = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(x, y), batch_size=32, shuffle=True)
    trainer = L.Trainer(
        max_epochs=epochs, logger=False, enable_progress_bar=False, enable_checkpointing=False, accelerator="cpu"
    )
    trainer.fit(Reg(sleep), dl)
    print("fit finished", flush=True)


if __name__ == "__main__":
    main()
