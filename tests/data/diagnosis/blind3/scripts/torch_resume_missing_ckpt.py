# A training script started with --resume pointing at a checkpoint of another run directory.
import argparse, os, torch, torch.nn as nn
p = argparse.ArgumentParser(); p.add_argument("--resume", default=None); p.add_argument("--epochs", type=int, default=5); p.add_argument("--lr", type=float, default=1e-3)
a = p.parse_args()
model = nn.Sequential(nn.Linear(10, 32), nn.ReLU(), nn.Linear(32, 1)); opt = torch.optim.Adam(model.parameters(), a.lr)
print(f"config: epochs={a.epochs} lr={a.lr} resume={a.resume}")
print(f"cwd: {os.getcwd()}")
start = 0
if a.resume:
    ck = torch.load(a.resume, map_location="cpu")
    model.load_state_dict(ck["model"]); opt.load_state_dict(ck["opt"]); start = ck["epoch"] + 1
    print(f"resumed from epoch {start}")
