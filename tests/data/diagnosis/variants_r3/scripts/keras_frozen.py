# Keras (torch backend) binary classifier whose huge learning rate saturates the sigmoid: loss and accuracy freeze
import os, sys; os.environ["KERAS_BACKEND"] = "torch"
import numpy as np, keras
opt_name, lr, seed = sys.argv[1], float(sys.argv[2]), int(sys.argv[3])
keras.utils.set_random_seed(seed)
rng = np.random.default_rng(seed)
x = rng.normal(size=(6000, 30)).astype("float32") * 20; y = (x[:, :3].sum(1) + rng.normal(size=6000) * 5 > 12).astype("float32")
m = keras.Sequential([keras.Input((30,)), keras.layers.Dense(64, activation="relu"), keras.layers.Dense(1, activation="sigmoid")])
m.compile(optimizer=keras.optimizers.get({"class_name": opt_name, "config": {"learning_rate": lr}}), loss="binary_crossentropy", metrics=["accuracy"])
m.fit(x, y, epochs=int(sys.argv[4]) if len(sys.argv) > 4 else 6, batch_size=64, verbose=2, validation_split=0.2)
