# Keras 3 (torch backend): a 2-layer tanh MLP on an XOR-style task (label = sign(x0 * x1), 8 extra noise
# features), weights initialised very small (RandomNormal stddev 0.01), SGD with momentum. From a near-zero
# start the network sits at the saddle (loss ~ln 2) for a while before it breaks symmetry.
import argparse, numpy as np, keras
ap = argparse.ArgumentParser(); ap.add_argument("--epochs", type=int, default=40); ap.add_argument("--lr", type=float, default=0.05)
ap.add_argument("--init-std", type=float, default=0.01); ap.add_argument("--seed", type=int, default=0)
args = ap.parse_args(); keras.utils.set_random_seed(args.seed); rng = np.random.default_rng(args.seed)
X = rng.normal(size=(4000, 10)).astype("float32"); y = (X[:, 0] * X[:, 1] > 0).astype("float32")
init = keras.initializers.RandomNormal(stddev=args.init_std)
model = keras.Sequential([keras.Input((10,)), keras.layers.Dense(32, activation="tanh", kernel_initializer=init),
                          keras.layers.Dense(1, activation="sigmoid", kernel_initializer=init)])
model.compile(optimizer=keras.optimizers.SGD(args.lr, momentum=0.9), loss="binary_crossentropy", metrics=["accuracy"])
model.fit(X, y, validation_split=0.25, epochs=args.epochs, batch_size=64, verbose=2)
