# training with on-the-fly augmentation in DataLoader workers
import numpy as np, torch, torch.nn as nn, torch.nn.functional as F
from torch.utils.data import Dataset, DataLoader
from sklearn.datasets import load_digits
X, y = load_digits(return_X_y=True)
class Aug(Dataset):
    def __len__(s): return len(y)
    def __getitem__(s, i):
        img = X[i].reshape(8, 8) / 16.0
        for _ in range(60):                           # elastic-ish jitter, repeated smoothing
            img = np.clip(img + np.random.normal(0, 0.01, img.shape), 0, 1)
            img = np.fft.ifft2(np.fft.fft2(np.kron(img, np.ones((8, 8)))) * 0.999).real[::8, ::8]
        return torch.tensor(img.reshape(-1), dtype=torch.float32), int(y[i])
if __name__ == '__main__':
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 10)); opt = torch.optim.Adam(model.parameters(), 1e-3)
    dl = DataLoader(Aug(), batch_size=64, shuffle=True, num_workers=2, persistent_workers=True)
    for epoch in range(1, 50):
        for b, (xb, yb) in enumerate(dl):
            loss = F.cross_entropy(model(xb), yb); opt.zero_grad(); loss.backward(); opt.step()
            if b % 7 == 0: print(f'Train Epoch: {epoch} [{b * 64}/{len(y)}]\tLoss: {loss.item():.6f}', flush=True)
