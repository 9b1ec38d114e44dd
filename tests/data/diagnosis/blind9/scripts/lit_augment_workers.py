# Lightning CNN on synthetic 32x32 images with on-the-fly augmentation in 2 DataLoader worker processes.
import torch, torch.nn as nn, lightning as L
from torch.utils.data import DataLoader, Dataset
L.seed_everything(7)
class Aug(Dataset):
    def __init__(self, n): g = torch.Generator().manual_seed(0); self.x = torch.randn(n, 3, 32, 32, generator=g); self.y = (self.x[:, 0].mean((1, 2)) > 0).long()
    def __len__(self): return len(self.x)
    def __getitem__(self, i):
        x = self.x[i]
        if torch.rand(1) < 0.5: x = x.flip(2)
        x = torch.roll(x, int(torch.randint(-3, 4, (1,))), 1)
        return x + 0.05 * torch.randn_like(x), self.y[i]
class CNN(L.LightningModule):
    def __init__(self):
        super().__init__(); self.f = nn.Sequential(nn.Conv2d(3, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(32, 2))
    def training_step(self, b, i):
        x, y = b; loss = nn.functional.cross_entropy(self.f(x), y); self.log("train_loss", loss)
        if self.global_step % 25 == 0: self.print(f"epoch {self.current_epoch} step {self.global_step} train_loss {loss.item():.4f}")
        return loss
    def configure_optimizers(self): return torch.optim.Adam(self.parameters(), lr=1e-3)
L.Trainer(max_epochs=20, enable_progress_bar=False, logger=False, enable_checkpointing=False).fit(
    CNN(), DataLoader(Aug(4000), batch_size=64, shuffle=True, num_workers=2, persistent_workers=True))
