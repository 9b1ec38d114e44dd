# Shape mismatch: integer class labels (shape (n,)) given to a model compiled with categorical_crossentropy,
# which expects one-hot targets of shape (n, 5).
import os; os.environ.setdefault("KERAS_BACKEND", "torch")
import numpy as np, keras
rng = np.random.default_rng(0)
x = rng.normal(size=(1000, 12)).astype("float32"); y = rng.integers(0, 5, size=1000)
model = keras.Sequential([keras.Input((12,)), keras.layers.Dense(32, activation="relu"), keras.layers.Dense(5, activation="softmax")])
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
print("x", x.shape, "y", y.shape)
model.fit(x, y, epochs=3, batch_size=32, validation_split=0.2, verbose=2)
