import numpy as np, keras
rng = np.random.default_rng(4)
n = 5000
X = rng.normal(size=(n, 12)).astype('float32')
price = 200 + 60 * X[:, 0] + 40 * X[:, 1] * X[:, 2] + 30 * X[:, 3] + rng.normal(0, 25, n)
print('price min %.1f max %.1f, rows with price <= 0: %d' % (price.min(), price.max(), (price <= 0).sum()))
y = np.log(price).astype('float32')   # model log-price
keras.utils.set_random_seed(0)
model = keras.Sequential([keras.Input((12,)), keras.layers.Dense(64, activation='relu'), keras.layers.Dense(64, activation='relu'), keras.layers.Dense(1)])
model.compile(optimizer='adam', loss='mse', metrics=['mae'])
model.fit(X[:4000], y[:4000], validation_data=(X[4000:], y[4000:]), epochs=6, batch_size=32, verbose=1)
