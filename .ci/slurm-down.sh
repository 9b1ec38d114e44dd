#!/usr/bin/env bash
# Stop what .ci/slurm-up.sh started: cancel jobs first, then each daemon by its recorded pid.
set -u
dir=${SLURM_CI_DIR:-/tmp/er-slurm}
export SLURM_CONF="$dir/slurm.conf"
[ -f "$dir/slurm.conf" ] && scancel --full --user="$(id -un)" >/dev/null 2>&1
[ -f "$dir/pids" ] || exit 0
tac "$dir/pids" | while read -r name pid; do
  [ -n "${pid:-}" ] || continue
  kill "$pid" 2>/dev/null && for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
  echo "stopped $name ($pid)"
done
rm -f "$dir/pids"
