# Plain PyTorch loop: a small 1-D CNN on synthetic audio clips (16 kHz, 0.5 s, 4 classes). --half converts the
# model to float16 with model.half() to save memory; the data loader still yields float32 clips.
import argparse, torch, torch.nn as nn
ap = argparse.ArgumentParser(); ap.add_argument("--half", action="store_true"); ap.add_argument("--epochs", type=int, default=3)
ap.add_argument("--lr", type=float, default=1e-3)
args = ap.parse_args(); torch.manual_seed(0)
n = 512; y = torch.randint(0, 4, (n,)); t = torch.arange(8000) / 16000
x = torch.sin(2 * torch.pi * (200 + 150 * y[:, None]) * t) + 0.5 * torch.randn(n, 8000)
dl = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(x[:, None], y), batch_size=32, shuffle=True)
model = nn.Sequential(nn.Conv1d(1, 16, 64, stride=16), nn.ReLU(), nn.Conv1d(16, 32, 8, stride=4), nn.ReLU(), nn.AdaptiveAvgPool1d(1), nn.Flatten(), nn.Linear(32, 4))
if args.half: model = model.half()
print(f"model params: {sum(p.numel() for p in model.parameters())}, dtype {next(model.parameters()).dtype}")
opt = torch.optim.Adam(model.parameters(), args.lr)
for ep in range(args.epochs):
    tot = 0
    for i, (xb, yb) in enumerate(dl):
        loss = nn.functional.cross_entropy(model(xb), yb); opt.zero_grad(); loss.backward(); opt.step(); tot += loss.item()
    print(f"epoch {ep} loss {tot / (i + 1):.4f}")
