# keras fit with the default verbose=1 progress bar, output redirected to a file as a batch job does;
# Fashion-like task: digits 8x8 upsampled with noise; Adam, 12 epochs, validation_split
import numpy as np, keras
from sklearn.datasets import load_digits
X, y = load_digits(return_X_y=True); rng = np.random.default_rng(0)
X = np.repeat(X, 3, 0) / 16.0 + 0.15 * rng.standard_normal((len(X) * 3, 64)); y = np.repeat(y, 3)
p = rng.permutation(len(y)); X, y = X[p].astype('float32'), y[p]
keras.utils.set_random_seed(0)
m = keras.Sequential([keras.Input((64,)), keras.layers.Dense(128, activation='relu'), keras.layers.Dropout(0.2), keras.layers.Dense(64, activation='relu'), keras.layers.Dense(10, activation='softmax')])
m.compile(keras.optimizers.Adam(1e-3), 'sparse_categorical_crossentropy', metrics=['accuracy'])
m.fit(X, y, epochs=12, batch_size=64, validation_split=0.2)
print('test-time check:', m.evaluate(X[:500], y[:500], verbose=0))
