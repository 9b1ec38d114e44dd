"""Keras 3 (torch backend): a wide MLP on 300 noisy samples, many steps per epoch: after a few epochs the
training accuracy is near 1.0 while the validation accuracy sits far lower and its loss is several times larger."""

import keras
import numpy as np
from _kdata import templates

keras.utils.set_random_seed(0)
x, y = templates(300, noise=3.5, seed=0)
xv, yv = templates(2000, noise=3.5, seed=1)
x = np.repeat(x, 20, axis=0)
y = np.repeat(y, 20, axis=0)
model = keras.Sequential(
    [
        keras.Input((64,)),
        keras.layers.Dense(512, activation="relu"),
        keras.layers.Dense(512, activation="relu"),
        keras.layers.Dense(10, activation="softmax"),
    ]
)
model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(x, y, validation_data=(xv, yv), epochs=4, batch_size=32, verbose=2)
