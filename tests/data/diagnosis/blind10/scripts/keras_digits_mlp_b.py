# keras fit: hidden biases initialised to -10 ("to make the layer sparse"), inputs standardised -> every ReLU is dead
import numpy as np, keras
from sklearn.datasets import load_digits
X, y = load_digits(return_X_y=True); X = (X - X.mean(0)) / (X.std(0) + 1e-6)
keras.utils.set_random_seed(0)
m = keras.Sequential([keras.Input((64,)),
    keras.layers.Dense(128, activation='relu', bias_initializer=keras.initializers.Constant(-10.0)),
    keras.layers.Dense(128, activation='relu', bias_initializer=keras.initializers.Constant(-10.0)),
    keras.layers.Dense(10, activation='softmax')])
m.compile(optimizer=keras.optimizers.Adam(1e-3), loss='sparse_categorical_crossentropy', metrics=['accuracy'])
m.fit(X, y, epochs=15, batch_size=32, validation_split=0.2, verbose=2)
