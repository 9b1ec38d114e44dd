# Plain torch: BiLSTM sequence classifier over variable-length token sequences, packed with pack_padded_sequence.
# Classes are imbalanced, so the loss is weighted with sklearn's compute_class_weight('balanced', ...) turned into a tensor
# with torch.from_numpy.
import torch, torch.nn as nn
from torch.nn.utils.rnn import pack_padded_sequence
torch.manual_seed(0)
seqs = [torch.randint(1, 1000, (int(l),)) for l in torch.randint(5, 40, (2000,))]; labels = torch.multinomial(torch.tensor([0.7, 0.2, 0.1]), 2000, replacement=True)
def collate(batch):
    xs, ys = zip(*batch); L = max(len(x) for x in xs)
    ids = torch.zeros(len(xs), L, dtype=torch.long); mask = torch.zeros(len(xs), L)
    for i, x in enumerate(xs): ids[i, :len(x)] = x; mask[i, :len(x)] = 1.0
    return ids, mask.sum(1), torch.stack(ys)
class Tagger(nn.Module):
    def __init__(s): super().__init__(); s.emb = nn.Embedding(1000, 64); s.lstm = nn.LSTM(64, 64, batch_first=True, bidirectional=True); s.out = nn.Linear(128, 3)
    def forward(s, ids, lengths):
        packed = pack_padded_sequence(s.emb(ids), lengths, batch_first=True, enforce_sorted=False)
        _, (h, _) = s.lstm(packed); return s.out(torch.cat([h[0], h[1]], 1))
dl = torch.utils.data.DataLoader(list(zip(seqs, labels)), batch_size=32, shuffle=True, collate_fn=collate)
from sklearn.utils.class_weight import compute_class_weight
import numpy as np
cw = torch.from_numpy(compute_class_weight('balanced', classes=np.arange(3), y=labels.numpy()))
print('class weights', cw)
crit = nn.CrossEntropyLoss(weight=cw)
m = Tagger(); opt = torch.optim.Adam(m.parameters(), 1e-3)
print("2000 sequences, lengths 5-39, batch 32", flush=True)
for epoch in range(3):
    for step, (ids, lengths, y) in enumerate(dl):
        loss = crit(m(ids, lengths), y); opt.zero_grad(); loss.backward(); opt.step()
        if step % 20 == 0: print(f"epoch {epoch} step {step} loss {loss.item():.4f}", flush=True)
