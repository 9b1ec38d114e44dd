"""Keras 3 (torch backend) under a 1.5 GB address-space limit (a small job's memory): building the one-hot
targets and the augmented copy of the dataset asks numpy for more than the process may have."""

import keras
import numpy as np
from _kdata import templates

keras.utils.set_random_seed(0)
x, y = templates(20000, seed=0)
print(f"loaded {len(x)} samples")
model = keras.Sequential(
    [keras.Input((64,)), keras.layers.Dense(64, activation="relu"), keras.layers.Dense(10, activation="softmax")]
)
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(x[:2000], keras.utils.to_categorical(y[:2000], 10), epochs=1, batch_size=64, verbose=2)
print("augmenting: 64 noisy copies of every sample")
big = np.repeat(x, 64, axis=0) + np.random.default_rng(0).normal(size=(len(x) * 64, 64))
model.fit(big, keras.utils.to_categorical(np.repeat(y, 64), 10), epochs=1, batch_size=64, verbose=2)
