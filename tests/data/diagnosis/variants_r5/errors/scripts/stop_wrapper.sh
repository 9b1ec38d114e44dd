#!/bin/bash
# stop_wrapper.sh SECONDS NOTICE_LINE SIGNAL|none -- command...: runs the command, prints the notice line (what
# the scheduler or cloud writes into the job's log) after SECONDS, then sends SIGNAL to it (none: sends nothing,
# the run goes on: a notice that came to nothing). Exits with the command's status.
secs=$1; notice=$2; sig=$3; shift 4
"$@" &
pid=$!
sleep "$secs"
echo "$notice" >&2
if [ "$sig" != none ]; then kill -s "$sig" "$pid"; fi
wait "$pid"
exit $?
