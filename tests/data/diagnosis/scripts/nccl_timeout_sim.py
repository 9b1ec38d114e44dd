"""SIMULATED: an NCCL collective timeout (no GPUs here). Prints the lines ProcessGroupNCCL's watchdog writes
(torch/csrc/distributed/c10d/ProcessGroupNCCL.cpp) and ends the way the real one does: std::terminate on the
DistBackendError, i.e. SIGABRT."""

import os
import sys

for step in (100, 200, 300):
    print(f"[rank0]: step {step} loss {3.2 - step / 500:.4f} lr 0.0003", flush=True)
sys.stderr.write(
    "[rank0]:[E1206 18:44:12.715298746 ProcessGroupNCCL.cpp:607] [Rank 0] Watchdog caught collective operation timeout: "
    "WorkNCCL(SeqNum=7753, OpType=ALLREDUCE, NumelIn=544997376, NumelOut=544997376, Timeout(ms)=600000) ran for 600061 "
    "milliseconds before timing out.\n"
    "[rank0]:[E1206 18:44:12.715588844 ProcessGroupNCCL.cpp:1664] [PG 1 Rank 0] Exception (either an error or timeout) "
    "detected by watchdog at work: 7753, last enqueued NCCL work: 7755, last completed NCCL work: 7752.\n"
    "terminate called after throwing an instance of 'c10::DistBackendError'\n"
    "  what():  [PG 1 Rank 0] Process group watchdog thread terminated with exception: [Rank 0] Watchdog caught collective "
    "operation timeout: WorkNCCL(SeqNum=7753, OpType=ALLREDUCE, NumelIn=544997376, NumelOut=544997376, Timeout(ms)=600000) "
    "ran for 600061 milliseconds before timing out.\n"
)
sys.stderr.flush()
os.abort()
