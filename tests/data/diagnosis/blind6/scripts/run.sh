#!/bin/bash
# job script: runs the training in a memory cgroup limited to 1 GB (as a batch scheduler's --mem=1G would)
echo $$ > /sys/fs/cgroup/memory/b6job/cgroup.procs
cd "$(dirname "$0")"
python train_autoencoder.py --batch-size 256 --steps 100
