"""A Keras regression compiled with metrics=['accuracy'] (accuracy means nothing for a continuous target: it
prints 0 while the MSE falls). Run: KERAS_BACKEND=torch python make.py > stdout.log"""

import keras
import numpy as np

rng = np.random.default_rng(0)
X = rng.normal(size=(800, 6)).astype("float32")
y = (X @ rng.normal(size=6) + 0.1 * rng.normal(size=800)).astype("float32") * 0.37 + 0.113
keras.utils.set_random_seed(0)
model = keras.Sequential([keras.Input((6,)), keras.layers.Dense(16, activation="relu"), keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="mse", metrics=["accuracy"])
model.fit(X, y, validation_split=0.25, epochs=12, batch_size=32, verbose=2)
