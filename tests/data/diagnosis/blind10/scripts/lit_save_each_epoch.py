# Lightning training with a hand-written "save every epoch" callback; the output dir comes from a config
# (out_dir: runs/exp_042) but the script never creates it, and the cwd has no runs/ folder
import os, torch, lightning as L
from torch import nn
from torch.utils.data import TensorDataset, DataLoader
OUT = 'runs/exp_042'
class SaveEveryEpoch(L.Callback):
    def on_train_epoch_end(s, trainer, pl_module):
        path = os.path.join(OUT, f'weights_epoch{trainer.current_epoch}.pt')
        torch.save(pl_module.state_dict(), path); print('saved', path, flush=True)
class M(L.LightningModule):
    def __init__(s): super().__init__(); s.net = nn.Sequential(nn.Linear(10, 32), nn.ReLU(), nn.Linear(32, 1))
    def training_step(s, b, i):
        l = nn.functional.mse_loss(s.net(b[0]), b[1]); s.log('train_loss', l, on_epoch=True, on_step=False); return l
    def on_train_epoch_end(s): print(f"epoch {s.current_epoch} train_loss {s.trainer.callback_metrics['train_loss']:.4f}", flush=True)
    def configure_optimizers(s): return torch.optim.Adam(s.parameters(), 1e-2)
torch.manual_seed(0); X = torch.randn(1024, 10); y = X[:, :2].sum(1, keepdim=True)
L.Trainer(max_epochs=5, logger=False, enable_checkpointing=False, enable_progress_bar=False, enable_model_summary=False,
          callbacks=[SaveEveryEpoch()]).fit(M(), DataLoader(TensorDataset(X, y), batch_size=64, shuffle=True))
