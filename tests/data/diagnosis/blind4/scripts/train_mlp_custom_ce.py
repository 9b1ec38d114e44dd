# NaN loss from a numerical hole: a hand-written cross-entropy log(softmax) computed as log(exp(z)/sum) in float32
# with logits that grow large (temperature 1/0.01): exp overflows to inf, inf/inf = nan at once.
import torch, torch.nn as nn
torch.manual_seed(0)
X = torch.randn(2000, 20); w = torch.randn(20, 5); y = (X @ w).argmax(1)
m = nn.Sequential(nn.Linear(20, 64), nn.ReLU(), nn.Linear(64, 5))
opt = torch.optim.Adam(m.parameters(), lr=3e-3)
def my_ce(logits, t, temperature=0.01):
    z = logits / temperature
    p = torch.exp(z) / torch.exp(z).sum(1, keepdim=True)
    return -torch.log(p[torch.arange(len(t)), t] + 1e-12).mean()
print("config: loss=hand-written softmax cross-entropy (temperature 0.01) optimizer=Adam lr=3e-3 batch_size=100")
for epoch in range(15):
    tot = 0.0; n = 0
    for i in range(0, 2000, 100):
        loss = my_ce(m(X[i:i + 100]), y[i:i + 100])
        opt.zero_grad(); loss.backward(); opt.step(); tot += loss.item(); n += 1
        if i % 500 == 0:
            print(f"epoch {epoch} batch {i//100} loss {loss.item():.4f}")
    print(f"epoch {epoch} mean_train_loss {tot/n:.4f}")
