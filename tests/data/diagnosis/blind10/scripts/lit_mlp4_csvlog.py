# Lightning with CSVLogger writing per-step metrics to the shared experiment-logs volume (/mnt/exp_logs),
# which earlier runs have almost filled
import shutil, torch, lightning as L
from torch import nn
from torch.utils.data import TensorDataset, DataLoader
from lightning.pytorch.loggers import CSVLogger
u = shutil.disk_usage('/mnt/exp_logs'); print(f'/mnt/exp_logs: total {u.total} B, free {u.free} B', flush=True)
class M(L.LightningModule):
    def __init__(s): super().__init__(); s.net = nn.Sequential(nn.Linear(32, 64), nn.ReLU(), nn.Linear(64, 4))
    def training_step(s, b, i):
        out = s.net(b[0]); l = nn.functional.cross_entropy(out, b[1]); acc = (out.argmax(1) == b[1]).float().mean()
        s.log_dict({'train_loss': l, 'train_acc': acc, 'w_norm': sum(p.norm() for p in s.parameters())})
        if s.global_step % 100 == 0: print(f'step {s.global_step} train_loss {l.item():.4f} train_acc {acc.item():.3f}', flush=True)
        return l
    def configure_optimizers(s): return torch.optim.Adam(s.parameters(), 1e-3)
torch.manual_seed(0); X = torch.randn(32000, 32); y = (X[:, :4] * 2).argmax(1)
L.Trainer(max_epochs=3, logger=CSVLogger('/mnt/exp_logs', name='mlp4'), log_every_n_steps=1, enable_checkpointing=False,
          enable_progress_bar=False, enable_model_summary=False).fit(M(), DataLoader(TensorDataset(X, y), batch_size=32, shuffle=True))
