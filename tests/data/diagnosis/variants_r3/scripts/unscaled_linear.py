# regression on unscaled features (argv: lr target_scale epochs): a linear torch model, SGD, per-epoch MSE
import sys, torch
lr, target_scale, epochs = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
torch.manual_seed(0)
n = 2000
area = torch.rand(n) * 260 + 40; year = torch.rand(n) * 70 + 1950
x = torch.stack([area, year], 1)
y = (2.0 * area + 0.5 * (year - 1950) + torch.randn(n) * 20) * target_scale
m = torch.nn.Linear(2, 1)
opt = torch.optim.SGD(m.parameters(), lr=lr) if sys.argv[4:] != ["adam"] else torch.optim.Adam(m.parameters(), lr=lr)
for epoch in range(1, epochs + 1):
    tot = 0.0
    for i in range(0, n, 50):
        loss = ((m(x[i:i+50]).squeeze(-1) - y[i:i+50]) ** 2).mean()
        opt.zero_grad(); loss.backward(); opt.step(); tot += loss.item() * 50
    print(f"epoch {epoch:3d} | train mse {tot / n:.6g}", flush=True)
