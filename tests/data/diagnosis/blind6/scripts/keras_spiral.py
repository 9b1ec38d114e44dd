# Keras 3 (torch backend) classifier on a noisy 3-arm spiral (2 input features) with model.fit and its own logger.
# --model linear|mlp; --freeze marks the layers below the head as not trainable (as for fine-tuning);
# --loss builtin|handwritten (a hand-written binary cross-entropy on a sigmoid output, 2 arms only);
# --augment-then-split makes --copies jittered copies of every point and then takes validation_split from the result;
# --warmup epochs of linear learning-rate warm-up to --lr, then cosine decay.
import argparse, math, os
os.environ.setdefault("KERAS_BACKEND", "torch")
import numpy as np, keras

p = argparse.ArgumentParser()
p.add_argument("--model", default="mlp")
p.add_argument("--hidden", type=int, default=64)
p.add_argument("--epochs", type=int, default=20)
p.add_argument("--lr", type=float, default=1e-2)
p.add_argument("--n", type=int, default=3000)
p.add_argument("--noise", type=float, default=0.1, help="label noise share")
p.add_argument("--freeze", action="store_true")
p.add_argument("--loss", default="builtin")
p.add_argument("--augment-then-split", action="store_true")
p.add_argument("--copies", type=int, default=5)
p.add_argument("--warmup", type=int, default=0)
p.add_argument("--batch-size", type=int, default=32)
a = p.parse_args()
keras.utils.set_random_seed(5)
rng = np.random.default_rng(5)
K = 2 if a.loss == "handwritten" else 3
def spiral(n):
    y = rng.integers(0, K, n)
    r = rng.uniform(0.1, 1.0, n)
    t = 3.5 * r + y * 2 * math.pi / K + rng.normal(0, 0.12, n)
    x = np.stack([r * np.cos(t), r * np.sin(t)], 1).astype("float32")
    flip = rng.random(n) < a.noise
    y = np.where(flip, rng.integers(0, K, n), y)
    return x, y
x, y = spiral(a.n)
xt, yt = spiral(1000)
if a.augment_then_split:
    x = np.concatenate([x + rng.normal(0, 0.01, x.shape).astype("float32") for _ in range(a.copies)])
    y = np.tile(y, a.copies)
    perm = rng.permutation(len(x)); x, y = x[perm], y[perm]
    print(f"augmented training pool: {len(x)} samples ({a.copies} jittered copies each), validation_split=0.2")
print(f"data: {len(x)} samples, {K} classes, label noise {a.noise}; model={a.model}")

inp = keras.Input((2,))
h = inp
if a.model == "mlp":
    for _ in range(3):
        h = keras.layers.Dense(a.hidden, activation="relu")(h)
if a.loss == "handwritten":
    out = keras.layers.Dense(1, activation="sigmoid")(h)
else:
    out = keras.layers.Dense(K, activation="softmax")(h)
model = keras.Model(inp, out)
if a.freeze:
    for layer in model.layers[:-1]:
        layer.trainable = False
    model.trainable = False  # freeze the backbone before fine-tuning the head
def handwritten_bce(y_true, y_pred):
    y_true = keras.ops.cast(keras.ops.reshape(y_true, (-1, 1)), "float32")
    return -keras.ops.mean(y_true * keras.ops.log(y_pred) + (1 - y_true) * keras.ops.log(1 - y_pred))
sched = a.lr
if a.warmup:
    steps = math.ceil(len(x) * 0.8 / a.batch_size) * a.epochs
    sched = keras.optimizers.schedules.CosineDecay(0.0, steps, warmup_target=a.lr,
                                                   warmup_steps=math.ceil(len(x) * 0.8 / a.batch_size) * a.warmup)
model.compile(optimizer=keras.optimizers.Adam(sched),
              loss=handwritten_bce if a.loss == "handwritten" else "sparse_categorical_crossentropy",
              metrics=["accuracy"])
model.summary()
model.fit(x, y, epochs=a.epochs, batch_size=a.batch_size, validation_split=0.2, verbose=2)
loss, acc = model.evaluate(xt, yt, verbose=0)
print(f"held-out test set (1000 fresh samples): loss {loss:.4f} accuracy {acc:.4f}")
