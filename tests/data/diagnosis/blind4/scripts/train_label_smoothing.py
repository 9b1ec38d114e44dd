# Dtype mismatch: labels come from a numpy int32 array; the label-smoothing loss builds one-hot targets with
# F.one_hot, which takes int64 (Long) class indices only.
import numpy as np, torch, torch.nn as nn
rng = np.random.default_rng(0)
X = torch.from_numpy(rng.normal(size=(512, 16)).astype(np.float32))
y = torch.from_numpy(rng.integers(0, 4, size=512).astype(np.int32))
model = nn.Sequential(nn.Linear(16, 32), nn.ReLU(), nn.Linear(32, 4))
opt = torch.optim.Adam(model.parameters(), lr=1e-3)
print("X", X.dtype, tuple(X.shape), "| y", y.dtype, tuple(y.shape))
def soft_target_loss(logits, target, smoothing=0.1):
    onehot = nn.functional.one_hot(target, logits.size(1)).float()
    soft = onehot * (1 - smoothing) + smoothing / logits.size(1)
    return -(soft * logits.log_softmax(1)).sum(1).mean()
for step in range(20):
    xb, yb = X[step*16:(step+1)*16], y[step*16:(step+1)*16]
    loss = soft_target_loss(model(xb), yb)
    opt.zero_grad(); loss.backward(); opt.step()
    print(f"step {step} loss {loss.item():.4f}")
