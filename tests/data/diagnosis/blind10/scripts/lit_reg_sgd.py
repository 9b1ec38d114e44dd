# Lightning regression ported from a per-sample loop: the loss keeps reduction='sum' (batch 512) while the learning
# rate 0.002 was tuned for a per-sample (mean) loss; SGD with momentum, no clipping; Lightning's grad_norm utility printed
import torch, lightning as L
from torch import nn
from torch.utils.data import TensorDataset, DataLoader
from lightning.pytorch.utilities import grad_norm
torch.manual_seed(0)
X = torch.randn(16384, 32); y = X @ torch.randn(32, 1) * 0.5 + 0.1 * torch.randn(16384, 1)
class M(L.LightningModule):
    def __init__(s): super().__init__(); s.net = nn.Sequential(nn.Linear(32, 128), nn.ReLU(), nn.Linear(128, 128), nn.ReLU(), nn.Linear(128, 1))
    def training_step(s, b, i):
        loss = nn.functional.mse_loss(s.net(b[0]), b[1], reduction='sum'); s.log('train_loss', loss); s._last = loss.item(); return loss
    def on_before_optimizer_step(s, opt):
        n = grad_norm(s, norm_type=2)['grad_2.0_norm_total']
        print(f'step {s.global_step} train_loss {s._last:.6g} grad_norm_total {n:.6g}', flush=True)
    def configure_optimizers(s): return torch.optim.SGD(s.parameters(), lr=0.002, momentum=0.9)
print('loss reduction=sum, batch 512, SGD lr 0.002 momentum 0.9, no clipping')
L.Trainer(max_epochs=2, logger=False, enable_checkpointing=False, enable_progress_bar=False, enable_model_summary=False).fit(
    M(), DataLoader(TensorDataset(X, y), batch_size=512, shuffle=True))
