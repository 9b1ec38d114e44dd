"""Plain lines. The script imports an optional fused optimizer package that is not installed in this
interpreter (a real ModuleNotFoundError)."""

import torch

print("torch", torch.__version__, "- using fused optimizer from apex", flush=True)
from apex.optimizers import FusedAdam  # noqa: E402

print(FusedAdam)
