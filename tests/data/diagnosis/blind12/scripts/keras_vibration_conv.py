import numpy as np, keras
rng = np.random.default_rng(1)
def make(n):
    t = np.linspace(0, 1, 128)
    y = rng.integers(0, 3, n)
    f = np.array([5, 7, 9])[y] + rng.normal(0, 1.5, n)
    x = np.sin(2 * np.pi * f[:, None] * t[None]) + rng.normal(0, 1.2, (n, 128))
    return x[..., None].astype('float32'), y
Xtr, ytr = make(90); Xva, yva = make(600)
print('train windows', Xtr.shape, 'valid windows', Xva.shape)
keras.utils.set_random_seed(0)
model = keras.Sequential([keras.Input((128, 1)), keras.layers.Conv1D(64, 7, activation='relu'), keras.layers.Conv1D(64, 7, activation='relu'),
                          keras.layers.Flatten(), keras.layers.Dense(256, activation='relu'), keras.layers.Dense(3, activation='softmax')])
model.compile(optimizer=keras.optimizers.Adam(1e-3), loss='sparse_categorical_crossentropy', metrics=['accuracy'])
model.fit(Xtr, ytr, validation_data=(Xva, yva), epochs=30, batch_size=16, verbose=2)
