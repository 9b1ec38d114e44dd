import os, argparse, numpy as np
os.environ.setdefault('KERAS_BACKEND', 'torch')
import keras
p = argparse.ArgumentParser(); p.add_argument('--epochs', type=int, default=60); p.add_argument('--samples', type=int, default=240)
p.add_argument('--features', type=int, default=3000); p.add_argument('--verbose', type=int, default=2)
a = p.parse_args(); keras.utils.set_random_seed(0); rng = np.random.default_rng(0)
n, d = a.samples, a.features
X = rng.normal(size=(n + 1000, d)).astype('float32')
w = np.zeros(d); w[:5] = [1.5, -1.2, 1.0, 0.8, -0.8]
y = ((X @ w + rng.normal(0, 0.5, n + 1000)) > 0).astype('float32')
Xtr, ytr, Xva, yva = X[:n], y[:n], X[n:], y[n:]
print(f'assay panel: {n} training samples x {d} marker features; validation {len(Xva)} samples')
model = keras.Sequential([keras.Input((d,)), keras.layers.Dense(512, activation='relu'), keras.layers.Dense(256, activation='relu'), keras.layers.Dense(1, activation='sigmoid')])
model.compile(optimizer=keras.optimizers.Adam(1e-3), loss='binary_crossentropy', metrics=['accuracy'])
model.fit(Xtr, ytr, validation_data=(Xva, yva), epochs=a.epochs, batch_size=32, verbose=a.verbose)
