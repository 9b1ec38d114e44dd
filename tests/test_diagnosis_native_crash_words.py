"""A native crash in its reporters' words: glibc's allocator aborting on a corrupted heap, Open MPI's and UCX's signal
handlers naming a fatal signal with its number, an IDE's `interrupted by signal 6:SIGABRT`. Lines from public issue
threads (URLs beside each); blind12's MXNet/Horovod abort (`corrupted size vs. prev_size` then `Signal: Aborted (6)`)
was read healthy before."""

from __future__ import annotations

import pytest

from tests.conftest import HEALTHY_CURVE, diagnose, reported, top_category

CRASHES = {
    # https://github.com/ultralytics/yolov3/issues/911
    "glibc_corrupted_size": "corrupted size vs. prev_size\n",
    # https://github.com/apache/mxnet/issues/19024 (blind12)
    "openmpi_signal_aborted": "[1,1]<stderr>:corrupted size vs. prev_size\n"
    "[1,1]<stderr>:[ip-100-64-13-241:09515] *** Process received signal ***\n"
    "[1,1]<stderr>:[ip-100-64-13-241:09515] Signal: Aborted (6)\n"
    "[1,1]<stderr>:[ip-100-64-13-241:09515] Signal code:  (-6)\n",
    # https://github.com/openucx/ucx/issues/1542
    "ucx_caught_signal_11": "17:53:48 [hpc-test-node2:6294 :2] Caught signal 11 (Segmentation fault: address not "
    "mapped "
    "to object at address (nil))\n",
    # https://github.com/ayh2bxa/realtime_nkf_aec/issues/3
    "ide_interrupted_sigabrt": "corrupted size vs. prev_size\n\nProcess finished with exit code 134 (interrupted by "
    "signal 6:SIGABRT)\n",
}


@pytest.mark.anyio
@pytest.mark.parametrize("name", list(CRASHES))
async def test_a_native_crash_reads_as_one_in_its_reporters_words(workspace, mode, name):
    out = await diagnose(workspace, mode, log_text=HEALTHY_CURVE + CRASHES[name])
    assert top_category(out) == "process_crash", out["summary"]


@pytest.mark.anyio
@pytest.mark.parametrize(
    "line",
    [
        "Caught signal 2 (Interrupt), saving checkpoint and exiting",
        "Process finished with exit code 130 (interrupted by signal 2:SIGINT)",
        "malloc_trim released 12 MiB back to the OS",
    ],
)
async def test_a_signal_that_is_no_crash_or_an_allocator_word_stays_quiet(workspace, mode, line):
    out = await diagnose(workspace, mode, log_text=HEALTHY_CURVE + line + "\n", exit_code=0)
    assert "process_crash" not in reported(out), out["summary"]
