# Lightning: fit y = sin(2x) + noise from 24 points with degree-15 polynomial features and a linear layer, no regularisation
import torch, lightning as L, numpy as np
from torch import nn
from torch.utils.data import TensorDataset, DataLoader
from lightning.pytorch.loggers import CSVLogger
torch.manual_seed(0); rng = np.random.default_rng(0)
def make(n):
    x = rng.uniform(-1, 1, n); y = np.sin(2 * x) + 0.3 * rng.standard_normal(n)
    f = np.stack([x ** k for k in range(1, 16)], 1)
    return torch.tensor(f, dtype=torch.float32), torch.tensor(y, dtype=torch.float32)[:, None]
Xtr, ytr = make(24); Xva, yva = make(400)
print('train points 24, val points 400, features: x^1..x^15, Adam lr 0.05, no weight decay')
class P(L.LightningModule):
    def __init__(s): super().__init__(); s.lin = nn.Linear(15, 1)
    def training_step(s, b, i):
        l = nn.functional.mse_loss(s.lin(b[0]), b[1]); s.log('train_mse', l, on_epoch=True, on_step=False); return l
    def validation_step(s, b, i):
        s.log('val_mse', nn.functional.mse_loss(s.lin(b[0]), b[1]))
    def on_validation_epoch_end(s):
        if s.current_epoch % 50 == 0 or s.current_epoch == s.trainer.max_epochs - 1:
            m = s.trainer.callback_metrics
            tr = f"{m['train_mse']:.4f}" if 'train_mse' in m else 'n/a'
            print(f"epoch {s.current_epoch} train_mse {tr} val_mse {m['val_mse']:.4f}", flush=True)
    def configure_optimizers(s): return torch.optim.Adam(s.parameters(), lr=0.05)
L.Trainer(max_epochs=1500, logger=CSVLogger('/tmp/polyfit_logs'), enable_checkpointing=False, enable_progress_bar=False,
          enable_model_summary=False, log_every_n_steps=1, num_sanity_val_steps=0).fit(
    P(), DataLoader(TensorDataset(Xtr, ytr), batch_size=24), DataLoader(TensorDataset(Xva, yva), batch_size=400))
