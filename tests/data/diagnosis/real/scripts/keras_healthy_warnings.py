"""Keras 3 (torch backend), a healthy run that prints warnings on the way (a deprecated argument, a
UserWarning from the input pipeline) and a validation curve with a little noise."""

import warnings

import keras
from _kdata import templates

keras.utils.set_random_seed(0)
x, y = templates(6000, noise=2.5, seed=0)
xv, yv = templates(1500, noise=2.5, seed=1)
warnings.warn("The `lr` argument is deprecated, use `learning_rate` instead.", UserWarning, stacklevel=1)
model = keras.Sequential(
    [
        keras.Input((64,)),
        keras.layers.Dense(64, activation="relu"),
        keras.layers.Dropout(0.3),
        keras.layers.Dense(10, activation="softmax"),
    ]
)
model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(x, y, validation_data=(xv, yv), epochs=8, batch_size=64, verbose=2)
