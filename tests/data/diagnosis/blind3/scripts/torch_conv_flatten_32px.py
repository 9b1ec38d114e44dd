# A small CNN whose classifier was sized for 28x28 inputs, trained on 32x32 images.
import torch, torch.nn as nn
torch.manual_seed(0)
x = torch.randn(512, 3, 32, 32); y = torch.randint(0, 10, (512,))
model = nn.Sequential(nn.Conv2d(3, 16, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(16, 32, 3), nn.ReLU(), nn.MaxPool2d(2),
                      nn.Flatten(), nn.Linear(32 * 5 * 5, 64), nn.ReLU(), nn.Linear(64, 10))
opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
print(f"model params: {sum(p.numel() for p in model.parameters())}")
print("epoch 1/5")
for i in range(0, 512, 64):
    out = model(x[i:i+64])
    loss = nn.functional.cross_entropy(out, y[i:i+64])
    opt.zero_grad(); loss.backward(); opt.step()
    print(f"step {i//64} loss {loss.item():.4f}")
