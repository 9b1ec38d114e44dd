# Lightning classifier over windows of 8 sensor channels x 16 time steps (synthetic, 3 classes). The model
# flattens with x.view(self.batch_size, -1), hard-coding the batch size; 1000 training windows with batch 64
# leave a last batch of 40 (drop_last=False), reached at the end of epoch 0.
import argparse, torch, torch.nn as nn, lightning as L
from torch.utils.data import DataLoader, TensorDataset
ap = argparse.ArgumentParser(); ap.add_argument("--batch-size", type=int, default=64); ap.add_argument("--epochs", type=int, default=5)
args = ap.parse_args(); L.seed_everything(0)
def make(n):
    y = torch.randint(0, 3, (n,)); t = torch.linspace(0, 6.28, 16)
    x = torch.randn(n, 8, 16) * 0.5 + torch.sin(t * (y[:, None, None] + 1))
    return TensorDataset(x, y)
class Net(L.LightningModule):
    def __init__(s, batch_size):
        super().__init__(); s.batch_size = batch_size
        s.conv = nn.Conv1d(8, 16, 3, padding=1); s.fc = nn.Linear(16 * 16, 3)
    def forward(s, x):
        h = torch.relu(s.conv(x))
        return s.fc(h.view(s.batch_size, -1))
    def training_step(s, b, i):
        loss = nn.functional.cross_entropy(s(b[0]), b[1]); s.log("train_loss", loss, prog_bar=True); return loss
    def validation_step(s, b, i):
        out = s(b[0]); s.log("val_loss", nn.functional.cross_entropy(out, b[1])); s.log("val_acc", (out.argmax(1) == b[1]).float().mean())
    def configure_optimizers(s): return torch.optim.Adam(s.parameters(), 1e-3)
tr = L.Trainer(max_epochs=args.epochs, accelerator="cpu", log_every_n_steps=5, enable_progress_bar=False, logger=L.pytorch.loggers.CSVLogger("/tmp/b5_lit"))
tr.fit(Net(args.batch_size), DataLoader(make(1000), batch_size=args.batch_size, shuffle=True), DataLoader(make(256), batch_size=args.batch_size))
print(tr.callback_metrics)
