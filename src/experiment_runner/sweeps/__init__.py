"""Hyperparameter sweeps: a search space over a command's arguments, each configuration an arm with its seeds.
Grid and random sweeps are launched at once through runs/prepare -> runs/submit; a TPE sweep is driven by a detached
process (runs/detached/sweep_driver.py) that asks Optuna for configurations and prunes bad ones as their metrics
come in. Layout of one sweep, `<store>/<experiment>/sweeps/<sweep>/`:

  sweep.json     SweepSpec, written once at launch
  trials.json    every trial so far (its configuration, arm, runs and verdict); written at launch for grid/random,
                 replaced atomically by the driver for TPE
  journal.jsonl  Optuna's journal (the study), appended by the driver only; a restarted driver resumes from it
  driver.json    the driver process (pid + start ticks), and how it ended
  driver.log     the driver's own messages
  stop.json      a stop request (stop_run on the experiment): the driver asks for nothing more and stops its runs
"""
