# Lightning CNN on synthetic 32x32 images, 200 epochs: the job runs under a wall-clock limit.
import torch, torch.nn as nn, lightning as L
torch.manual_seed(0)
X = torch.randn(2048, 3, 32, 32); Y = (X[:, 0].mean((1, 2)) > 0).long()
class M(L.LightningModule):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Conv2d(3, 32, 3, padding=1), nn.ReLU(), nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                 nn.Conv2d(64, 64, 3, padding=1), nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(64, 2))
    def training_step(self, b, i):
        loss = nn.functional.cross_entropy(self.net(b[0]), b[1]); self.log("train_loss", loss, prog_bar=True); return loss
    def on_train_epoch_end(self):
        print(f"epoch {self.current_epoch} train_loss {self.trainer.callback_metrics['train_loss']:.4f}", flush=True)
    def configure_optimizers(self): return torch.optim.Adam(self.parameters(), 1e-3)
L.Trainer(max_epochs=200, logger=False, enable_checkpointing=False, accelerator="cpu").fit(M(), torch.utils.data.DataLoader(torch.utils.data.TensorDataset(X, Y), batch_size=64, shuffle=True))
