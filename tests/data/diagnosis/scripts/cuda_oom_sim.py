"""SIMULATED: CUDA out of memory (no GPU here). Prints the traceback and the exact message torch 2.x prints
(c10/cuda/CUDACachingAllocator.cpp via torch.OutOfMemoryError) and exits 1 as the uncaught exception does."""

import sys

print("epoch 1 | step 10 | loss 2.2981 | batch_size 256 | lr 0.0003", flush=True)
print("epoch 1 | step 20 | loss 2.1043 | batch_size 256 | lr 0.0003", flush=True)
sys.stderr.write("""Traceback (most recent call last):
  File "/home/user/project/train.py", line 142, in <module>
    main()
  File "/home/user/project/train.py", line 118, in main
    loss.backward()
  File "/opt/conda/lib/python3.11/site-packages/torch/_tensor.py", line 626, in backward
    torch.autograd.backward(
  File "/opt/conda/lib/python3.11/site-packages/torch/autograd/__init__.py", line 347, in backward
    _engine_run_backward(
  File "/opt/conda/lib/python3.11/site-packages/torch/autograd/graph.py", line 823, in _engine_run_backward
    return Variable._execution_engine.run_backward(  # Calls into the C++ engine to run the backward pass
torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 3.00 GiB. GPU 0 has a total capacity of 79.15 GiB of which 1.19 GiB is free. Including non-PyTorch memory, this process has 77.95 GiB memory in use. Of the allocated memory 74.02 GiB is allocated by PyTorch, and 2.43 GiB is reserved by PyTorch but unallocated. If reserved but unallocated memory is large try setting PYTORCH_CUDA_ALLOC_CONF=expandable_segments:True to avoid fragmentation.  See documentation for Memory Management  (https://pytorch.org/docs/stable/notes/cuda.html#environment-variables)
""")
sys.exit(1)
