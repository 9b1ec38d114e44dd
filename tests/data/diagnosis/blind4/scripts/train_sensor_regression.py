# Exploding gradients: a linear regression on unnormalised features (values in the hundreds), plain SGD lr 1.5e-5,
# no clipping: each step overshoots further, loss and gradient norm grow by orders of magnitude.
import torch, torch.nn as nn
torch.manual_seed(0)
X = torch.rand(4096, 8) * torch.tensor([300., 150., 80., 40., 500., 20., 60., 250.])   # raw sensor units
y = (X @ torch.linspace(0.01, 0.08, 8)).unsqueeze(1) + 0.5 * torch.randn(4096, 1)
m = nn.Linear(8, 1)
opt = torch.optim.SGD(m.parameters(), lr=1.5e-5)
print("config: features unnormalised (max 500), model=Linear 8-1, optimizer=SGD lr=1.5e-5 momentum=0, grad_clip=None, batch_size=64")
step = 0
for epoch in range(3):
    for i in range(0, 4096, 64):
        loss = nn.functional.mse_loss(m(X[i:i+64]), y[i:i+64])
        opt.zero_grad(); loss.backward()
        gn = torch.nn.utils.clip_grad_norm_(m.parameters(), float("inf"))
        opt.step(); step += 1
        if step % 3 == 0 or step == 1:
            print(f"epoch {epoch} step {step} loss {loss.item():.6g} grad_norm {gn.item():.6g}")
