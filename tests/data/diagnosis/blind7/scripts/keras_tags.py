# Keras 3 (torch backend) model.fit, 6-class tag classifier. The labels are integer class ids (0..5) but the model is
# compiled with categorical_crossentropy, which wants one-hot targets.
import numpy as np, keras
rng = np.random.default_rng(0)
X = rng.normal(size=(1200, 20)).astype("float32"); y = (X[:, :6].argmax(1)).astype("int64")
print("X", X.shape, "y", y.shape, "classes", sorted(set(y.tolist())))
m = keras.Sequential([keras.Input((20,)), keras.layers.Dense(32, activation="relu"), keras.layers.Dense(6, activation="softmax")])
m.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
m.fit(X, y, validation_split=0.2, epochs=5, batch_size=32, verbose=2)
