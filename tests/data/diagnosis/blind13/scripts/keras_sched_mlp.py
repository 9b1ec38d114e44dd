import os; os.environ.setdefault('KERAS_BACKEND', 'torch')
import numpy as np, keras
from sklearn.datasets import make_regression
from sklearn.preprocessing import StandardScaler
from sklearn.model_selection import train_test_split
keras.utils.set_random_seed(0)
X, y = make_regression(n_samples=2000, n_features=30, n_informative=10, noise=5.0, random_state=0); X = StandardScaler().fit_transform(X); y = (y - y.mean()) / y.std()
Xtr, Xva, ytr, yva = train_test_split(X, y, test_size=0.2, random_state=0)
model = keras.Sequential([keras.Input((30,)), keras.layers.Dense(64, activation='relu'), keras.layers.Dense(64, activation='relu'), keras.layers.Dense(1)])
model.compile(optimizer=keras.optimizers.SGD(0.02, momentum=0.9), loss='mse', metrics=['mae'])
def schedule(epoch, lr):
    return lr * 1.35 if epoch > 0 else lr      # step-up schedule
model.fit(Xtr, ytr, validation_data=(Xva, yva), epochs=13, batch_size=64, verbose=2, callbacks=[keras.callbacks.LearningRateScheduler(schedule)])
