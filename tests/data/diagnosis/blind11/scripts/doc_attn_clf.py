import argparse, math, torch, torch.nn as nn, torch.nn.functional as F
p = argparse.ArgumentParser(); p.add_argument('--max-len', type=int, default=256); p.add_argument('--batch-size', type=int, default=8)
p.add_argument('--d-model', type=int, default=64); p.add_argument('--heads', type=int, default=4); p.add_argument('--steps', type=int, default=60)
a = p.parse_args(); torch.manual_seed(0)
V = 5000
class Block(nn.Module):
    def __init__(s, d, h):
        super().__init__(); s.h = h; s.qkv = nn.Linear(d, 3 * d); s.o = nn.Linear(d, d); s.ff = nn.Sequential(nn.Linear(d, 4 * d), nn.GELU(), nn.Linear(4 * d, d))
        s.n1 = nn.LayerNorm(d); s.n2 = nn.LayerNorm(d)
    def forward(s, x):
        B, T, D = x.shape
        q, k, v = s.qkv(s.n1(x)).view(B, T, 3, s.h, D // s.h).permute(2, 0, 3, 1, 4)
        att = (q @ k.transpose(-1, -2)) / math.sqrt(D // s.h)
        att = att.softmax(-1)
        x = x + s.o((att @ v).transpose(1, 2).reshape(B, T, D))
        return x + s.ff(s.n2(x))
class Net(nn.Module):
    def __init__(s):
        super().__init__(); s.emb = nn.Embedding(V, a.d_model); s.pos = nn.Embedding(a.max_len, a.d_model)
        s.blocks = nn.Sequential(*[Block(a.d_model, a.heads) for _ in range(2)]); s.head = nn.Linear(a.d_model, 2)
    def forward(s, ids):
        x = s.emb(ids) + s.pos(torch.arange(ids.size(1)))
        return s.head(s.blocks(x).mean(1))
m = Net(); opt = torch.optim.AdamW(m.parameters(), 3e-4)
print(f'documents padded to max_len={a.max_len}, batch {a.batch_size}, d_model {a.d_model}, heads {a.heads}', flush=True)
for step in range(a.steps):
    ids = torch.randint(0, V, (a.batch_size, a.max_len)); y = (ids[:, :10] < 100).any(1).long()
    opt.zero_grad(); loss = F.cross_entropy(m(ids), y); loss.backward(); opt.step()
    if step % 10 == 0: print(f'step {step} loss {loss.item():.4f}', flush=True)
