import numpy as np, torch, torch.nn as nn
from torch.utils.data import Dataset, DataLoader
from sklearn.datasets import load_digits
d = load_digits()
class Patches(Dataset):
    def __init__(s): s.x = d.images.astype('float32') / 16; s.y = d.target
    def __len__(s): return len(s.y)
    def __getitem__(s, i):
        img = s.x[i] + np.random.normal(0, 0.05, (8, 8)).astype('float32')   # jitter
        if np.random.rand() < 0.5: img = img[:, ::-1].copy()
        return torch.from_numpy(img).flatten(), int(s.y[i])
def seed_worker(worker_id):
    # different augmentation stream per worker
    np.random.seed(torch.initial_seed())
torch.manual_seed(0)
print('samples', len(d.target), 'num_workers 2')
dl = DataLoader(Patches(), batch_size=32, shuffle=True, num_workers=2, worker_init_fn=seed_worker)
model = nn.Sequential(nn.Linear(64, 128), nn.ReLU(), nn.Linear(128, 10)); opt = torch.optim.SGD(model.parameters(), 0.05, momentum=0.9)
for epoch in range(1, 6):
    tot = 0
    for b, (x, y) in enumerate(dl):
        loss = nn.functional.cross_entropy(model(x), y); opt.zero_grad(); loss.backward(); opt.step(); tot += loss.item()
    print(f'epoch {epoch} train_loss {tot / (b + 1):.4f}')
