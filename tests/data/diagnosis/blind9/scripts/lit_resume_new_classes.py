# Stage 1 trains a 5-class Lightning classifier and checkpoints it; stage 2 adds 2 classes (num_classes=7) and
# resumes with Trainer.fit(ckpt_path=...) from the stage-1 checkpoint.
import os, sys, torch, torch.nn as nn, lightning as L
from torch.utils.data import DataLoader, TensorDataset
L.seed_everything(4)
class Clf(L.LightningModule):
    def __init__(self, num_classes):
        super().__init__(); self.save_hyperparameters()
        self.net = nn.Sequential(nn.Linear(20, 64), nn.ReLU(), nn.Linear(64, num_classes))
    def training_step(self, b, i):
        x, y = b; loss = nn.functional.cross_entropy(self.net(x), y); self.log("train_loss", loss, prog_bar=False)
        if self.global_step % 20 == 0: self.print(f"epoch {self.current_epoch} step {self.global_step} train_loss {loss.item():.4f}")
        return loss
    def configure_optimizers(self): return torch.optim.Adam(self.parameters(), lr=1e-3)
def data(k): x = torch.randn(1024, 20); return DataLoader(TensorDataset(x, (x[:, :k].argmax(1))), batch_size=64, shuffle=True)
os.makedirs("ckpt_stage1", exist_ok=True)
print("== stage 1: 5 classes")
t = L.Trainer(max_epochs=2, enable_progress_bar=False, logger=False, default_root_dir="ckpt_stage1"); t.fit(Clf(5), data(5))
path = t.checkpoint_callback.best_model_path; print("saved", path)
print("== stage 2: 7 classes, resuming from", path)
L.Trainer(max_epochs=4, enable_progress_bar=False, logger=False, default_root_dir="ckpt_stage2").fit(Clf(7), data(7), ckpt_path=path)
