# Fraud-style imbalanced tabular classification (keras 3, torch backend). The minority class is oversampled x6 by
# duplicating rows BEFORE validation_split; a separate test set drawn from the original distribution is evaluated at the end.
import numpy as np, keras
keras.utils.set_random_seed(3); rng = np.random.default_rng(3)
def make(n):
    x = rng.normal(size=(n, 12)).astype("float32")
    y = ((x[:, 0] + 0.8 * x[:, 1] * x[:, 2] + 1.2 * rng.normal(size=n)) > 2.2).astype("float32")
    return x, y
x, y = make(4000); xt, yt = make(2000)
pos = np.where(y == 1)[0]; print(f"train rows {len(y)}, positives {len(pos)}; oversampling positives x6")
x = np.concatenate([x] + [x[pos]] * 5); y = np.concatenate([y] + [y[pos]] * 5)
perm = rng.permutation(len(y)); x, y = x[perm], y[perm]
m = keras.Sequential([keras.Input((12,)), keras.layers.Dense(256, activation="relu"), keras.layers.Dense(256, activation="relu"), keras.layers.Dense(1, activation="sigmoid")])
m.compile(optimizer=keras.optimizers.Adam(1e-3), loss="binary_crossentropy", metrics=["accuracy", keras.metrics.Recall(name="recall")])
m.fit(x, y, validation_split=0.2, epochs=30, batch_size=64, verbose=2)
res = m.evaluate(xt, yt, verbose=0, return_dict=True)
print("held-out test:", {k: round(float(v), 4) for k, v in res.items()})
