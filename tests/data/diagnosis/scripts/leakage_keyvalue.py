"""key=value lines. The validation loader was built over the training set by mistake (a copy-pasted
`DataLoader(train_set, ...)`): validation loss equals training loss at every evaluation."""

import torch
from _common import batches, blobs, evaluate, mlp
from torch import nn

torch.manual_seed(0)
x, y = blobs(1000, seed=14, spread=0.9, noise=1.2)
idx = torch.randperm(1000, generator=torch.Generator().manual_seed(15))
xv, yv = x[idx], y[idx]  # the bug: the "validation" set is the training set, in another order
model = mlp(hidden=64)
opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
loss_fn = nn.CrossEntropyLoss()
print("lr=0.05 batch_size=50 epochs=12 val_split=0.2", flush=True)
step = 0
for epoch in range(1, 13):
    for xb, yb in batches(x, y, 50, seed=epoch):
        loss = loss_fn(model(xb), yb)
        opt.zero_grad()
        loss.backward()
        opt.step()
        step += 1
    tl, ta = evaluate(model, x, y, loss_fn)
    vl, va = evaluate(model, xv, yv, loss_fn)
    print(
        f"epoch={epoch} step={step} train_loss={tl:.4f} train_acc={ta:.4f} val_loss={vl:.4f} val_acc={va:.4f}",
        flush=True,
    )
