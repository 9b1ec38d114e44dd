"""key=value lines. The model's first layer expects 10 features; the data has 20 (a real shape error)."""

import torch
from torch import nn

torch.manual_seed(0)
x = torch.randn(64, 20)
y = torch.randint(0, 5, (64,))
model = nn.Sequential(nn.Linear(10, 32), nn.ReLU(), nn.Linear(32, 5))
print("in_features=10 batch_size=32 lr=0.01", flush=True)
opt = torch.optim.SGD(model.parameters(), lr=0.01)
for step in range(1, 3):
    out = model(x[:32])
    loss = nn.functional.cross_entropy(out, y[:32])
    print(f"step={step} loss={loss.item():.4f}")
