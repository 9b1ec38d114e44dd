# Keras (torch backend) regression on y = 3*x0*x1 + 0.8*x2 + 0.1*noise: HIDDEN=0 is a linear model (cannot fit the
# interaction: underfits), HIDDEN>0 an MLP (argv: hidden epochs seed)
import os, sys; os.environ["KERAS_BACKEND"] = "torch"
import numpy as np, keras
hidden, epochs, seed = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
keras.utils.set_random_seed(seed); rng = np.random.default_rng(seed)
X = rng.uniform(-1, 1, size=(5000, 6)).astype("float32")
y = (3 * X[:, 0] * X[:, 1] + 0.8 * X[:, 2] + 0.1 * rng.standard_normal(5000)).astype("float32")
layers = [keras.Input((6,))] + ([keras.layers.Dense(hidden, activation="relu")] if hidden else []) + [keras.layers.Dense(1)]
m = keras.Sequential(layers); m.compile(optimizer=keras.optimizers.Adam(0.01), loss="mse")
m.fit(X, y, epochs=epochs, batch_size=64, validation_split=0.2, verbose=2)
