# character LM: builds a prefix trie of the corpus for fast lookup, caches it, then trains a bigram model
import sys, pickle, random, torch, torch.nn as nn, torch.nn.functional as F
sys.setrecursionlimit(10_000_000)
random.seed(0); torch.manual_seed(0)
corpus = ''.join(random.choice('abcdefgh ') for _ in range(400_000))
chars = sorted(set(corpus)); stoi = {c: i for i, c in enumerate(chars)}
data = torch.tensor([stoi[c] for c in corpus])
emb = nn.Embedding(len(chars), len(chars)); opt = torch.optim.Adam(emb.parameters(), 1e-2)
for it in range(1, 301):
    j = torch.randint(0, len(data) - 1, (256,)); loss = F.cross_entropy(emb(data[j]), data[j + 1])
    opt.zero_grad(); loss.backward(); opt.step()
    if it % 50 == 0: print(f'iter {it} loss {loss.item():.4f}', flush=True)
print('building suffix trie for the sampler ...', flush=True)
trie = {}
node = trie
for c in corpus[:300_000]:            # one long document path
    node = node.setdefault(c, {})
print('trie built, caching to trie.pkl', flush=True)
with open('trie.pkl', 'wb') as f: pickle.dump(trie, f)
print('done')
