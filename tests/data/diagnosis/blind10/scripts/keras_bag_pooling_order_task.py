# keras fit: event sequences (length 20, 12 event types); label = 1 if a 'login' (1) is followed later by a 'payout' (2)
# OR the sequence has >= 4 payouts. The model averages the event embeddings (GlobalAveragePooling1D), so it sees
# counts but never order.
import numpy as np, keras
rng = np.random.default_rng(0)
def make(n):
    s = rng.integers(0, 12, (n, 20)); y = np.zeros(n, int)
    for i in range(n):
        seq = list(s[i]); cnt = seq.count(2)
        first_login = seq.index(1) if 1 in seq else 99
        y[i] = int(cnt >= 4 or any(t == 2 for t in seq[first_login + 1:]))
    return s, y
X, y = make(12000); print('positives', round(y.mean(), 3))
keras.utils.set_random_seed(0)
m = keras.Sequential([keras.Input((20,), dtype='int32'), keras.layers.Embedding(12, 32), keras.layers.GlobalAveragePooling1D(),
                      keras.layers.Dense(64, activation='relu'), keras.layers.Dense(1, activation='sigmoid')])
m.compile(keras.optimizers.Adam(1e-3), 'binary_crossentropy', metrics=['accuracy'])
m.fit(X, y, epochs=15, batch_size=64, validation_split=0.2, verbose=2)
