"""What runs in the processes a launch leaves behind it, never in the server: the local launcher (starts a launch's
runs as slots free), the per-run supervisor (owns the child through its attempts), the manifest capture it does just
before the command starts, and the notifier (runs the user's hook when a run or a launch ends). Each reads the
typed launch plan (runs/plan.py) and the run records (runs/records.py); none imports the tools or the server."""
