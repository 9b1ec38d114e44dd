# torch training loop that keeps `running.append(loss)` (the tensor, not loss.item()) for a smoothed-loss print;
# every step's autograd graph and activations stay alive. Run under the job's 3 GiB address-space limit.
import resource, torch
from torch import nn
torch.manual_seed(0)
def rss_mb(): return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
model = nn.Sequential(nn.Linear(256, 2048), nn.GELU(), nn.Linear(2048, 2048), nn.GELU(), nn.Linear(2048, 10))
opt = torch.optim.AdamW(model.parameters(), 1e-3)
running = []
for step in range(100000):
    x = torch.randn(256, 256); y = torch.randint(0, 10, (256,))
    loss = nn.functional.cross_entropy(model(x), y)
    opt.zero_grad(); loss.backward(retain_graph=True); opt.step()
    running.append(loss)
    if step % 10 == 0:
        print(f'step {step} loss {loss.item():.4f} smoothed {torch.stack(running[-50:]).mean().item():.4f} max_rss {rss_mb():.0f} MiB', flush=True)
