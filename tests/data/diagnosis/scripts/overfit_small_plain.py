"""Plain lines. 48 noisy training samples, a wide two-layer MLP, Adam for 80 epochs, no regularisation:
the validation loss bottoms out early and climbs while the training loss keeps falling."""

import torch
from _common import blobs, evaluate, mlp
from torch import nn

torch.manual_seed(0)
x, y = blobs(48, seed=8, spread=1.2, noise=1.5)
xv, yv = blobs(400, seed=9, spread=1.2, noise=1.5)
g = torch.Generator().manual_seed(8)
centres = torch.randn(4, 8, generator=g) * 1.2
xv = centres[yv] + 1.5 * torch.randn(400, 8, generator=torch.Generator().manual_seed(10))
model = mlp(hidden=256, depth=2)
opt = torch.optim.Adam(model.parameters(), lr=3e-3, weight_decay=0.0)
loss_fn = nn.CrossEntropyLoss()
print("lr: 0.003, weight_decay: 0.0, dropout: 0.0, epochs: 80")
for epoch in range(1, 81):
    loss = loss_fn(model(x), y)
    opt.zero_grad()
    loss.backward()
    opt.step()
    if epoch % 4 == 0:
        tl, ta = evaluate(model, x, y, loss_fn)
        vl, va = evaluate(model, xv, yv, loss_fn)
        print(f"epoch {epoch} train_loss {tl:.4f} train_acc {ta:.3f} val_loss {vl:.4f} val_acc {va:.3f}", flush=True)
