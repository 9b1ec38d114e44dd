# keras 3 (torch backend): learn to map noisy 64-d sensor vectors onto their clean 16-d embedding with the
# cosine_similarity loss (keras reports it negated: -1 is a perfect match).
import numpy as np, keras
keras.utils.set_random_seed(8); rng = np.random.default_rng(8)
W = rng.normal(size=(64, 16)).astype("float32")
x = rng.normal(size=(6000, 64)).astype("float32"); y = np.tanh(x @ W / 8) + 0.1 * rng.normal(size=(6000, 16)).astype("float32")
m = keras.Sequential([keras.Input((64,)), keras.layers.Dense(128, activation="relu"), keras.layers.Dropout(0.1), keras.layers.Dense(16)])
m.compile(optimizer=keras.optimizers.Adam(1e-3), loss=keras.losses.CosineSimilarity())
m.fit(x, y, validation_split=0.2, epochs=15, batch_size=64, verbose=2)
