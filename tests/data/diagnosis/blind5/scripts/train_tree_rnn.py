# Plain PyTorch: a recursive neural network over binary parse trees (sentiment, synthetic trees). The model
# recurses over the tree in Python; sys.setrecursionlimit is raised so that deep trees do not raise
# RecursionError. The corpus holds one degenerate parse (a 60000-token right-branching chain, as a broken parser
# emits for text without punctuation), reached at tree 251 of epoch 0; the recursion then overflows the C stack.
import sys, random, torch, torch.nn as nn
sys.setrecursionlimit(1_000_000)
random.seed(0); torch.manual_seed(0)
def rand_tree(depth):
    if depth == 0 or random.random() < 0.3: return random.randrange(100)
    return (rand_tree(depth - 1), rand_tree(depth - 1))
def label(t): return (t % 2) if isinstance(t, int) else label(t[0])
trees = [rand_tree(6) for _ in range(400)]
chain = 7
for _ in range(60000): chain = (random.randrange(100), chain)
trees.insert(250, chain)  # reached at tree 251 of epoch 0
class TreeCell(nn.Module):
    def __init__(s):
        super().__init__(); s.emb = nn.Embedding(100, 32); s.comb = nn.Linear(64, 32)
    def forward(s, t):
        if isinstance(t, int): return s.emb.weight[t]
        return torch.tanh(s.comb(torch.cat([s(t[0]), s(t[1])])))
class RecNN(nn.Module):
    def __init__(s):
        super().__init__(); s.cell = TreeCell(); s.out = nn.Linear(32, 2)
    def forward(s, t): return s.out(s.cell(t))
m = RecNN(); opt = torch.optim.Adam(m.parameters(), 1e-2)
for ep in range(3):
    order = list(range(len(trees)))
    if ep > 0: random.shuffle(order)
    tot = 0.0
    for k, i in enumerate(order):
        t = trees[i]
        loss = nn.functional.cross_entropy(m(t)[None], torch.tensor([label(t)]))
        opt.zero_grad(); loss.backward(); opt.step(); tot += loss.item()
        if (k + 1) % 50 == 0: print(f"epoch {ep} tree {k + 1}/{len(trees)} avg loss {tot / (k + 1):.4f}", flush=True)
