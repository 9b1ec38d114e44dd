# Keras 3 (torch backend): CNN-free MLP on a synthetic 10-class task with ReduceLROnPlateau and EarlyStopping (restores best weights).
import os; os.environ.setdefault("KERAS_BACKEND", "torch")
import numpy as np, keras
rng = np.random.default_rng(3)
X = rng.standard_normal((6000, 40)).astype("float32"); W = rng.standard_normal((40, 10))
y = np.argmax(X @ W + 0.8 * rng.standard_normal((6000, 10)), 1)
model = keras.Sequential([keras.Input((40,)), keras.layers.Dense(128, activation="relu"), keras.layers.Dropout(0.3), keras.layers.Dense(10, activation="softmax")])
model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="sparse_categorical_crossentropy", metrics=["accuracy"])
cbs = [keras.callbacks.ReduceLROnPlateau(patience=2, factor=0.5, verbose=1), keras.callbacks.EarlyStopping(patience=4, restore_best_weights=True, verbose=1)]
model.fit(X, y, batch_size=64, epochs=30, validation_split=0.2, verbose=2, callbacks=cbs)
print("test accuracy", model.evaluate(X[:500], y[:500], verbose=0)[1])
