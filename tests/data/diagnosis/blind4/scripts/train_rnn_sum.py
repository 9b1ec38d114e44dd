# Exploding gradients: a plain Elman RNN on a sequence-sum regression, SGD lr 0.5, no clipping.
import torch, torch.nn as nn
torch.manual_seed(0)
X = torch.randn(512, 40, 4); y = X.sum(dim=(1, 2)).unsqueeze(1) / 10
class M(nn.Module):
    def __init__(s):
        super().__init__(); s.rnn = nn.RNN(4, 64, batch_first=True, nonlinearity="relu"); s.head = nn.Linear(64, 1)
    def forward(s, x):
        o, _ = s.rnn(x); return s.head(o[:, -1])
m = M(); opt = torch.optim.SGD(m.parameters(), lr=0.05, momentum=0.9)
print("config: model=rnn(relu) hidden=64 seq_len=40 optimizer=SGD lr=0.05 momentum=0.9 grad_clip=None batch_size=32")
step = 0
for epoch in range(20):
    perm = torch.randperm(512)
    for i in range(0, 512, 32):
        idx = perm[i:i + 32]
        loss = nn.functional.mse_loss(m(X[idx]), y[idx])
        opt.zero_grad(); loss.backward()
        gn = torch.nn.utils.clip_grad_norm_(m.parameters(), float("inf"))
        opt.step(); step += 1
        if step % 8 == 0:
            print(f"epoch {epoch} step {step} loss {loss.item():.4f} grad_norm {gn.item():.4f}")
print("done")
