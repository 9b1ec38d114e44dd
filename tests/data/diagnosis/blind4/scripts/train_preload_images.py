# Out of memory (host): a training script preloads the whole image set into one float32 array before training.
# The job has an 8 GiB address-space limit (set here with RLIMIT_AS, as a batch system or container would), so
# the allocation of 200000x3x224x224 float32 (112 GiB) fails at once instead of thrashing the shared machine.
import resource
resource.setrlimit(resource.RLIMIT_AS, (8 << 30, 8 << 30))
import numpy as np, torch, torch.nn as nn
print("torch", torch.__version__, "numpy", np.__version__)
n_images = 200000
print(f"preloading {n_images} images of 3x224x224 into RAM ...")
images = np.empty((n_images, 3, 224, 224), dtype=np.float32)
images[:] = 0.0
labels = np.zeros(n_images, dtype=np.int64)
print("dataset ready")
