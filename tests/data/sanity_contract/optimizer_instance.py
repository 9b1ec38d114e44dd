"""optimizer is an already built optimizer, not a callable that builds one."""

import _tiny
import torch


def build():
    out = _tiny.good()
    out["optimizer"] = torch.optim.SGD(out["model"].parameters(), lr=0.1)
    return out
