"""Small deterministic datasets for the sanity-check model set (imported by the model files as a sibling module).

digits(): shaped like sklearn's digits (1797 samples of 8x8 = 64 pixels in 0..16, 10 classes): each class is a
smooth stroke prototype, each sample that prototype shifted by a pixel, with pixel noise, rounded to integers."""

from __future__ import annotations

import torch
from torch.utils.data import DataLoader, TensorDataset

N_DIGITS = 1797
TRAIN_FRACTION = 0.8


def _prototypes(g: torch.Generator) -> torch.Tensor:
    protos = torch.zeros(10, 12, 12)
    for c in range(10):
        for _ in range(3):  # three random strokes per class, drawn on a 12x12 canvas
            r0, c0 = torch.randint(2, 10, (2,), generator=g).tolist()
            dr, dc = torch.randint(-1, 2, (2,), generator=g).tolist()
            for t in range(6):
                r, cc = min(max(r0 + dr * t, 0), 11), min(max(c0 + dc * t, 0), 11)
                protos[c, r, cc] = 16.0
    blur = torch.tensor([[1.0, 2.0, 1.0], [2.0, 4.0, 2.0], [1.0, 2.0, 1.0]]) / 16
    protos = torch.nn.functional.conv2d(protos.unsqueeze(1), blur.view(1, 1, 3, 3), padding=1).squeeze(1)
    return protos / protos.amax(dim=(1, 2), keepdim=True) * 16


def digits_raw(n: int = N_DIGITS, seed: int = 0) -> tuple[torch.Tensor, torch.Tensor]:
    """(x float32 [n, 64] with integer values 0..16, y long [n])."""
    g = torch.Generator().manual_seed(seed)
    protos = _prototypes(g)
    y = torch.arange(n) % 10
    y = y[torch.randperm(n, generator=g)]
    shifts = torch.randint(0, 5, (n, 2), generator=g)
    x = torch.empty(n, 8, 8)
    for i in range(n):
        r, c = shifts[i].tolist()
        x[i] = protos[y[i], r : r + 8, c : c + 8]
    x = (x + torch.randn(n, 8, 8, generator=g) * 3.0).clamp(0, 16).round()
    return x.reshape(n, 64), y


def split(x: torch.Tensor, y: torch.Tensor) -> tuple[tuple, tuple]:
    k = int(len(x) * TRAIN_FRACTION)
    return (x[:k], y[:k]), (x[k:], y[k:])


def standardise(train_x: torch.Tensor, *others: torch.Tensor):
    mean, std = train_x.mean(dim=0), train_x.std(dim=0).clamp_min(1e-6)
    return [(t - mean) / std for t in (train_x, *others)]


def digits(normalised: bool = True):
    """((train_x, train_y), (val_x, val_y)), inputs standardised with the training statistics."""
    x, y = digits_raw()
    (tx, ty), (vx, vy) = split(x, y)
    if normalised:
        tx, vx = standardise(tx, vx)
    return (tx, ty), (vx, vy)


def regression(n: int = 1000, d: int = 8, seed: int = 1, linear: bool = False):
    """Targets standardised; a smooth nonlinear function of the inputs plus noise (or linear plus noise)."""
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(n, d, generator=g)
    w = torch.randn(d, generator=g)
    if linear:
        y = x @ w + 0.5 * torch.randn(n, generator=g)
    else:
        y = torch.tanh(x @ w / d**0.5) + 0.5 * (x[:, 0] * x[:, 1]) + 0.1 * torch.randn(n, generator=g)
    y = (y - y.mean()) / y.std()
    return split(x, y)


def binary(n: int = 800, d: int = 10, seed: int = 2):
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(n, d, generator=g)
    y = ((x[:, 0] + x[:, 1] * x[:, 2] + 0.3 * torch.randn(n, generator=g)) > 0).float()
    return split(x, y)


def tokens(n: int = 800, length: int = 12, vocab: int = 40, seed: int = 3):
    """Token sequences; the label says which of tokens 1, 2, 3 occurs most often."""
    g = torch.Generator().manual_seed(seed)
    x = torch.randint(0, vocab, (n, length), generator=g)
    y = torch.randint(0, 3, (n,), generator=g)
    for i in range(n):
        positions = torch.randperm(length, generator=g)[:4]
        x[i, positions] = y[i] + 1
    return split(x, y)


def loaders(train, val=None, batch_size: int = 32, seed: int = 0, **kw):
    g = torch.Generator().manual_seed(seed)
    train_loader = DataLoader(TensorDataset(*train), batch_size=batch_size, shuffle=True, generator=g, **kw)
    val_loader = DataLoader(TensorDataset(*val), batch_size=256) if val is not None else None
    return train_loader, val_loader


def mlp(inputs: int = 64, hidden: int = 128, outputs: int = 10):
    return torch.nn.Sequential(torch.nn.Linear(inputs, hidden), torch.nn.ReLU(), torch.nn.Linear(hidden, outputs))


def classification(model, train_loader, val_loader=None, lr: float = 1e-3, **extra):
    """The usual dict for a classifier on the digits-like data."""
    out = {
        "model": model,
        "train_loader": train_loader,
        "val_loader": val_loader,
        "loss_fn": torch.nn.CrossEntropyLoss(),
        "optimizer": lambda params: torch.optim.Adam(params, lr=lr),
        "task": "classification",
    }
    out.update(extra)
    return out


def counting_sequences(n: int = 640, length: int = 16, vocab: int = 16, seed: int = 4, noise: float = 0.1):
    """Token sequences that count up from a random start by a step of 1 or 2 (mod vocab), a tenth of the tokens
    replaced by noise: the next token follows from the two before it. ((x, y) train, (x, y) val); y is x shifted
    by one (next-token targets). Validation sequences that also occur in training are dropped. The vocabulary is
    as long as the sequences, so the class axis of (B, T, V) outputs is not told by the shapes alone."""
    g = torch.Generator().manual_seed(seed)
    start = torch.randint(0, vocab, (n, 1), generator=g)
    step = torch.randint(1, 3, (n, 1), generator=g)
    seq = (start + step * torch.arange(length + 1)) % vocab
    flip = torch.rand(seq.shape, generator=g) < noise
    seq = torch.where(flip, torch.randint(0, vocab, seq.shape, generator=g), seq)
    x, y = seq[:, :-1].contiguous(), seq[:, 1:].contiguous()
    (tx, ty), (vx, vy) = split(x, y)
    seen = {tuple(row) for row in tx.tolist()}
    keep = torch.tensor([tuple(row) not in seen for row in vx.tolist()])
    return (tx, ty), (vx[keep], vy[keep])


def blob_images(n: int = 320, size: int = 12, seed: int = 5):
    """RGB images (n, 3, size, size) of a dark background with a red and a green square; per-pixel labels
    0 (background), 1 (red), 2 (green); a one-pixel border labelled 255 (ignored)."""
    g = torch.Generator().manual_seed(seed)
    x = torch.rand(n, 3, size, size, generator=g) * 0.3
    y = torch.zeros(n, size, size, dtype=torch.long)
    for i in range(n):
        for label, channel in ((1, 0), (2, 1)):
            r, c = torch.randint(1, size - 4, (2,), generator=g).tolist()
            x[i, channel, r : r + 3, c : c + 3] += 0.7
            y[i, r : r + 3, c : c + 3] = label
    y[:, 0, :] = y[:, -1, :] = y[:, :, 0] = y[:, :, -1] = 255
    x = (x - 0.3) / 0.3
    return split(x, y)
