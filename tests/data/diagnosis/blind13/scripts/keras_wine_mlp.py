import os; os.environ.setdefault('KERAS_BACKEND', 'torch')
import keras
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
keras.utils.set_random_seed(0)
X, y = load_digits(return_X_y=True); X = X / 16.0
Xtr, Xva, ytr, yva = train_test_split(X, y, test_size=0.2, random_state=0)
init = dict(kernel_initializer='zeros', bias_initializer='zeros')   # deterministic start
model = keras.Sequential([keras.Input((64,)), keras.layers.Dense(128, activation='relu', **init), keras.layers.Dense(64, activation='relu', **init),
                          keras.layers.Dense(10, activation='softmax', **init)])
model.compile(keras.optimizers.Adam(1e-3), 'sparse_categorical_crossentropy', metrics=['accuracy'])
model.fit(Xtr, ytr, validation_data=(Xva, yva), epochs=15, batch_size=32, verbose=2)
