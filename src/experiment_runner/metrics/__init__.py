"""Metrics as a subject: the one vocabulary of metric names (vocabulary.py) and the readers of the metric files
training frameworks write (files.py)."""
