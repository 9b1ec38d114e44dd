# Writes a small synthetic image-folder dataset (3 classes: horizontal bars, vertical bars, a blob) as PNG files.
import sys
from pathlib import Path
import numpy as np
from PIL import Image
root = Path(sys.argv[1] if len(sys.argv) > 1 else "data/shapes")
rng = np.random.default_rng(3)
for split, n in (("train", 600), ("val", 150)):
    for i in range(n):
        c = i % 3
        img = rng.normal(90, 30, (32, 32)).clip(0, 255)
        k = rng.integers(4, 28)
        if c == 0: img[k - 2:k + 2, :] += 120
        elif c == 1: img[:, k - 2:k + 2] += 120
        else: img[k - 5:k + 5, k - 5:k + 5] += 120
        d = root / split / str(c); d.mkdir(parents=True, exist_ok=True)
        Image.fromarray(img.clip(0, 255).astype(np.uint8)).save(d / f"{i:05d}.png")
print("wrote", root)
