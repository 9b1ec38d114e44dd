# A Dataset that parses text records inside __getitem__; record 1337 is truncated. num_workers=2.
import torch, torch.nn as nn
class Records(torch.utils.data.Dataset):
    def __init__(self):
        self.lines = [",".join(f"{(i * 7 + j) % 13 / 13:.3f}" for j in range(8)) + f",{i % 3}" for i in range(4000)]
        self.lines[1337] = "0.231,0.615,0.0"      # truncated line in the export
    def __len__(self): return len(self.lines)
    def __getitem__(self, i):
        *feat, lab = self.lines[i].split(",")
        x = torch.tensor([float(v) for v in feat]); assert x.shape == (8,) or True
        return x.view(8), int(lab)
if __name__ == "__main__":
    torch.manual_seed(0)
    dl = torch.utils.data.DataLoader(Records(), batch_size=64, shuffle=True, num_workers=2)
    model = nn.Sequential(nn.Linear(8, 32), nn.ReLU(), nn.Linear(32, 3)); opt = torch.optim.SGD(model.parameters(), 0.1)
    for epoch in range(3):
        for step, (x, y) in enumerate(dl):
            loss = nn.functional.cross_entropy(model(x), y); opt.zero_grad(); loss.backward(); opt.step()
            if step % 10 == 0: print(f"epoch {epoch} step {step} loss {loss.item():.4f}", flush=True)
