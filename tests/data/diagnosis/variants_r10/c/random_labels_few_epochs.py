"""A real PyTorch run: a wide MLP trained for a few epochs on 2-class labels drawn at random (nothing to learn that
generalises), printing a Lightning-style `epoch N: train_loss ... train_acc ... val_loss ... val_acc ...` line per
epoch. The model starts fitting its training rows (training accuracy rises, its loss falls a little) while
validation stays at chance and its loss rises: memorising, seen early. `--wide 0` uses a linear model, which cannot
memorise: training accuracy stays at chance too."""

import argparse

import torch

ap = argparse.ArgumentParser()
ap.add_argument("--wide", type=int, default=512)
ap.add_argument("--epochs", type=int, default=4)
args = ap.parse_args()
torch.manual_seed(0)
x = torch.randn(3000, 20)
y = torch.randint(0, 2, (3000,))
xt, yt, xv, yv = x[:1000], y[:1000], x[1000:], y[1000:]
layers = (
    [torch.nn.Linear(20, args.wide), torch.nn.ReLU(), torch.nn.Linear(args.wide, 2)]
    if args.wide
    else [torch.nn.Linear(20, 2)]
)
model = torch.nn.Sequential(*layers)
print(model)
opt = torch.optim.Adam(model.parameters(), lr=2e-3)
loss_fn = torch.nn.CrossEntropyLoss()
for epoch in range(1, args.epochs + 1):
    model.train()
    total, right, n = 0.0, 0, 0
    for i in torch.randperm(1000).split(50):
        out = model(xt[i])
        loss = loss_fn(out, yt[i])
        opt.zero_grad()
        loss.backward()
        opt.step()
        total += loss.item() * len(i)
        right += (out.argmax(1) == yt[i]).sum().item()
        n += len(i)
    model.eval()
    with torch.no_grad():
        out = model(xv)
        val_loss = loss_fn(out, yv).item()
        val_acc = (out.argmax(1) == yv).float().mean().item()
    print(
        f"epoch {epoch}: train_loss {total / n:.4f} train_acc {right / n:.4f} "
        f"val_loss {val_loss:.4f} val_acc {val_acc:.4f}"
    )
