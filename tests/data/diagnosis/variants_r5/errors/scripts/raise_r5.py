"""Real exceptions for round 5's error families (missing file/module in other libraries' wordings, storage write
failures), and errors of no family that must stay out of them. Each trigger runs in this process; the whole
traceback Python prints is kept (the families read frames' source lines too), one JSON object per line:
{"name", "lib", "family", "text"}. The family is what the situation is, decided when the trigger was written.
Run from /work/fw-i13/venv, one at a time, CPU only:
`KERAS_BACKEND=torch HF_HUB_OFFLINE=1 PYTHONWARNINGS=ignore python raise_r5.py > ../exceptions.jsonl`."""

import json
import os
import sys
import tempfile
import traceback

os.environ.setdefault("KERAS_BACKEND", "torch")
CASES = []
TMP = tempfile.mkdtemp(prefix="r5_")


def case(family, lib):
    def wrap(fn):
        CASES.append((family, lib, fn))
        return fn

    return wrap


def _trainer(**kw):
    import torch
    from transformers import Trainer, TrainingArguments

    class Net(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.lin = torch.nn.Linear(4, 2)

        def forward(self, x, labels=None):
            out = self.lin(x)
            return {"loss": torch.nn.functional.cross_entropy(out, labels), "logits": out}

    class DS(torch.utils.data.Dataset):
        def __len__(self):
            return 8

        def __getitem__(self, i):
            return {"x": torch.randn(4), "labels": torch.tensor(i % 2)}

    args = TrainingArguments(output_dir=os.path.join(TMP, "out"), use_cpu=True, **kw)
    return Trainer(model=Net(), args=args, train_dataset=DS())


# --- missing_file_or_module ------------------------------------------------------------------------------------
@case("missing_file_or_module", "transformers")
def hf_report_wandb():
    _trainer(report_to="wandb")


@case("missing_file_or_module", "transformers")
def hf_report_mlflow():
    _trainer(report_to="mlflow")


@case("missing_file_or_module", "transformers")
def hf_requires_backends_av():
    from transformers.utils import requires_backends

    requires_backends("VideoReader", ["av"])


@case("missing_file_or_module", "transformers")
def hf_resume_missing_dir():
    _trainer().train(resume_from_checkpoint=os.path.join(TMP, "no-such-checkpoint"))


@case("missing_file_or_module", "transformers")
def hf_from_pretrained_empty_dir():
    from transformers import AutoModel

    empty = os.path.join(TMP, "empty_model")
    os.makedirs(empty, exist_ok=True)
    AutoModel.from_pretrained(empty)


@case("missing_file_or_module", "transformers")
def hf_tokenizer_empty_dir():
    from transformers import AutoTokenizer

    empty = os.path.join(TMP, "empty_tok")
    os.makedirs(empty, exist_ok=True)
    AutoTokenizer.from_pretrained(empty)


@case("missing_file_or_module", "lightning")
def lit_fit_missing_ckpt():
    import lightning as L
    import torch

    class M(L.LightningModule):
        def __init__(self):
            super().__init__()
            self.lin = torch.nn.Linear(4, 1)

        def training_step(self, batch, i):
            return self.lin(batch[0]).mean()

        def configure_optimizers(self):
            return torch.optim.SGD(self.parameters(), lr=0.1)

    dl = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(torch.randn(8, 4)), batch_size=4)
    L.Trainer(max_epochs=1, logger=False, enable_progress_bar=False, enable_checkpointing=False).fit(
        M(), dl, ckpt_path=os.path.join(TMP, "missing.ckpt")
    )


@case("missing_file_or_module", "lightning")
def lit_tensorboard_logger():
    from lightning.pytorch.loggers import TensorBoardLogger

    TensorBoardLogger(TMP).experiment


@case("missing_file_or_module", "keras")
def k_load_model_missing():
    import keras

    keras.models.load_model(os.path.join(TMP, "model.keras"))


@case("missing_file_or_module", "keras")
def k_load_weights_missing():
    import keras

    m = keras.Sequential([keras.Input((4,)), keras.layers.Dense(2)])
    m.load_weights(os.path.join(TMP, "w.weights.h5"))


@case("missing_file_or_module", "xgboost")
def x_load_model_missing():
    import xgboost as xgb

    xgb.Booster(model_file=os.path.join(TMP, "model.json"))


@case("missing_file_or_module", "lightgbm")
def lgb_load_model_missing():
    import lightgbm as lgb

    lgb.Booster(model_file=os.path.join(TMP, "model.txt"))


@case("missing_file_or_module", "torch")
def t_load_missing():
    import torch

    torch.load(os.path.join(TMP, "ckpt.pt"))


@case("missing_file_or_module", "python")
def py_assert_isfile():
    path = os.path.join(TMP, "data", "train.csv")
    assert os.path.isfile(path)


@case("missing_file_or_module", "python")
def py_assert_pathlib_exists():
    from pathlib import Path

    root = Path(TMP) / "images"
    assert root.exists(), root


@case("missing_file_or_module", "python")
def py_assert_isdir_message():
    root = os.path.join(TMP, "coco")
    assert os.path.isdir(root), f"{root} is not a directory"


# --- disk_full (a write to storage that failed) -----------------------------------------------------------------
@case("disk_full", "torch")
def t_save_dev_full():
    import torch

    torch.save(torch.zeros(1000), "/dev/full")


@case("disk_full", "torch")
def t_save_legacy_dev_full():
    import torch

    torch.save(torch.zeros(1000), "/dev/full", _use_new_zipfile_serialization=False)


@case("disk_full", "numpy")
def np_save_dev_full():
    import numpy as np

    np.save("/dev/full", np.zeros(100000))


@case("disk_full", "python")
def py_pickle_dev_full():
    import pickle

    with open("/dev/full", "wb") as f:
        pickle.dump(list(range(100000)), f)


@case("disk_full", "keras")
def k_save_dev_full():
    import keras

    m = keras.Sequential([keras.Input((4,)), keras.layers.Dense(2)])
    os.symlink("/dev/full", os.path.join(TMP, "full.weights.h5"))
    m.save_weights(os.path.join(TMP, "full.weights.h5"))


# --- no family: must stay out of the two above ----------------------------------------------------------------
@case("none", "transformers")
def hf_requires_matching_strategies():
    _trainer(load_best_model_at_end=True, eval_strategy="steps", save_strategy="epoch")


@case("none", "python")
def py_assert_shapes():
    import torch

    a, b = torch.zeros(3), torch.zeros(4)
    assert a.shape == b.shape


@case("none", "python")
def py_assert_loss_finite():
    loss = float("nan")
    assert loss == loss, "loss is nan"


@case("none", "python")
def py_read_dev_full_eof():
    import pickle

    with open(os.path.join(TMP, "empty.pkl"), "wb"):
        pass
    with open(os.path.join(TMP, "empty.pkl"), "rb") as f:
        pickle.load(f)


@case("none", "python")
def py_broken_pipe():
    r, w = os.pipe()
    os.close(r)
    os.write(w, b"x")


@case("none", "torch")
def t_save_to_closed_file():
    import io

    import torch

    buf = io.BytesIO()
    buf.close()
    torch.save(torch.zeros(3), buf)


def main():
    for family, lib, fn in CASES:
        try:
            fn()
        except BaseException:
            text = traceback.format_exc().replace(TMP, "/tmp/r5")
        else:
            text = None
        print(json.dumps({"name": fn.__name__, "lib": lib, "family": family, "text": text}), flush=True)


if __name__ == "__main__":
    sys.exit(main())
