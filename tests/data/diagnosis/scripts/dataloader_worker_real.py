"""Plain lines. A Dataset whose item 150 kills its own process (as the OOM killer would kill a worker): with
num_workers=2 the main process gets the real 'DataLoader worker (pid N) is killed by signal' error."""

import os
import signal

import torch
from torch.utils.data import DataLoader, Dataset


class Records(Dataset):
    def __len__(self):
        return 400

    def __getitem__(self, i):
        if i == 150:
            os.kill(os.getpid(), signal.SIGKILL)
        return torch.randn(8), i % 3


if __name__ == "__main__":
    torch.manual_seed(0)
    loader = DataLoader(Records(), batch_size=16, num_workers=2)
    model = torch.nn.Linear(8, 3)
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    print("num_workers=2 batch_size=16 lr=0.1", flush=True)
    for step, (xb, yb) in enumerate(loader, 1):
        loss = torch.nn.functional.cross_entropy(model(xb), yb)
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(f"Step {step}: loss {loss.item():.4f}", flush=True)
