"""Runs: the store on disk, the per-run supervisor, backends (local, Slurm), metric parsing, telemetry and
health signals."""
