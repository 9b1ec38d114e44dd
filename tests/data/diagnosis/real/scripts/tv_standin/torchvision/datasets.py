import os

import numpy as np
import torch


class MNIST(torch.utils.data.Dataset):
    """Synthetic stand-in: 6000 training and 1000 test images of 28x28, 10 classes. MNIST_SIZE overrides the
    training-set size."""

    def __init__(self, root, train=True, download=False, transform=None):
        n = int(os.environ.get("MNIST_SIZE", "6000")) if train else 1000
        protos = np.random.default_rng(1234).random((10, 28, 28)) > 0.82
        g = np.random.default_rng(0 if train else 1)
        self.targets = g.integers(0, 10, size=n)
        shifts = g.integers(-4, 5, size=(n, 2))
        imgs = np.empty((n, 28, 28), dtype=np.float32)
        for i in range(n):
            imgs[i] = np.roll(protos[self.targets[i]], tuple(shifts[i]), axis=(0, 1)) * 200.0
        imgs += g.normal(0, 120, size=imgs.shape)
        self.data = np.clip(imgs, 0, 255).astype(np.uint8)
        self.transform = transform

    def __len__(self):
        return len(self.targets)

    def __getitem__(self, i):
        img = self.data[i]
        if self.transform is not None:
            img = self.transform(img)
        return img, int(self.targets[i])
