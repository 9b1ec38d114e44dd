"""A real PyTorch run: full-batch training (one batch an epoch) of a small MLP on a noisy 2-class task, printing the
training loss of each epoch's step (taken before the update, as every training loop does) and the validation loss
after it. `--val train` validates on the training rows themselves (the leak); `--val held` on rows held out;
`--lr 0` freezes the model. Writes to stdout; run with the project's venv (torch on CPU)."""

import argparse

import torch

ap = argparse.ArgumentParser()
ap.add_argument("--val", choices=["train", "held"], default="train")
ap.add_argument("--lr", type=float, default=0.5)
ap.add_argument("--epochs", type=int, default=10)
args = ap.parse_args()
torch.manual_seed(0)
x = torch.randn(240, 6)
y = ((x[:, 0] + 0.5 * x[:, 1] + 0.8 * torch.randn(240)) > 0).long()
xt, yt, xh, yh = x[:160], y[:160], x[160:], y[160:]
xv, yv = (xt, yt) if args.val == "train" else (xh, yh)
model = torch.nn.Sequential(torch.nn.Linear(6, 16), torch.nn.Tanh(), torch.nn.Linear(16, 2))
opt = torch.optim.SGD(model.parameters(), lr=args.lr)
loss_fn = torch.nn.CrossEntropyLoss()
print(f"train rows {len(xt)}, validation rows {len(xv)}, batch size {len(xt)}")
for epoch in range(1, args.epochs + 1):
    model.train()
    loss = loss_fn(model(xt), yt)
    opt.zero_grad()
    loss.backward()
    opt.step()
    model.eval()
    with torch.no_grad():
        out = model(xv)
        val_loss = loss_fn(out, yv).item()
        val_acc = (out.argmax(1) == yv).float().mean().item()
    print(f"epoch {epoch}/{args.epochs} - loss: {loss.item():.4f} - val_loss: {val_loss:.4f} - val_acc: {val_acc:.4f}")
