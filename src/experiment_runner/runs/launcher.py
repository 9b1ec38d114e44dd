"""Kept for processes started before the detached code moved to runs/detached/ (a Slurm job queued, or a launcher
running, across an upgrade starts `python -m experiment_runner.runs.launcher`)."""

from experiment_runner.runs.detached.launcher import main

if __name__ == "__main__":
    raise SystemExit(main())
