"""SIMULATED: a Slurm time limit (no scheduler here). Training lines, then the line slurmstepd writes when the
job's wall time runs out, then the SIGTERM Slurm sends to the job step."""

import os
import signal
import sys

for epoch in range(1, 6):
    print(f"Epoch {epoch}: train_loss={1.9 - epoch * 0.2:.3f} val_loss={2.0 - epoch * 0.18:.3f}", flush=True)
sys.stderr.write("slurmstepd: error: *** JOB 494583 ON node17 CANCELLED AT 2024-04-20T09:09:37 DUE TO TIME LIMIT ***\n")
sys.stderr.flush()
os.kill(os.getpid(), signal.SIGTERM)
