# Lightning knowledge distillation with a hand-written KL: sum t*(log t - log p); teacher probs come from a
# temperature-1 softmax of very confident teacher logits, so many are exactly 0.0 in float32 -> 0*log(0)
import torch, lightning as L
from torch import nn
from torch.utils.data import TensorDataset, DataLoader
torch.manual_seed(0)
X = torch.randn(4096, 20)
teacher = nn.Linear(20, 10); 
with torch.no_grad():
    t_logits = teacher(X) * 60.0   # a sharp, overconfident teacher
t_probs = torch.softmax(t_logits, -1)
print(f'teacher probs: min {t_probs.min().item():.3g}, exact zeros {(t_probs == 0).sum().item()} of {t_probs.numel()}')
class Student(L.LightningModule):
    def __init__(s):
        super().__init__(); s.net = nn.Sequential(nn.Linear(20, 64), nn.ReLU(), nn.Linear(64, 10))
    def training_step(s, b, i):
        x, t = b; logp = torch.log_softmax(s.net(x), -1)
        loss = (t * (t.log() - logp)).sum(-1).mean()
        s.log('kd_loss', loss, on_step=True, on_epoch=True, prog_bar=True)
        if s.global_step % 10 == 0:
            print(f'epoch {s.current_epoch} step {s.global_step} kd_loss {loss.item():.4f}', flush=True)
        return loss
    def configure_optimizers(s): return torch.optim.Adam(s.parameters(), lr=1e-3)
dl = DataLoader(TensorDataset(X, t_probs), batch_size=64, shuffle=True)
L.Trainer(max_epochs=2, logger=False, enable_checkpointing=False, enable_progress_bar=False, enable_model_summary=False, log_every_n_steps=10).fit(Student(), dl)
