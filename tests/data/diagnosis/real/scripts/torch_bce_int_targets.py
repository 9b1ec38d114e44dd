"""Plain PyTorch binary classifier: BCEWithLogitsLoss gets the integer labels straight from the dataset; two
epochs of a first model (MSE on the same targets, cast) ran fine before the loss was switched."""

import torch
from torch import nn

torch.manual_seed(0)
x = torch.randn(2048, 16)
y = (x[:, 0] + 0.5 * x[:, 1] > 0).long()
model = nn.Sequential(nn.Linear(16, 32), nn.ReLU(), nn.Linear(32, 1))
opt = torch.optim.Adam(model.parameters(), lr=1e-2)
for epoch in range(2):
    loss = nn.functional.mse_loss(torch.sigmoid(model(x)).squeeze(1), y.float())
    opt.zero_grad()
    loss.backward()
    opt.step()
    print(f"[warm-up mse] epoch {epoch}: loss={loss.item():.4f}")
criterion = nn.BCEWithLogitsLoss()
for epoch in range(2, 10):
    loss = criterion(model(x).squeeze(1), y)
    opt.zero_grad()
    loss.backward()
    opt.step()
    print(f"epoch {epoch}: loss={loss.item():.4f}")
