"""A Keras MLP (torch backend) on a synthetic 5-class task (Gaussian blobs in 16 dimensions, well separable) with
an L2 penalty of strength L2 on every kernel. A huge penalty keeps the logits small: the model ranks the right
class first most of the time but its probabilities stay near uniform, so training and validation loss level off
together far above what its accuracy allows. L2=0 is the healthy twin.
SPREAD: the blobs' centres are drawn with this std (1.0: nearly separable; 0.3: a hard task, about 0.6 at best).
Usage: keras_l2.py L2 EPOCHS SEED [SPREAD]"""

import os
import sys

os.environ.setdefault("KERAS_BACKEND", "torch")
import keras
import numpy as np

l2, epochs, seed = float(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
rng = np.random.default_rng(seed)
spread = float(sys.argv[4]) if len(sys.argv) > 4 else 1.0
centers = rng.normal(0, spread, (5, 16))
y = rng.integers(0, 5, 3000)
x = (centers[y] + rng.normal(0, 1.0, (3000, 16))).astype("float32")
keras.utils.set_random_seed(seed)
reg = keras.regularizers.L2(l2) if l2 > 0 else None
model = keras.Sequential(
    [
        keras.Input((16,)),
        keras.layers.Dense(64, activation="relu", kernel_regularizer=reg),
        keras.layers.Dense(5, activation="softmax", kernel_regularizer=reg),
    ]
)
model.compile(keras.optimizers.Adam(0.003), "sparse_categorical_crossentropy", metrics=["accuracy"])
print(f"num_classes=5 n_train=2400 n_val=600 spread={spread} l2={l2} optimizer=Adam lr=0.003 epochs={epochs}", flush=True)
model.fit(x[:2400], y[:2400], validation_data=(x[2400:], y[2400:]), epochs=epochs, batch_size=64, verbose=2)
