"""Sanity checks on the user's model (the seed's Phase 1): the probe runs in a child process with the user's
interpreter (runner), its events become progress and a SanityRecord (service), recorded with the experiment (store).
Other parts read results through `experiment_runner.sanity.store` (latest, latest_passed, history)."""
