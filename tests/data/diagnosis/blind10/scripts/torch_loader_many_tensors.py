# torch DataLoader with 4 workers; each sample is a dict of 40 small per-field tensors (a feature-store row), and the
# job runs under the cluster's default `ulimit -n 128`. Workers hand tensors back through shared memory (file_descriptor strategy); DataLoader timeout=20 s
import resource, torch
from torch.utils.data import Dataset, DataLoader
print('RLIMIT_NOFILE', resource.getrlimit(resource.RLIMIT_NOFILE), 'sharing strategy', torch.multiprocessing.get_sharing_strategy())
class Rows(Dataset):
    def __len__(s): return 100000
    def __getitem__(s, i): return {f'f{k}': torch.full((8,), float(i + k)) for k in range(40)}
def keep(batch): return batch  # no collate: keep each row's tensors (list of dicts)
model = torch.nn.Linear(320, 1); opt = torch.optim.SGD(model.parameters(), 0.01)
dl = DataLoader(Rows(), batch_size=32, num_workers=4, collate_fn=keep, prefetch_factor=4, timeout=20)
for step, rows in enumerate(dl):
    x = torch.stack([torch.cat([r[f'f{k}'] for k in range(40)]) for r in rows]) / 1e5
    loss = model(x).pow(2).mean(); opt.zero_grad(); loss.backward(); opt.step()
    if step % 20 == 0: print(f'step {step} loss {loss.item():.4f}', flush=True)
    if step == 300: break
print('done')
