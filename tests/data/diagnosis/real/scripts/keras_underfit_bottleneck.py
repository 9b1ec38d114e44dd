"""Keras 3 (torch backend): a 2-unit bottleneck in front of a 10-class softmax (a leftover from a visualisation
experiment), so the model cannot separate the classes: training and validation loss fall a little and then sit
together on a plateau far above what the task allows; no gap between them."""

import keras
from _kdata import templates

keras.utils.set_random_seed(0)
x, y = templates(6000, noise=1.0, seed=0)
xv, yv = templates(1500, noise=1.0, seed=1)
model = keras.Sequential(
    [keras.Input((64,)), keras.layers.Dense(2, activation="tanh"), keras.layers.Dense(10, activation="softmax")]
)
model.compile(optimizer=keras.optimizers.Adam(1e-2), loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(x, y, validation_data=(xv, yv), epochs=15, batch_size=64, verbose=2)
