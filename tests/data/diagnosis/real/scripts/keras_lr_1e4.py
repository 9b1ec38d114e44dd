"""Keras 3 (torch backend), an MLP on 10 classes with SGD at --lr 1e4: within the first epoch the loss jumps far
above ln 10 = 2.30, then stays frozen at one finite value (the ReLUs died) with the accuracy stuck well below what
the task allows."""

import argparse

import keras
from _kdata import templates

ap = argparse.ArgumentParser()
ap.add_argument("--lr", type=float, default=1e-2)
ap.add_argument("--epochs", type=int, default=6)
args = ap.parse_args()
keras.utils.set_random_seed(0)
x, y = templates(4000, seed=0)
xt, yt = templates(1000, seed=1)
model = keras.Sequential(
    [keras.Input((64,)), keras.layers.Dense(128, activation="relu"), keras.layers.Dense(10, activation="softmax")]
)
model.compile(
    optimizer=keras.optimizers.SGD(learning_rate=args.lr), loss="sparse_categorical_crossentropy", metrics=["accuracy"]
)
model.fit(x, y, epochs=args.epochs, batch_size=64, verbose=2)
loss, acc = model.evaluate(xt, yt, verbose=0)
print(f"Test loss: {loss:.4f}  Test accuracy: {acc:.4f}")
