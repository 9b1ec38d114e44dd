#!/usr/bin/env bash
# Start a one-node Slurm cluster on 127.0.0.1 for the tests (munged, slurmctld, slurmd), from a generated
# slurm.conf. Writes the daemons' pids to $SLURM_CI_DIR/pids; .ci/slurm-down.sh stops exactly those.
# Usage: SLURM_CI_DIR=/tmp/er-slurm .ci/slurm-up.sh   (needs root and Debian's slurmctld slurmd slurm-client munge)
set -euo pipefail
dir=${SLURM_CI_DIR:-/tmp/er-slurm}
mkdir -p "$dir"/{state,spool,log}
host=$(hostname -s)
cpus=$(nproc)
mem=$(( $(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 - 1024 ))

cat > "$dir/slurm.conf" <<CONF
ClusterName=er-ci
SlurmctldHost=${host}(127.0.0.1)
SlurmUser=root
SlurmctldPort=6817
SlurmdPort=6818
AuthType=auth/munge
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
SchedulerType=sched/backfill
# Finished jobs stay visible to scontrol for an hour (there is no accounting database here).
MinJobAge=3600
KillWait=5
InactiveLimit=0
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MpiDefault=none
NodeName=${host} NodeAddr=127.0.0.1 CPUs=${cpus} RealMemory=${mem} State=UNKNOWN
PartitionName=debug Nodes=${host} Default=YES MaxTime=INFINITE State=UP
CONF

# munge: a key, /run/munge, and the daemon as the munge user
mkdir -p /run/munge /etc/munge
chown munge:munge /run/munge /etc/munge 2>/dev/null || true
if [ ! -s /etc/munge/munge.key ]; then
  dd if=/dev/urandom bs=1 count=1024 of=/etc/munge/munge.key status=none
  chown munge:munge /etc/munge/munge.key; chmod 400 /etc/munge/munge.key
fi
: > "$dir/pids"
if ! pgrep -x munged >/dev/null; then
  su -s /bin/sh munge -c "munged --pid-file=/run/munge/munged.pid" 2>/dev/null || runuser -u munge -- munged --pid-file=/run/munge/munged.pid
  for _ in $(seq 50); do [ -s /run/munge/munged.pid ] && break; sleep 0.1; done
  echo "munged $(cat /run/munge/munged.pid)" >> "$dir/pids"
fi

export SLURM_CONF="$dir/slurm.conf"
slurmctld -f "$SLURM_CONF"
slurmd -f "$SLURM_CONF"
for _ in $(seq 100); do [ -s "$dir/slurmctld.pid" ] && [ -s "$dir/slurmd.pid" ] && break; sleep 0.1; done
echo "slurmctld $(cat "$dir/slurmctld.pid")" >> "$dir/pids"
echo "slurmd $(cat "$dir/slurmd.pid")" >> "$dir/pids"

# Wait until the node takes jobs.
for i in $(seq 120); do
  if sinfo -h -o "%t" 2>/dev/null | grep -qE "^(idle|mix|alloc)"; then
    echo "slurm up after ${i}x0.5 s: $(sinfo -h -o '%P %t %c CPUs')"; exit 0
  fi
  scontrol update nodename="$host" state=resume >/dev/null 2>&1 || true
  sleep 0.5
done
echo "slurm did not become ready; logs:" >&2
tail -n 30 "$dir"/log/*.log >&2
exit 1
