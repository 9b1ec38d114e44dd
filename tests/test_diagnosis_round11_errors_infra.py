"""Round 11 of issue 13 (11a), errors and infrastructure, each read from the structure its cases share: TensorFlow's
`N root error(s) found.` whose causes follow numbered and indented (`  (0) Invalid argument: ...`); shapes written
with unknown dimensions (`[?,10]`, `[None, 28, 28]`) and one-dimension shapes set against each other (`[25088] vs.
[32,28,28]`), while lists of values (indices, ids, ranges, versions) stay no shapes; DataLoader's own timeout, in the
workers' family; a final exception that a crash hint below the threshold no longer silences; TensorFlow's session
recovery naming a preemption in a worker or parameter server. Fixtures are real pasted lines
(tests/data/diagnosis/variants_r11/errors_infra, README there)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import HEALTHY_CURVE, categories, diagnose, jsonl_cases, reported, top_category

VARIANTS = Path(__file__).parent / "data" / "diagnosis" / "variants_r11" / "errors_infra"

CURVE = HEALTHY_CURVE


def _jsonl(name: str) -> list[dict]:
    return jsonl_cases(VARIANTS / name)


@pytest.mark.anyio
@pytest.mark.parametrize(
    "case",
    [
        *_jsonl("tf_root_errors.jsonl"),
        *_jsonl("tf_unknown_dims.jsonl"),
        *_jsonl("tf_session_preemption.jsonl"),
        *_jsonl("loader_timeout.jsonl"),
    ],
    ids=lambda d: d["name"],
)
async def test_a_pasted_error_is_read_by_its_structure_in_any_tensorflow_or_torch_era(workspace, mode, case):
    out = await diagnose(workspace, mode, log_text=case["text"])
    assert top_category(out) == case["expected"], out["summary"]


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("exception", "expected"),
    [
        # JAX / XLA and Keras 3 wordings of the same structure
        ("TypeError: add got incompatible shapes for broadcasting: (3,), (4,).", "shape_mismatch"),
        ("jaxlib.xla_extension.XlaRuntimeError: INVALID_ARGUMENT: Incompatible shapes: [8] vs. [16]", "shape_mismatch"),
        (
            'ValueError: Input 0 of layer "dense" is incompatible with the layer: expected axis -1 of input shape to '
            "have value 784, but received input with shape [None, 28, 28]",
            "shape_mismatch",
        ),
        ("RuntimeError: stft window too short for the clip", "unrecognized_error"),
    ],
)
async def test_an_exception_quoting_shapes_is_a_shape_error_whatever_its_class(workspace, mode, exception, expected):
    text = 'Traceback (most recent call last):\n  File "train.py", line 9, in <module>\n    step()\n' + exception + "\n"
    out = await diagnose(workspace, mode, log_text=text, exit_code=1)
    assert top_category(out) == expected, out["summary"]


@pytest.mark.anyio
@pytest.mark.parametrize(
    "exception",
    [
        # lists that are not shapes: indices, ids, a range, versions
        "RuntimeError: invalid indices [3, 7] and [2, 5] in sparse tensor",
        "ValueError: Expected all ids [1, 2] and [3, 4] to be unique",
        "ValueError: Unsupported Python version (3, 6); requires (3, 8) or newer",
        "RuntimeError: Error in list [1] and [2]",
        "ValueError: learning rate must be in range (0, 1), got 5",
    ],
)
async def test_lists_of_values_are_no_shapes(workspace, mode, exception):
    text = 'Traceback (most recent call last):\n  File "train.py", line 9, in <module>\n    step()\n' + exception + "\n"
    out = await diagnose(workspace, mode, log_text=text, exit_code=1)
    assert "shape_mismatch" not in categories(out), out["summary"]


@pytest.mark.anyio
async def test_an_exception_raised_through_dataloader_frames_is_not_silenced_by_their_hint(workspace, mode):
    """The loader's frames hint at its workers below the threshold; the exception that ended the run still reads as a
    failure of its own (it used to leave a failed run with no finding)."""
    frames = "".join(
        f'  File "/venv/lib/python3.11/site-packages/torch/utils/data/dataloader.py", line {n}, in __next__\n'
        "    data = self._next_data()\n"
        for n in (725, 1505)
    )
    text = "Traceback (most recent call last):\n" + frames + "RuntimeError: stft window too short for the clip\n"
    out = await diagnose(workspace, mode, log_text=text, exit_code=1)
    assert not out["healthy"], out["summary"]
    assert reported(out)[0] == "unrecognized_error", out["summary"]


@pytest.mark.anyio
@pytest.mark.parametrize(
    "line",
    [
        # a loader configured with a timeout, a preemption handler set up, a worker count: nothing happened
        "data: DataLoader(num_workers=4, timeout=120, persistent_workers=True)",
        "Registering preemption handler: a preemption of this job will save a checkpoint first",
        "INFO:tensorflow:Graph was finalized. Running local_init_op. Done running local_init_op.",
        "eval: shapes [32, 10] vs. [32, 10] ok",
    ],
)
async def test_words_of_loaders_preemption_and_shapes_in_a_healthy_run_raise_nothing(workspace, mode, line):
    out = await diagnose(workspace, mode, log_text=line + "\n" + CURVE, exit_code=0)
    assert out["healthy"], out["summary"]
