"""Failure diagnosis: a streaming scan of a run's output for known failure patterns (rules.py, scan.py,
engines.py), statistics over its metric series (series.py), hyperparameters read from its command, config and
log (hparams.py), and the ranking of findings with their evidence and next steps (findings.py, playbook.py).
`diagnose.py` puts them together; the tool `diagnose_failure` is its thin front."""
