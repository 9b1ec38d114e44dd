# Keras 3 (torch backend) MLP on synthetic 8x8 "digits" (10 classes, prototypes + noise), model.fit with a
# validation split. Options: --freeze-all (the feature layers are meant to be frozen for fine-tuning, but
# model.trainable = False is set on the whole model before compile); --ckpt PATH (ModelCheckpoint every epoch);
# --l2 (kernel regulariser on every Dense layer); --epochs; --lr.
import argparse, os, numpy as np, keras
ap = argparse.ArgumentParser(); ap.add_argument("--epochs", type=int, default=8); ap.add_argument("--lr", type=float, default=1e-3)
ap.add_argument("--freeze-all", action="store_true"); ap.add_argument("--ckpt", default=None); ap.add_argument("--l2", type=float, default=0.0)
ap.add_argument("--width", type=int, default=256)
args = ap.parse_args(); keras.utils.set_random_seed(0)
rng = np.random.default_rng(0)
protos = rng.normal(size=(10, 64)).astype("float32")
def make(n):
    y = rng.integers(0, 10, n); x = protos[y] + rng.normal(0, 1.2, (n, 64)).astype("float32"); return x, y
x, y = make(6000)
reg = keras.regularizers.l2(args.l2) if args.l2 else None
model = keras.Sequential([keras.Input((64,)), keras.layers.Dense(args.width, activation="relu", kernel_regularizer=reg),
                          keras.layers.Dense(args.width, activation="relu", kernel_regularizer=reg), keras.layers.Dense(10, activation="softmax", kernel_regularizer=reg)])
if args.freeze_all: model.trainable = False
model.compile(optimizer=keras.optimizers.Adam(args.lr), loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.summary()
cbs = [keras.callbacks.ModelCheckpoint(os.path.join(args.ckpt, "epoch{epoch:02d}.keras"))] if args.ckpt else []
model.fit(x, y, validation_split=0.2, epochs=args.epochs, batch_size=64, callbacks=cbs, verbose=2)
xt, yt = make(2000); print("test:", dict(zip(model.metrics_names, model.evaluate(xt, yt, verbose=0))))
