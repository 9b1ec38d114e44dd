import torch, torch.nn as nn, torch.nn.functional as F
torch.manual_seed(0)
V, L, D, N = 50, 24, 64, 2000
lengths = torch.randint(6, L + 1, (N,))
tok = torch.randint(1, V, (N, L))
ar = torch.arange(L)[None]
pad = (ar >= lengths[:, None])
tok[pad] = 0
y = (tok == 7).any(1).long()
print('sequences', tuple(tok.shape), 'positives', int(y.sum()))
class Attn(nn.Module):
    def __init__(s):
        super().__init__(); s.emb = nn.Embedding(V, D); s.q = nn.Linear(D, D); s.k = nn.Linear(D, D); s.out = nn.Linear(D, 2)
    def forward(s, x, mask):
        h = s.emb(x)
        sc = s.q(h) @ s.k(h).transpose(1, 2) / D ** 0.5
        sc = sc.masked_fill(mask[:, None, :], -1e4)
        return s.out((sc.softmax(-1) @ h).mean(1))
model = Attn(); opt = torch.optim.Adam(model.parameters(), 1e-3)
# padding mask kept as float so it can also be used to average
mask = pad.float()
for epoch in range(1, 4):
    for i in range(0, N, 32):
        logits = model(tok[i:i+32], mask[i:i+32])
        loss = F.cross_entropy(logits, y[i:i+32])
        opt.zero_grad(); loss.backward(); opt.step()
        if (i // 32) % 20 == 0:
            print(f'epoch {epoch} batch {i//32} loss {loss.item():.4f}')
