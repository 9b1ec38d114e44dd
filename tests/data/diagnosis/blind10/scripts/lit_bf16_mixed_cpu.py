# Lightning Trainer(precision='bf16-mixed') on CPU: a small 1-D CNN on synthetic sensor windows; CSVLogger + per-epoch print
import torch, lightning as L
from torch import nn
from torch.utils.data import TensorDataset, DataLoader
from lightning.pytorch.loggers import CSVLogger
torch.manual_seed(0)
def make(n):
    y = torch.randint(0, 3, (n,)); t = torch.linspace(0, 1, 96)
    freq = torch.tensor([3.0, 5.0, 8.0])[y][:, None]
    x = torch.sin(2 * torch.pi * freq * t + torch.rand(n, 1) * 6.28) + 2.5 * torch.randn(n, 96); return x[:, None, :], y
Xtr, ytr = make(6000); Xva, yva = make(1500)
class CNN(L.LightningModule):
    def __init__(s):
        super().__init__(); s.net = nn.Sequential(nn.Conv1d(1, 16, 7, padding=3), nn.ReLU(), nn.MaxPool1d(2), nn.Conv1d(16, 32, 5, padding=2), nn.ReLU(),
                                                  nn.AdaptiveAvgPool1d(1), nn.Flatten(), nn.Linear(32, 3))
    def training_step(s, b, i):
        l = nn.functional.cross_entropy(s.net(b[0]), b[1]); s.log('train_loss', l, on_epoch=True, on_step=False); return l
    def validation_step(s, b, i):
        out = s.net(b[0]); s.log('val_loss', nn.functional.cross_entropy(out, b[1])); s.log('val_acc', (out.argmax(1) == b[1]).float().mean())
    def on_validation_epoch_end(s):
        m = s.trainer.callback_metrics
        if 'train_loss' in m: print(f"epoch {s.current_epoch} train_loss {m['train_loss']:.4f} val_loss {m['val_loss']:.4f} val_acc {m['val_acc']:.4f}", flush=True)
    def configure_optimizers(s): return torch.optim.AdamW(s.parameters(), 3e-3)
L.Trainer(max_epochs=10, precision='bf16-mixed', logger=CSVLogger('/tmp/bf16_logs'), enable_checkpointing=False, enable_progress_bar=False,
          num_sanity_val_steps=0).fit(CNN(), DataLoader(TensorDataset(Xtr, ytr), batch_size=64, shuffle=True), DataLoader(TensorDataset(Xva, yva), batch_size=500))
