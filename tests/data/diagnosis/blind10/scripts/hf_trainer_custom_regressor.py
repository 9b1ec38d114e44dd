# HF Trainer on a plain torch module (returns {'loss', 'logits'}), gradient accumulation 4, linear warm-up, eval every epoch
import torch, numpy as np
from torch import nn
from transformers import Trainer, TrainingArguments
rng = np.random.default_rng(0)
class DS(torch.utils.data.Dataset):
    def __init__(s, n):
        s.x = rng.standard_normal((n, 24)).astype(np.float32)
        s.y = (np.tanh(s.x[:, :6].sum(1) / 2) + 0.2 * rng.standard_normal(n)).astype(np.float32)
    def __len__(s): return len(s.y)
    def __getitem__(s, i): return {'x': torch.from_numpy(s.x[i]), 'labels': torch.tensor(s.y[i])}
class Reg(nn.Module):
    def __init__(s): super().__init__(); s.net = nn.Sequential(nn.Linear(24, 128), nn.ReLU(), nn.Dropout(0.1), nn.Linear(128, 1))
    def forward(s, x, labels=None):
        out = s.net(x).squeeze(-1); return {'loss': nn.functional.mse_loss(out, labels), 'logits': out}
args = TrainingArguments(output_dir='/tmp/hf_reg_out', per_device_train_batch_size=16, gradient_accumulation_steps=4, num_train_epochs=6,
    learning_rate=3e-3, warmup_steps=30, lr_scheduler_type='linear', logging_steps=10, eval_strategy='epoch', save_strategy='no',
    report_to='none', disable_tqdm=True, seed=0, use_cpu=True)
t = Trainer(model=Reg(), args=args, train_dataset=DS(6000), eval_dataset=DS(1000))
t.train(); print(t.evaluate())
