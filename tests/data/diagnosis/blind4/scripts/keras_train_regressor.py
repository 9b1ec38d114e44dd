# Missing file: a Keras training script whose data file is given relative to another working directory.
import os; os.environ.setdefault("KERAS_BACKEND", "torch")
import numpy as np, keras
print("keras", keras.__version__, "backend", keras.backend.backend())
model = keras.Sequential([keras.Input((8,)), keras.layers.Dense(16, activation="relu"), keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.summary()
data = np.load("data/processed/train_features.npz")
model.fit(data["x"], data["y"], epochs=5, batch_size=32)
