"""key=value lines. The checkpoint goes to a device with no space left: /dev/full, Linux's always-full device,
gives torch.save the same short write a full disk does (a real error)."""

import torch
from _common import blobs, mlp

torch.manual_seed(0)
x, y = blobs(256)
model = mlp()
opt = torch.optim.SGD(model.parameters(), lr=0.1)
for step in range(1, 6):
    loss = torch.nn.functional.cross_entropy(model(x), y)
    opt.zero_grad()
    loss.backward()
    opt.step()
    print(f"step={step} loss={loss.item():.4f}", flush=True)
print("saving checkpoint to /dev/full (checkpoint_dir on the full volume)", flush=True)
with open("/dev/full", "wb") as f:
    torch.save({"model": model.state_dict(), "opt": opt.state_dict()}, f)
