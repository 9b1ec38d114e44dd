"""Failure diagnosis: a streaming scan of a run's output for known failure patterns (rules.py, scan.py,
engines.py), the exception that ended it read by its structure (exceptions.py, logs.py), statistics over its metric
series (series.py) judged against the run's chance level (baselines.py, learning.py, metric_checks.py), the
mixed-precision loss scale (loss_scale.py), hyperparameters and settings read from its command, config and log
(hparams.py, advice.py), cause-before-symptom ordering (causal.py), and the playbook's advice (playbook.py).
`diagnose.py` puts them together; the tool `diagnose_failure` is its thin front."""
