"""nanoGPT-like output (`iter N: loss X, time Yms, mfu Z%`): a tiny character model with an exponential gate,
trained with Adam at a learning rate of 0.3: a loss spike, then the gate overflows and the loss is NaN from
iteration 40 on; like nanoGPT, nothing checks the loss, so it prints nan to the end and exits 0."""

import sys
import time

import torch
from torch import nn

torch.manual_seed(1337)
text = "to be or not to be that is the question whether tis nobler in the mind to suffer " * 40
chars = sorted(set(text))
data = torch.tensor([chars.index(c) for c in text])
vocab, block = len(chars), 16
print("Overriding: learning_rate = 0.3")
print("Overriding: batch_size = 32")
print(f"tokens per iteration will be: {32 * block}")


class Tiny(nn.Module):
    def __init__(self):
        super().__init__()
        self.emb = nn.Embedding(vocab, 64)
        self.mix = nn.Linear(64, 64)
        self.head = nn.Linear(64, vocab)

    def forward(self, idx):
        h = self.emb(idx)
        h = h * torch.exp(self.mix(h)).mean(-1, keepdim=True)
        return self.head(h)


model = Tiny()
opt = torch.optim.Adam(model.parameters(), lr=0.3)
for it in range(0, 121):
    ix = torch.randint(len(data) - block - 1, (32,))
    xb = torch.stack([data[i : i + block] for i in ix])
    yb = torch.stack([data[i + 1 : i + block + 1] for i in ix])
    t0 = time.time()
    logits = model(xb)
    loss = nn.functional.cross_entropy(logits.view(-1, vocab), yb.view(-1))
    opt.zero_grad(set_to_none=True)
    loss.backward()
    opt.step()
    dt = (time.time() - t0) * 1000
    if it % 5 == 0:
        print(f"iter {it}: loss {loss.item():.4f}, time {dt:.2f}ms, mfu {12.5 + it % 3:.2f}%", flush=True)
sys.exit(0)
