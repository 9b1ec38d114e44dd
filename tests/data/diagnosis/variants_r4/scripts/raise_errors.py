"""Triggers real exceptions from torch, numpy, scikit-learn, keras, xgboost and transformers, one at a time, and
prints each as Python's traceback prints its last line (`module.Type: message`), one JSON object per line with
the family it belongs to (what the situation is, decided when the trigger was written, before any scoring).
Run from /work/fw-i13/venv: `KERAS_BACKEND=torch python raise_errors.py > ../exceptions.jsonl`."""

import json
import os
import sys
import traceback

os.environ.setdefault("KERAS_BACKEND", "torch")
CASES = []


def case(family, lib):
    def wrap(fn):
        CASES.append((family, lib, fn))
        return fn

    return wrap


# --- shape_mismatch -------------------------------------------------------------------------------------------
@case("shape_mismatch", "torch")
def t_ce_batch():
    import torch
    import torch.nn.functional as F

    F.cross_entropy(torch.randn(4, 5), torch.randint(0, 5, (3,)))


@case("shape_mismatch", "torch")
def t_cat():
    import torch

    torch.cat([torch.zeros(2, 3), torch.zeros(2, 4)])


@case("shape_mismatch", "torch")
def t_view():
    import torch

    torch.zeros(2, 3).view(5, 7)


@case("shape_mismatch", "torch")
def t_conv_channels():
    import torch

    torch.nn.Conv2d(3, 8, 3)(torch.zeros(1, 4, 8, 8))


@case("shape_mismatch", "torch")
def t_bce_size():
    import torch
    import torch.nn.functional as F

    F.binary_cross_entropy(torch.rand(4, 1), torch.rand(4))


@case("shape_mismatch", "torch")
def t_stack():
    import torch

    torch.stack([torch.zeros(2, 3), torch.zeros(2, 4)])


@case("shape_mismatch", "torch")
def t_linear_in():
    import torch

    torch.nn.Linear(10, 2)(torch.zeros(4, 12))


@case("shape_mismatch", "torch")
def t_lstm_input():
    import torch

    torch.nn.LSTM(8, 16, batch_first=True)(torch.zeros(2, 5, 7))


@case("shape_mismatch", "torch")
def t_load_state():
    import torch

    torch.nn.Linear(4, 2).load_state_dict(torch.nn.Linear(4, 3).state_dict())


@case("shape_mismatch", "numpy")
def n_dot():
    import numpy as np

    np.dot(np.zeros((2, 3)), np.zeros((4, 5)))


@case("shape_mismatch", "numpy")
def n_broadcast():
    import numpy as np

    np.zeros((2, 3)) + np.zeros(4)


@case("shape_mismatch", "numpy")
def n_reshape():
    import numpy as np

    np.zeros(6).reshape(4)


@case("shape_mismatch", "numpy")
def n_concat():
    import numpy as np

    np.concatenate([np.zeros((2, 3)), np.zeros((2, 4))])


@case("shape_mismatch", "numpy")
def n_matmul():
    import numpy as np

    np.zeros((2, 3)) @ np.zeros((4, 5))


@case("shape_mismatch", "sklearn")
def s_samples():
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    LogisticRegression().fit(np.zeros((10, 2)), np.zeros(9))


@case("shape_mismatch", "sklearn")
def s_features():
    import numpy as np
    from sklearn.linear_model import LinearRegression

    LinearRegression().fit(np.random.rand(10, 4), np.random.rand(10)).predict(np.zeros((2, 3)))


@case("shape_mismatch", "keras")
def k_target_shape():
    import keras
    import numpy as np

    m = keras.Sequential([keras.Input((4,)), keras.layers.Dense(3, activation="softmax")])
    m.compile("adam", "categorical_crossentropy")
    m.fit(np.zeros((8, 4)), np.zeros((8,)), verbose=0)


@case("shape_mismatch", "keras")
def k_input_shape():
    import keras
    import numpy as np

    m = keras.Sequential([keras.Input((4,)), keras.layers.Dense(3)])
    m.predict(np.zeros((2, 5)), verbose=0)


@case("shape_mismatch", "xgboost")
def x_features():
    import numpy as np
    import xgboost as xgb

    b = xgb.train({}, xgb.DMatrix(np.random.rand(10, 4), label=np.random.rand(10)), 2)
    b.predict(xgb.DMatrix(np.zeros((2, 3))))


@case("shape_mismatch", "xgboost")
def x_labels():
    import numpy as np
    import xgboost as xgb

    xgb.train({}, xgb.DMatrix(np.random.rand(10, 4), label=np.random.rand(7)), 2)


@case("shape_mismatch", "transformers")
def h_labels():
    import torch
    from transformers import BertConfig, BertForSequenceClassification

    cfg = BertConfig(vocab_size=50, hidden_size=16, num_hidden_layers=1, num_attention_heads=2, intermediate_size=16)
    BertForSequenceClassification(cfg)(input_ids=torch.zeros(4, 6, dtype=torch.long), labels=torch.zeros(3, dtype=torch.long))


# --- dtype_or_device_mismatch -------------------------------------------------------------------------------------
@case("dtype_or_device_mismatch", "torch")
def t_onehot():
    import torch
    import torch.nn.functional as F

    F.one_hot(torch.zeros(3, dtype=torch.int32), 4)


@case("dtype_or_device_mismatch", "torch")
def t_ce_float_target():
    import torch
    import torch.nn.functional as F

    F.nll_loss(torch.randn(4, 3), torch.zeros(4))


@case("dtype_or_device_mismatch", "torch")
def t_linear_double():
    import torch

    torch.nn.Linear(3, 2)(torch.zeros(2, 3, dtype=torch.float64))


@case("dtype_or_device_mismatch", "torch")
def t_embedding_float():
    import torch

    torch.nn.Embedding(10, 4)(torch.zeros(3))


@case("dtype_or_device_mismatch", "torch")
def t_index_select():
    import torch

    torch.zeros(5).index_select(0, torch.zeros(2))


@case("dtype_or_device_mismatch", "torch")
def t_bitwise():
    import torch

    torch.zeros(2) & torch.zeros(2)


@case("dtype_or_device_mismatch", "torch")
def t_bool_sub():
    import torch

    torch.zeros(2, dtype=torch.bool) - torch.zeros(2, dtype=torch.bool)


@case("dtype_or_device_mismatch", "torch")
def t_meta_device():
    import torch

    torch.nn.Linear(3, 2)(torch.zeros(2, 3, device="meta"))


@case("dtype_or_device_mismatch", "torch")
def t_no_cuda():
    import torch

    torch.zeros(2).to("cuda")


@case("dtype_or_device_mismatch", "torch")
def t_inplace_cast():
    import torch

    x = torch.zeros(3, dtype=torch.long)
    x += torch.rand(3)


@case("dtype_or_device_mismatch", "torch")
def t_bce_long():
    import torch
    import torch.nn.functional as F

    F.binary_cross_entropy_with_logits(torch.randn(4), torch.ones(4, dtype=torch.long))


@case("dtype_or_device_mismatch", "numpy")
def n_bitwise():
    import numpy as np

    np.bitwise_and(np.zeros(2), np.zeros(2))


@case("dtype_or_device_mismatch", "numpy")
def n_cast():
    import numpy as np

    a = np.zeros(3, dtype=np.int64)
    a += np.random.rand(3)


@case("dtype_or_device_mismatch", "sklearn")
def s_continuous():
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    LogisticRegression().fit(np.random.rand(10, 2), np.random.rand(10))


@case("dtype_or_device_mismatch", "xgboost")
def x_object():
    import numpy as np
    import xgboost as xgb

    xgb.DMatrix(np.array([["a", "b"], ["c", "d"]], dtype=object))


@case("dtype_or_device_mismatch", "keras")
def k_string_input():
    import keras
    import numpy as np

    m = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1)])
    m.compile("sgd", "mse")
    m.fit(np.array([["a", "b"]] * 4), np.zeros(4), verbose=0)


# --- missing_file_or_module ---------------------------------------------------------------------------------------
@case("missing_file_or_module", "torch")
def t_load():
    import torch

    torch.load("checkpoints/epoch_3.pt")


@case("missing_file_or_module", "numpy")
def n_load():
    import numpy as np

    np.load("data/train_x.npy")


@case("missing_file_or_module", "keras")
def k_load():
    import keras

    keras.models.load_model("models/best.keras")


@case("missing_file_or_module", "xgboost")
def x_load():
    import xgboost as xgb

    xgb.Booster(model_file="models/xgb.json")


@case("missing_file_or_module", "transformers")
def h_load():
    from transformers import AutoConfig

    AutoConfig.from_pretrained("./checkpoints/bert-finetuned")


@case("missing_file_or_module", "sklearn")
def s_load():
    import joblib

    joblib.load("models/forest.joblib")


def main():
    only = set(sys.argv[1:])
    for family, lib, fn in CASES:
        if only and fn.__name__ not in only:
            continue
        try:
            fn()
        except BaseException as e:  # noqa: BLE001 - any exception is what is recorded
            last = traceback.format_exception_only(type(e), e)
            print(json.dumps({"name": fn.__name__, "lib": lib, "family": family, "text": "".join(last).rstrip()}))
        else:
            print(json.dumps({"name": fn.__name__, "lib": lib, "family": family, "text": None}))
        sys.stdout.flush()


if __name__ == "__main__":
    main()
