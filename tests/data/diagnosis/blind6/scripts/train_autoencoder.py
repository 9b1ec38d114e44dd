# Plain PyTorch convolutional autoencoder on random-texture 64x64 images (MSE reconstruction loss).
import argparse, time, torch, torch.nn as nn, torch.nn.functional as F
p = argparse.ArgumentParser()
p.add_argument("--batch-size", type=int, default=16)
p.add_argument("--steps", type=int, default=100)
a = p.parse_args()
torch.manual_seed(0)
model = nn.Sequential(nn.Conv2d(3, 64, 3, padding=1), nn.ReLU(), nn.Conv2d(64, 64, 3, padding=1), nn.ReLU(),
                      nn.Conv2d(64, 3, 3, padding=1))
opt = torch.optim.Adam(model.parameters(), lr=1e-3)
print(f"batch_size {a.batch_size}, steps {a.steps}, parameters {sum(p.numel() for p in model.parameters())}",
      flush=True)
t0 = time.time()
for step in range(1, a.steps + 1):
    x = F.avg_pool2d(torch.rand(a.batch_size, 3, 64, 64), 3, 1, 1)
    loss = F.mse_loss(model(x), x)
    opt.zero_grad(); loss.backward(); opt.step()
    if step % 5 == 0:
        print(f"step {step} loss {loss.item():.5f} ({time.time() - t0:.1f}s)", flush=True)
print("done")
