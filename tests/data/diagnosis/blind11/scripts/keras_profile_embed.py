import os, argparse, numpy as np
os.environ.setdefault('KERAS_BACKEND', 'torch')
import keras
from keras import ops
p = argparse.ArgumentParser(); p.add_argument('--epochs', type=int, default=8); p.add_argument('--verbose', type=int, default=2)
a = p.parse_args(); keras.utils.set_random_seed(0); rng = np.random.default_rng(0)
n, d = 6000, 50
counts = rng.poisson(1.0, (n, d)).astype('float32')           # product-category purchase counts per customer
counts[rng.random(n) < 0.01] = 0.0                              # new customers without purchases yet
y = ((counts[:, :5].sum(1) - counts[:, 5:10].sum(1)) > 0).astype('float32')
print(f'profiles {counts.shape}, rows with no purchases: {(counts.sum(1) == 0).sum()}')
class L2Normalize(keras.layers.Layer):
    def call(self, x): return x / ops.sqrt(ops.sum(ops.square(x), axis=-1, keepdims=True))
model = keras.Sequential([keras.Input((d,)), L2Normalize(), keras.layers.Dense(64, activation='relu'), keras.layers.Dense(1)])
model.compile(optimizer='adam', loss=keras.losses.BinaryCrossentropy(from_logits=True), metrics=[keras.metrics.BinaryAccuracy(threshold=0.0, name='accuracy')])
model.fit(counts[:5000], y[:5000], validation_data=(counts[5000:], y[5000:]), epochs=a.epochs, batch_size=64, verbose=a.verbose)
