#!/bin/bash
# Run a command inside the memory cgroup $1 (cgroup v1), as a container or a batch job's memory limit would.
cg=$1; shift
echo $$ > /sys/fs/cgroup/memory/$cg/cgroup.procs
exec "$@"
