# Heteroscedastic regression in Lightning: the network predicts mean and variance; variance taken raw (no softplus).
import torch, torch.nn as nn, lightning as L
from torch.utils.data import DataLoader, TensorDataset
L.seed_everything(0)
x = torch.rand(4096, 4) * 2 - 1
y = (x[:, :1] * 2 + x[:, 1:2] ** 2) + 0.01 * torch.randn(4096, 1) * (1 + x[:, 2:3].abs())
class Het(L.LightningModule):
    def __init__(self):
        super().__init__(); self.net = nn.Sequential(nn.Linear(4, 64), nn.Tanh(), nn.Linear(64, 2))
        with torch.no_grad(): self.net[2].bias[1] = 1.0
    def training_step(self, batch, i):
        xb, yb = batch; out = self.net(xb); mu, var = out[:, :1], out[:, 1:]
        loss = (0.5 * torch.log(var) + 0.5 * (yb - mu) ** 2 / var).mean()
        self.log("train_nll", loss, prog_bar=False)
        if self.global_step % 10 == 0: self.print(f"epoch {self.current_epoch} step {self.global_step} train_nll {loss.item():.4f} min_var {var.min().item():.4f}")
        return loss
    def configure_optimizers(self): return torch.optim.Adam(self.parameters(), lr=1e-2)
dl = DataLoader(TensorDataset(x, y), batch_size=64, shuffle=True)
L.Trainer(max_epochs=5, enable_progress_bar=False, logger=False, enable_checkpointing=False).fit(Het(), dl)
