# Keras 3 (torch backend): regression on unscaled house-price-like features, SGD (argv: lr seed hidden)
import os; os.environ.setdefault("KERAS_BACKEND", "torch")
import sys, numpy as np, keras
rng = np.random.default_rng(int(sys.argv[2]))
area = rng.uniform(40, 300, 2000); rooms = rng.integers(1, 8, 2000); year = rng.uniform(1950, 2020, 2000)
X = np.stack([area, rooms, year], 1).astype("float32")
y = (2.0 * area + 10 * rooms + 0.5 * (year - 1950) + rng.normal(0, 20, 2000)).astype("float32") / 100.0
model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(int(sys.argv[3]), activation="relu"), keras.layers.Dense(1)])
model.compile(optimizer=keras.optimizers.SGD(learning_rate=float(sys.argv[1])), loss="mse")
model.fit(X, y, batch_size=32, epochs=8, validation_split=0.2, verbose=2)
