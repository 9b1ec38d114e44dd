import numpy as np, keras
from sklearn.datasets import make_classification
from sklearn.model_selection import train_test_split
X, y = make_classification(n_samples=3000, n_features=20, n_informative=8, weights=[0.7, 0.3], random_state=3)
X = (X - X.mean(0)) / X.std(0)
Xtr, Xva, ytr, yva = train_test_split(X, y, test_size=0.2, random_state=0)
print('train', Xtr.shape, 'positives', int(ytr.sum()), 'valid', Xva.shape)
keras.utils.set_random_seed(0)
model = keras.Sequential([keras.Input((20,)), keras.layers.Dense(64, activation='relu'),
                          keras.layers.Dense(32, activation='relu'), keras.layers.Dense(1, activation='sigmoid')])
model.compile(optimizer=keras.optimizers.Adam(1e-3), loss='categorical_crossentropy', metrics=['accuracy'])
model.fit(Xtr, ytr.astype('float32').reshape(-1, 1), validation_data=(Xva, yva.astype('float32').reshape(-1, 1)),
          epochs=12, batch_size=64, verbose=2)
print('valid accuracy', model.evaluate(Xva, yva.reshape(-1, 1), verbose=0)[1])
