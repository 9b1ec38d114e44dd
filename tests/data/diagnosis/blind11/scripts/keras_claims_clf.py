import os, argparse, numpy as np
os.environ.setdefault('KERAS_BACKEND', 'torch')
import keras
from sklearn.datasets import make_classification
from sklearn.preprocessing import StandardScaler
p = argparse.ArgumentParser(); p.add_argument('--epochs', type=int, default=12); p.add_argument('--rows', type=int, default=60000)
p.add_argument('--verbose', type=int, default=1); p.add_argument('--ckpt', default='')
a = p.parse_args(); keras.utils.set_random_seed(0)
X, y = make_classification(a.rows, 30, n_informative=8, n_redundant=4, weights=[0.95, 0.05], flip_y=0.01, class_sep=0.8, random_state=5)
X = StandardScaler().fit_transform(X).astype('float32'); y = y.astype('float32')
k = int(0.8 * len(X))
print(f'claims: {len(X)} rows, fraud rate {y.mean():.4f}; train {k} / validation {len(X) - k}')
model = keras.Sequential([keras.Input((30,)), keras.layers.Dense(64, activation='relu'), keras.layers.Dense(32, activation='relu'), keras.layers.Dense(1, activation='sigmoid')])
model.compile(optimizer=keras.optimizers.Adam(3e-4), loss='binary_crossentropy', metrics=['accuracy', keras.metrics.AUC(name='auc'), keras.metrics.Recall(name='recall')])
cbs = [keras.callbacks.ModelCheckpoint(a.ckpt)] if a.ckpt else []
model.fit(X[:k], y[:k], validation_data=(X[k:], y[k:]), epochs=a.epochs, batch_size=256, verbose=a.verbose, callbacks=cbs)
