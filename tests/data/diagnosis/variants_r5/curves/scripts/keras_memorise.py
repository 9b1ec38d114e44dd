"""A Keras MLP on scikit-learn's digits, verbose=2 (one line per epoch).

    python keras_memorise.py noisy    # 300 training rows, 30% of their labels shuffled: memorises the noise
    python keras_memorise.py clean    # 1400 clean rows: a normal gap, validation holds

KERAS_BACKEND=torch (torch 2.13.0 CPU)."""

import os
import sys

os.environ.setdefault("KERAS_BACKEND", "torch")

import keras
import numpy as np
from sklearn.datasets import load_digits

keras.utils.set_random_seed(0)
noisy = sys.argv[1] == "noisy"
x, y = load_digits(return_X_y=True)
x = x / 16.0
rng = np.random.default_rng(0)
order = rng.permutation(len(x))
x, y = x[order], y[order]
n_train = 300 if noisy else 1400
xt, yt, xv, yv = x[:n_train], y[:n_train].copy(), x[1400:], y[1400:]
if noisy:
    flip = rng.random(n_train) < 0.3
    yt[flip] = rng.integers(0, 10, flip.sum())
model = keras.Sequential(
    [keras.Input((64,)), keras.layers.Dense(512, activation="relu"), keras.layers.Dense(512, activation="relu"),
     keras.layers.Dense(10, activation="softmax")]
)
model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(xt, yt, validation_data=(xv, yv), epochs=120 if noisy else 60, batch_size=32, verbose=2)
