import os; os.environ.setdefault('KERAS_BACKEND', 'torch')
import keras
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
keras.utils.set_random_seed(0)
X, y = load_digits(return_X_y=True); X = (X / 16.0).reshape(-1, 8, 8, 1)
Xtr, Xva, ytr, yva = train_test_split(X, y, test_size=0.2, random_state=0)
model = keras.Sequential([keras.Input((8, 8, 1)), keras.layers.Conv2D(64, 3, padding='same', activation='relu'), keras.layers.Conv2D(64, 3, padding='same', activation='relu'),
                          keras.layers.Flatten(), keras.layers.Dense(128, activation='relu'), keras.layers.Dense(10, activation='softmax')])
model.compile('adam', 'sparse_categorical_crossentropy', metrics=['accuracy'])
model.fit(Xtr, ytr, validation_data=(Xva, yva), epochs=100, batch_size=32, verbose=2)
model.save('digits_cnn.keras')
