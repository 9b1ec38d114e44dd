"""nanoGPT-like output, healthy: the tiny character model at a sane learning rate; `step N: train loss X, val
loss Y` evaluations every 20 iterations and `iter N: loss X, time Yms, mfu Z%` lines."""

import time

import torch
from torch import nn

torch.manual_seed(1337)
text = "to be or not to be that is the question whether tis nobler in the mind to suffer " * 40
chars = sorted(set(text))
data = torch.tensor([chars.index(c) for c in text])
n = int(0.9 * len(data))
train, val = data[:n], data[n:]
vocab, block = len(chars), 16
print("Overriding: learning_rate = 3e-3")
print("Overriding: batch_size = 32")


class Tiny(nn.Module):
    def __init__(self):
        super().__init__()
        self.emb = nn.Embedding(vocab, 64)
        self.head = nn.Linear(64, vocab)

    def forward(self, idx):
        return self.head(self.emb(idx))


def batch(d):
    ix = torch.randint(len(d) - block - 1, (32,))
    return torch.stack([d[i : i + block] for i in ix]), torch.stack([d[i + 1 : i + block + 1] for i in ix])


def est(d):
    with torch.no_grad():
        xb, yb = batch(d)
        return nn.functional.cross_entropy(model(xb).view(-1, vocab), yb.view(-1)).item()


model = Tiny()
opt = torch.optim.AdamW(model.parameters(), lr=3e-3)
for it in range(0, 201):
    if it % 20 == 0:
        print(f"step {it}: train loss {est(train):.4f}, val loss {est(val):.4f}", flush=True)
    xb, yb = batch(train)
    t0 = time.time()
    loss = nn.functional.cross_entropy(model(xb).view(-1, vocab), yb.view(-1))
    opt.zero_grad(set_to_none=True)
    loss.backward()
    opt.step()
    if it % 5 == 0:
        print(f"iter {it}: loss {loss.item():.4f}, time {(time.time() - t0) * 1000:.2f}ms, mfu {12.0:.2f}%", flush=True)
