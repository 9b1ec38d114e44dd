import os; os.environ.setdefault('KERAS_BACKEND', 'torch')
import keras
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
keras.utils.set_random_seed(0)
X, y = load_digits(return_X_y=True); X = X / 16.0
Xtr, Xte, ytr, yte = train_test_split(X, y, test_size=0.2, random_state=0)
model = keras.Sequential([keras.Input((64,)), keras.layers.Dense(128, activation='relu'), keras.layers.Dense(10, activation='softmax')])
model.compile('adam', 'sparse_categorical_crossentropy', metrics=['accuracy'])
os.makedirs('ckpt', exist_ok=True)
cb = keras.callbacks.ModelCheckpoint('ckpt/digits_{epoch:02d}_{val_loss:.3f}.keras', monitor='val_loss', save_best_only=True)
model.fit(Xtr, ytr, validation_split=0.15, epochs=6, batch_size=32, verbose=1, callbacks=[cb])
best = keras.models.load_model('ckpt/digits_best.keras')
print('test', best.evaluate(Xte, yte, verbose=0))
