"""build() returns a tuple instead of a dict."""

import _tiny


def build():
    out = _tiny.good()
    return out["model"], out["train_loader"], out["loss_fn"]
