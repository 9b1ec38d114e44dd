"""A second set of real exceptions, written after the structural rules (exception_shape.py) and not used to make
them: other functions of the same libraries, and errors that belong to no family (family "none": a structural
rule must leave them alone). Same output as raise_errors.py; run from /work/fw-i13/venv:
`KERAS_BACKEND=torch python raise_errors_b.py > ../exceptions_b.jsonl`."""

import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
import raise_errors as R  # noqa: E402

R.CASES.clear()
case = R.case


@case("shape_mismatch", "torch")
def t_mse_broadcast_matmul():
    import torch

    torch.bmm(torch.zeros(2, 3, 4), torch.zeros(2, 5, 6))


@case("shape_mismatch", "torch")
def t_expand():
    import torch

    torch.zeros(3, 1).expand(4, 2)


@case("shape_mismatch", "torch")
def t_batchnorm():
    import torch

    torch.nn.BatchNorm1d(8)(torch.zeros(4, 6))


@case("shape_mismatch", "torch")
def t_embedding_bag_offsets():
    import torch

    torch.nn.functional.kl_div(torch.zeros(3, 4), torch.zeros(3, 5))


@case("shape_mismatch", "torch")
def t_pack():
    import torch

    torch.nn.utils.rnn.pack_padded_sequence(torch.zeros(3, 5, 2), torch.tensor([5, 4]), batch_first=True)


@case("shape_mismatch", "numpy")
def n_vstack():
    import numpy as np

    np.vstack([np.zeros((2, 3)), np.zeros((2, 5))])


@case("shape_mismatch", "numpy")
def n_setitem():
    import numpy as np

    a = np.zeros((4, 3))
    a[:, 0] = np.zeros(5)


@case("shape_mismatch", "sklearn")
def s_metric():
    from sklearn.metrics import accuracy_score

    accuracy_score([0, 1, 1], [0, 1])


@case("shape_mismatch", "sklearn")
def s_scaler():
    import numpy as np
    from sklearn.preprocessing import StandardScaler

    StandardScaler().fit(np.random.rand(10, 4)).transform(np.zeros((3, 2)))


@case("shape_mismatch", "keras")
def k_conv_input():
    import keras
    import numpy as np

    m = keras.Sequential([keras.Input((8, 8, 3)), keras.layers.Conv2D(4, 3)])
    m.predict(np.zeros((2, 8, 8)), verbose=0)


@case("shape_mismatch", "xgboost")
def x_weights():
    import numpy as np
    import xgboost as xgb

    xgb.DMatrix(np.random.rand(10, 4), label=np.random.rand(10), weight=np.ones(6))


@case("dtype_or_device_mismatch", "torch")
def t_matmul_half_float():
    import torch

    torch.zeros(2, 3, dtype=torch.float16) @ torch.zeros(3, 2)


@case("dtype_or_device_mismatch", "torch")
def t_ce_int_target():
    import torch
    import torch.nn.functional as F

    F.cross_entropy(torch.randn(4, 3), torch.zeros(4, dtype=torch.int32))


@case("dtype_or_device_mismatch", "torch")
def t_conv_double():
    import torch

    torch.nn.Conv1d(2, 2, 3)(torch.zeros(1, 2, 8, dtype=torch.float64))


@case("dtype_or_device_mismatch", "torch")
def t_gather_float_index():
    import torch

    torch.zeros(3, 4).gather(1, torch.zeros(3, 1))


@case("dtype_or_device_mismatch", "torch")
def t_mps():
    import torch

    torch.zeros(2, device="mps")


@case("dtype_or_device_mismatch", "numpy")
def n_astype():
    import numpy as np

    np.array(["1.5", "x"]).astype(np.float32)


@case("dtype_or_device_mismatch", "sklearn")
def s_string_features():
    import numpy as np
    from sklearn.linear_model import LinearRegression

    LinearRegression().fit(np.array([["a", "b"], ["c", "d"]]), np.zeros(2))


@case("dtype_or_device_mismatch", "torch")
def t_tensor_from_strings():
    import torch

    torch.tensor(["a", "b"])


@case("missing_file_or_module", "torch")
def t_hub_dir():
    import torchvision  # noqa: F401 - absent here: the module is what is missing


@case("missing_file_or_module", "transformers")
def h_tokenizer():
    from transformers import AutoTokenizer

    AutoTokenizer.from_pretrained("/data/models/tokenizer_missing")


@case("missing_file_or_module", "xgboost")
def x_load_model():
    import xgboost as xgb

    b = xgb.Booster()
    b.load_model("runs/booster_7.ubj")


@case("none", "python")
def p_none_subscript():
    x = None
    x[0]


@case("none", "python")
def p_unpack():
    a, b = (1, 2, 3)


@case("none", "torch")
def t_backward_twice():
    import torch

    w = torch.ones(2, requires_grad=True)
    y = (w * w).sum()
    y.backward()
    y.backward()


@case("none", "torch")
def t_no_grad_fn():
    import torch

    torch.zeros(2).sum().backward()


@case("none", "torch")
def t_empty_params():
    import torch

    torch.optim.SGD([], lr=0.1)


@case("none", "python")
def p_keyerror():
    {"input_ids": 1}["labels"]


@case("none", "python")
def p_zero_div():
    1 / 0


@case("none", "sklearn")
def s_not_fitted():
    import numpy as np
    from sklearn.linear_model import LinearRegression

    LinearRegression().predict(np.zeros((2, 3)))


@case("none", "torch")
def t_inplace_grad():
    import torch

    w = torch.ones(2, requires_grad=True)
    w += 1


if __name__ == "__main__":
    R.main()
