"""SIMULATED: a CUDA device-side assert from class targets out of range (no GPU here). Prints the kernel's
assertion lines and the RuntimeError text torch prints (aten/src/ATen/native/cuda/Loss.cu, c10/cuda), exits 1."""

import sys

print("Epoch 0/9", flush=True)
print("----------", flush=True)
print("train Loss: 2.7186 Acc: 0.4082", flush=True)
for t in range(5):
    sys.stderr.write(
        f"../aten/src/ATen/native/cuda/Loss.cu:250: nll_loss_forward_reduce_cuda_kernel_2d: block: [0,0,0], thread: [{t},0,0] Assertion `t >= 0 && t < n_classes` failed.\n"
    )
sys.stderr.write("""Traceback (most recent call last):
  File "/home/user/project/train.py", line 379, in train_model
    running_loss += loss.item() * now_batch_size
RuntimeError: CUDA error: device-side assert triggered
CUDA kernel errors might be asynchronously reported at some other API call, so the stacktrace below might be incorrect.
For debugging consider passing CUDA_LAUNCH_BLOCKING=1
Compile with `TORCH_USE_CUDA_DSA` to enable device-side assertions.

""")
sys.exit(1)
