#!/bin/bash
# Stand-in for a scheduler preempting the job: start the training command, and after $1 seconds send it SIGTERM
# (what Slurm/Kubernetes send first on preemption), then SIGKILL after a 10 s grace period if it is still there.
delay=$1; shift
"$@" &
pid=$!
sleep "$delay"
kill -TERM "$pid" 2>/dev/null
for i in $(seq 10); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
kill -KILL "$pid" 2>/dev/null
wait "$pid"
