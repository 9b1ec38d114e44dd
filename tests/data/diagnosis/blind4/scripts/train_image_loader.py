# DataLoader worker crash: a native decoder segfaults inside one worker (simulated by the worker signalling itself
# SIGSEGV for one item, as a crashing C extension does).
import os, signal, torch, torch.nn as nn
from torch.utils.data import Dataset, DataLoader
class Imgs(Dataset):
    def __len__(self): return 2048
    def __getitem__(self, i):
        if i == 1337:
            os.kill(os.getpid(), signal.SIGSEGV)   # the 'decoder' crashes on this file
        g = torch.Generator().manual_seed(i)
        return torch.randn(3, 16, 16, generator=g), i % 10
if __name__ == "__main__":
    torch.manual_seed(0)
    dl = DataLoader(Imgs(), batch_size=64, shuffle=False, num_workers=2)
    m = nn.Sequential(nn.Flatten(), nn.Linear(768, 64), nn.ReLU(), nn.Linear(64, 10))
    opt = torch.optim.SGD(m.parameters(), lr=0.05)
    print("num_workers=2 batch_size=64 dataset=2048")
    for epoch in range(2):
        for step, (x, y) in enumerate(dl):
            loss = nn.functional.cross_entropy(m(x), y)
            opt.zero_grad(); loss.backward(); opt.step()
            if step % 5 == 0: print(f"epoch {epoch} step {step} loss {loss.item():.4f}")
