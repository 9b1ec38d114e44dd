"""experiment-runner: run ML experiments the way a careful researcher would.

The package import stays light (stdlib only): `from experiment_runner import log` is the metrics helper a
training script calls, and it must not pull in the server, torch or pydantic.
"""

from experiment_runner.probe.metrics_log import log

__all__ = ["log"]
__version__ = "0.1.0"
