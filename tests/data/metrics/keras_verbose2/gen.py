"""A Keras 3 run on the torch backend as a new user writes one: a small dense classifier on synthetic data,
fit() with validation data and the default verbosity (verbose=2 with `2` as argument), a CSVLogger.
Labels: the History object fit() returns (and the CSVLogger file), written to labels.json."""

import json
import os
import sys

os.environ.setdefault("KERAS_BACKEND", "torch")
import keras  # noqa: E402
import numpy as np  # noqa: E402

keras.utils.set_random_seed(0)
rng = np.random.default_rng(0)
x = rng.normal(size=(800, 10)).astype("float32")
y = (x[:, 0] - x[:, 1] > 0).astype("int64")
model = keras.Sequential([keras.Input((10,)), keras.layers.Dense(16, activation="relu"), keras.layers.Dense(2)])
model.compile(
    optimizer=keras.optimizers.Adam(1e-2),
    loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
    metrics=["accuracy"],
)
model.summary()
verbose = int(sys.argv[1]) if len(sys.argv) > 1 else "auto"
hist = model.fit(
    x[:640], y[:640], validation_data=(x[640:], y[640:]), epochs=5, batch_size=32, verbose=verbose,
    callbacks=[keras.callbacks.CSVLogger("history.csv")],
)
with open("labels.json", "w") as f:
    json.dump({"source": "keras History", "history": hist.history, "steps_per_epoch": 20}, f, indent=1)
