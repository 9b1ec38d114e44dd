"""build() forgets loss_fn."""

import _tiny


def build():
    out = _tiny.good()
    del out["loss_fn"]
    return out
