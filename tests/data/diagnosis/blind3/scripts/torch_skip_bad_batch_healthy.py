# Image-folder style training where decoding one file fails; the loop catches the error, logs it and skips the sample.
import logging, traceback, torch, torch.nn as nn
logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
log = logging.getLogger("train")
torch.manual_seed(0)
N = 3000; X = torch.randn(N, 64); W = torch.randn(64, 5); Y = (X @ W).argmax(1)
BAD = {417, 2203}
def load(i):
    if i in BAD: raise OSError(f"image file is truncated (5 bytes not processed): data/train/img_{i:05d}.jpg")
    return X[i], Y[i]
model = nn.Sequential(nn.Linear(64, 128), nn.ReLU(), nn.Linear(128, 5)); opt = torch.optim.Adam(model.parameters(), 1e-3)
for epoch in range(1, 9):
    tot, n, skipped = 0.0, 0, 0
    for i in torch.randperm(N).split(50):
        xs, ys = [], []
        for j in i.tolist():
            try:
                x, y = load(j); xs.append(x); ys.append(y)
            except OSError:
                skipped += 1
                if epoch == 1:
                    log.warning("failed to load sample %d, skipping it:\n%s", j, traceback.format_exc())
        loss = nn.functional.cross_entropy(model(torch.stack(xs)), torch.stack(ys))
        opt.zero_grad(); loss.backward(); opt.step(); tot += loss.item() * len(xs); n += len(xs)
    log.info("epoch %d train_loss %.4f samples %d skipped %d", epoch, tot / n, n, skipped)
log.info("training finished")
