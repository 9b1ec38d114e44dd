"""optimizer is an already built optimizer, not a callable that builds one."""
import torch

import _tiny


def build():
    out = _tiny.good()
    out["optimizer"] = torch.optim.SGD(out["model"].parameters(), lr=0.1)
    return out
