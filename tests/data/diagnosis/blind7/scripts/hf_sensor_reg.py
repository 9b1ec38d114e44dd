# HF Trainer on a tabular regression (custom nn.Module). The synthetic "sensors.csv" has one row whose reading is
# missing (NaN, as pandas reads an empty cell) and nobody drops or imputes it: the batch that holds it makes the
# loss NaN and the NaN update poisons the weights. Failure: bad input -> NaN loss. With --drop-missing the rows with a
# missing reading are dropped first (the fix), and the run is healthy.
import sys
import numpy as np, torch, torch.nn as nn
from transformers import Trainer, TrainingArguments
rng = np.random.default_rng(0)
n = 3000
X = rng.normal(size=(n, 8)).astype(np.float32)
y = (X @ rng.normal(size=8) + 0.3 * np.sin(3 * X[:, 0]) + 0.1 * rng.normal(size=n)).astype(np.float32)
X[1717, 5] = np.nan  # an empty cell in the csv
if "--drop-missing" in sys.argv:
    keep = ~np.isnan(X).any(1); X, y = X[keep], y[keep]; print(f"dropped {(~keep).sum()} rows with missing readings")
print(f"loaded {n} rows x 8 features from sensors.csv; target mean {np.nanmean(y):.3f}")
class DS(torch.utils.data.Dataset):
    def __init__(s, X, y): s.X, s.y = X, y
    def __len__(s): return len(s.X)
    def __getitem__(s, i): return {"x": torch.tensor(s.X[i]), "labels": torch.tensor(s.y[i])}
class Reg(nn.Module):
    def __init__(s):
        super().__init__(); s.net = nn.Sequential(nn.Linear(8, 64), nn.ReLU(), nn.Linear(64, 1))
    def forward(s, x, labels=None):
        out = s.net(x).squeeze(-1)
        return {"loss": nn.functional.mse_loss(out, labels), "logits": out}
tr, ev = DS(X[:2500], y[:2500]), DS(X[2500:], y[2500:])
args = TrainingArguments(output_dir="/tmp/b7_hf_sensor", per_device_train_batch_size=32, num_train_epochs=3,
                         learning_rate=3e-3, logging_steps=10, eval_strategy="epoch", save_strategy="no",
                         report_to=[], seed=0, disable_tqdm=True, use_cpu=True)
Trainer(model=Reg(), args=args, train_dataset=tr, eval_dataset=ev).train()
print("done")
