# keras fit: 1-D CNN over accelerometer windows stored as (n, 128) -- the channel axis was never added
import numpy as np, keras
rng = np.random.default_rng(0)
X = rng.standard_normal((2000, 128)).astype('float32'); y = rng.integers(0, 4, 2000)
print('X', X.shape, 'y', y.shape)
m = keras.Sequential([keras.layers.Conv1D(32, 5, activation='relu'), keras.layers.MaxPooling1D(2),
                      keras.layers.Conv1D(64, 5, activation='relu'), keras.layers.GlobalAveragePooling1D(),
                      keras.layers.Dense(4, activation='softmax')])
m.compile('adam', 'sparse_categorical_crossentropy', metrics=['accuracy'])
m.fit(X, y, epochs=5, batch_size=64, validation_split=0.2, verbose=2)
