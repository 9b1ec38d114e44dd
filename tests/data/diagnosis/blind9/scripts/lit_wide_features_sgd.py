# Lightning linear+MLP regression on 40 standardised but strongly correlated features, SGD with momentum, lr from argv.
import sys, torch, torch.nn as nn, lightning as L
from lightning.pytorch.utilities import grad_norm
from torch.utils.data import DataLoader, TensorDataset
L.seed_everything(10); LR = float(sys.argv[1]) if len(sys.argv) > 1 else 0.05
z = torch.randn(8000, 4); x = z.repeat(1, 10) + 0.1 * torch.randn(8000, 40); x = (x - x.mean(0)) / x.std(0)
y = (z @ torch.tensor([1.0, -2.0, 0.5, 1.5])).unsqueeze(1) + 0.1 * torch.randn(8000, 1)
class Reg(L.LightningModule):
    def __init__(self): super().__init__(); self.net = nn.Sequential(nn.Linear(40, 64), nn.ReLU(), nn.Linear(64, 1))
    def training_step(self, b, i):
        loss = nn.functional.mse_loss(self.net(b[0]), b[1]); self.log("train_mse", loss); self._last = loss.item(); return loss
    def on_before_optimizer_step(self, opt):
        if self.global_step % 2 == 0:
            n = grad_norm(self, norm_type=2)["grad_2.0_norm_total"]
            self.print(f"epoch {self.current_epoch} step {self.global_step} train_mse {self._last:.6g} grad_norm {n.item():.6g}")
    def configure_optimizers(self): return torch.optim.SGD(self.parameters(), lr=LR, momentum=0.9)
print("lr", LR)
L.Trainer(max_epochs=3, enable_progress_bar=False, logger=False, enable_checkpointing=False).fit(Reg(), DataLoader(TensorDataset(x, y), batch_size=64, shuffle=True))
