# Sum-of-signal regression over 300-step sequences with a ReLU SimpleRNN, plain SGD, no clipping (keras 3, torch backend).
import numpy as np, keras
keras.utils.set_random_seed(0)
T, N = 300, 2048
x = np.random.randn(N, T, 1).astype("float32")
y = x[:, -50:, 0].sum(1, keepdims=True).astype("float32")
m = keras.Sequential([keras.Input((T, 1)), keras.layers.SimpleRNN(64, activation="relu",
    recurrent_initializer=keras.initializers.Orthogonal(gain=1.05)), keras.layers.Dense(1)])
m.compile(optimizer=keras.optimizers.SGD(learning_rate=0.001, momentum=0.9), loss="mse")
class Every(keras.callbacks.Callback):
    def on_train_batch_end(self, b, logs=None):
        print(f"  batch {b}: loss={logs['loss']:.6g}", flush=True)
m.fit(x, y, batch_size=64, epochs=4, validation_split=0.1, verbose=2, callbacks=[Every(), keras.callbacks.TerminateOnNaN()])
