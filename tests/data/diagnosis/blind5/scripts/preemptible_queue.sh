#!/bin/bash
# A stand-in for a preemptible (spot) queue's job wrapper: it starts the job, and when the node is reclaimed after
# $1 seconds it says so and sends SIGTERM to the job (30 s grace, then SIGKILL), as spot/preemptible schedulers do.
# usage: preemptible_queue.sh SECONDS cmd...
after=$1; shift
echo "[queue] job 4471 started on node spot-b5-07: $*"
"$@" &
pid=$!
( sleep "$after"; echo "[queue] node spot-b5-07 is being reclaimed (preemption notice): sending SIGTERM to job 4471" >&2; kill -TERM $pid; sleep 30; kill -KILL $pid 2>/dev/null ) &
watcher=$!
wait $pid; rc=$?
kill $watcher 2>/dev/null
echo "[queue] job 4471 ended with exit status $rc" >&2
exit $rc
