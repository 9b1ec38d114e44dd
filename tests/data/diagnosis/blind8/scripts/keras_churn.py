"""Keras 3 (torch backend) churn classifier on a synthetic customer table written to churn.csv."""
import argparse, os
import numpy as np
import keras
from keras import layers

p = argparse.ArgumentParser()
p.add_argument('--rows', type=int, default=8000)
p.add_argument('--epochs', type=int, default=20)
p.add_argument('--hidden', type=int, default=64)
p.add_argument('--dropout', type=float, default=0.0)
p.add_argument('--lr', type=float, default=1e-3)
p.add_argument('--label-noise', type=float, default=0.1)
p.add_argument('--early-stop', type=int, default=0, help='patience, 0 = off')
p.add_argument('--schedule', default='const', choices=['const', 'restarts'])
p.add_argument('--batch-size', type=int, default=64)
p.add_argument('--seed', type=int, default=0)
p.add_argument('--drop-constant', type=int, default=1)
p.add_argument('--signal', type=float, default=1.0, help='scale of the churn logit (how predictable churn is)')
a = p.parse_args()
keras.utils.set_random_seed(a.seed)
rng = np.random.default_rng(a.seed)
n = a.rows
cols = ['tenure', 'monthly_fee', 'support_calls', 'age', 'num_products', 'discount', 'region_code', 'country_id']
tenure = rng.gamma(2, 12, n); fee = rng.normal(60, 20, n); calls = rng.poisson(2, n); age = rng.normal(45, 12, n)
prods = rng.integers(1, 5, n); disc = rng.uniform(0, 0.3, n); region = rng.integers(0, 8, n)
country = np.full(n, 44.0)  # every customer of this export is from one country
logit = -0.06 * tenure + 0.03 * (fee - 60) + 0.5 * (calls - 2) - 0.4 * (prods - 2) - 4 * disc + 0.3 * np.sin(region)
y = (rng.uniform(size=n) < 1 / (1 + np.exp(-a.signal * logit))).astype('float32')
flip = rng.uniform(size=n) < a.label_noise
y[flip] = 1 - y[flip]
X = np.stack([tenure, fee, calls, age, prods, disc, region, country], 1).astype('float32')
print(f"loaded {n} customers, {X.shape[1]} columns {cols}, churn rate {y.mean():.3f}")
# standardise every column with the training statistics
ntr = int(0.8 * n)
mu, sd = X[:ntr].mean(0), X[:ntr].std(0)
print('column std:', np.array2string(sd, precision=3))
if a.drop_constant:
    keep = sd > 0
    print('dropped constant columns:', [c for c, k in zip(cols, keep) if not k])
    X, mu, sd = X[:, keep], mu[keep], sd[keep]
X = (X - mu) / sd
Xtr, ytr, Xva, yva = X[:ntr], y[:ntr], X[ntr:], y[ntr:]
print(f"train {len(Xtr)} rows, validation {len(Xva)} rows")
if a.schedule == 'restarts':
    lr = keras.optimizers.schedules.CosineDecayRestarts(a.lr, first_decay_steps=3 * (len(Xtr) // a.batch_size), t_mul=1.0, m_mul=0.8)
else:
    lr = a.lr
model = keras.Sequential([keras.Input((X.shape[1],)), layers.Dense(a.hidden, activation='relu'), layers.Dropout(a.dropout),
                          layers.Dense(a.hidden, activation='relu'), layers.Dropout(a.dropout), layers.Dense(1)])
model.compile(optimizer=keras.optimizers.Adam(lr), loss=keras.losses.BinaryCrossentropy(from_logits=True),
              metrics=[keras.metrics.BinaryAccuracy(threshold=0.0, name='accuracy')])
cb = []
if a.early_stop:
    cb.append(keras.callbacks.EarlyStopping(monitor='val_loss', patience=a.early_stop, restore_best_weights=True, verbose=1))
h = model.fit(Xtr, ytr, validation_data=(Xva, yva), epochs=a.epochs, batch_size=a.batch_size, verbose=2, callbacks=cb)
print('final val_loss %.4f val_accuracy %.4f' % tuple(model.evaluate(Xva, yva, verbose=0)))
model.save('churn_model.keras')
print('saved churn_model.keras')
