# Lightning regression; the user meant ExponentialLR(gamma=0.95) per epoch and typed 1.95
import torch, lightning as L
from torch import nn
from torch.utils.data import TensorDataset, DataLoader
torch.manual_seed(0)
X = torch.randn(2048, 16); w = torch.randn(16, 1); y = X @ w + 0.1 * torch.randn(2048, 1)
class M(L.LightningModule):
    def __init__(s):
        super().__init__(); s.net = nn.Sequential(nn.Linear(16, 64), nn.ReLU(), nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 1))
    def training_step(s, b, i):
        x, y = b; loss = nn.functional.mse_loss(s.net(x), y)
        s.log('train_loss', loss, prog_bar=False); return loss
    def on_before_optimizer_step(s, opt):
        if s.global_step % 2 == 0:
            g = torch.norm(torch.stack([p.grad.norm() for p in s.parameters()]))
            print(f"step {s.global_step} epoch {s.current_epoch} lr {opt.param_groups[0]['lr']:.4g} loss {s.trainer.callback_metrics.get('train_loss', float('nan')):.6g} grad_norm {g:.6g}", flush=True)
    def configure_optimizers(s):
        o = torch.optim.SGD(s.parameters(), lr=0.01, momentum=0.9)
        return {'optimizer': o, 'lr_scheduler': torch.optim.lr_scheduler.ExponentialLR(o, gamma=1.95)}
dl = DataLoader(TensorDataset(X, y), batch_size=128, shuffle=True)
print('ExponentialLR gamma=1.95 (per epoch), SGD lr=0.01 momentum=0.9, no gradient clipping')
L.Trainer(max_epochs=12, logger=False, enable_checkpointing=False, enable_progress_bar=False, enable_model_summary=False).fit(M(), dl)
print('done')
