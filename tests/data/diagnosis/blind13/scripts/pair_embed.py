# siamese embedding on digits pairs with a contrastive (euclidean distance) loss
import torch, torch.nn as nn
from sklearn.datasets import load_digits
torch.manual_seed(0)
X, y = load_digits(return_X_y=True); X = torch.tensor(X / 16.0, dtype=torch.float32); y = torch.tensor(y)
net = nn.Sequential(nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 16))
opt = torch.optim.Adam(net.parameters(), lr=1e-3)
def pairs(bs=128):
    a = torch.randint(0, len(y), (bs,)); b = torch.randint(0, len(y), (bs,))
    b[: bs // 4] = a[: bs // 4]          # include some self-pairs as positives
    return a, b
for step in range(1, 801):
    a, b = pairs(); ea, eb = net(X[a]), net(X[b])
    d = ((ea - eb) ** 2).sum(1).sqrt()
    same = (y[a] == y[b]).float()
    loss = (same * d ** 2 + (1 - same) * torch.clamp(1.0 - d, min=0) ** 2).mean()
    opt.zero_grad(); loss.backward(); opt.step()
    if step <= 3 or step % 50 == 0:
        print(f'step {step:4d} | loss {loss.item():.4f} | mean dist pos {d[same==1].mean().item():.3f} neg {d[same==0].mean().item():.3f}')
