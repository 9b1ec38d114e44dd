# Keras fit on a non-linear regression (y = sin(2 x0) * x1 + x2^2 + noise 0.1) with an MLP whose Dense layers all
# carry kernel_regularizer=L2(1.0) (an l2 factor meant to be 1e-4 typed as 1.0). Reports mse (without the penalty).
import numpy as np, keras
rng = np.random.default_rng(1)
X = rng.uniform(-2, 2, size=(4000, 6)).astype("float32")
y = (np.sin(2 * X[:, 0]) * X[:, 1] + X[:, 2] ** 2 + 0.1 * rng.normal(size=4000)).astype("float32")
print(f"target variance {y.var():.4f}; noise variance 0.0100")
reg = keras.regularizers.L2(1.0)
m = keras.Sequential([keras.Input((6,)), keras.layers.Dense(128, activation="relu", kernel_regularizer=reg),
                      keras.layers.Dense(128, activation="relu", kernel_regularizer=reg), keras.layers.Dense(1, kernel_regularizer=reg)])
m.compile(optimizer=keras.optimizers.Adam(1e-3), loss="mse", metrics=["mse"])
m.fit(X, y, validation_split=0.2, epochs=30, batch_size=64, verbose=2)
