import argparse, numpy as np, torch, torch.nn as nn, torch.nn.functional as F
from torch.utils.data import DataLoader, Dataset
p = argparse.ArgumentParser(); p.add_argument('--workers', type=int, default=2); p.add_argument('--n-fft', type=int, default=512)
p.add_argument('--clip-seconds', type=float, default=10.0); p.add_argument('--epochs', type=int, default=2)
a = p.parse_args(); torch.manual_seed(0)
SR = 16000
class Clips(Dataset):
    def __init__(s, n): s.n = n; s.y = np.random.default_rng(0).integers(0, 5, n)
    def __len__(s): return s.n
    def __getitem__(s, i):
        g = np.random.default_rng(i)
        wav = torch.tensor(g.normal(size=int(SR * a.clip_seconds)), dtype=torch.float32)
        wav = wav + torch.sin(torch.arange(len(wav)) * (0.01 * (1 + s.y[i])))
        # augmentation: 48 random pitch/time jitters, each a full STFT, averaged
        specs = [torch.stft(torch.roll(wav, int(g.integers(0, 800))), a.n_fft, hop_length=64, window=torch.hann_window(a.n_fft), return_complex=True).abs() for _ in range(48)]
        spec = torch.stack(specs).mean(0).log1p()[:128, :256]
        return spec, int(s.y[i])
dl = DataLoader(Clips(640), batch_size=16, shuffle=True, num_workers=a.workers, timeout=5)
model = nn.Sequential(nn.Flatten(), nn.Linear(128 * 256, 64), nn.ReLU(), nn.Linear(64, 5))
opt = torch.optim.Adam(model.parameters(), 1e-3)
print(f'clips 640, batch 16, num_workers={a.workers}, loader timeout 5 s', flush=True)
for ep in range(a.epochs):
    for bi, (xb, yb) in enumerate(dl):
        opt.zero_grad(); loss = F.cross_entropy(model(xb), yb); loss.backward(); opt.step()
        print(f'epoch {ep} batch {bi}/{len(dl)} loss {loss.item():.4f}', flush=True)
