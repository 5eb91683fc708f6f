#!/bin/bash
# vanthu over a Slurm job array: task N reads the paths in lists/part-N.txt
# (one a line) and writes their records under records/.  Submit it from the
# directory that holds lists/:  sbatch --array=0-99 slurm-array.sh
# A task killed and requeued starts again where it stopped: the records it
# wrote are current and skipped, and the temporary file it left is removed.
# Each task keeps its own job log beside Slurm's output file: appends from
# several hosts to one file on NFS can overwrite each other.
#SBATCH --job-name=vanthu
#SBATCH --array=0-99
#SBATCH --cpus-per-task=2
#SBATCH --requeue
exec vanthu run -j "${SLURM_CPUS_PER_TASK:-1}" -o records -T "lists/part-$SLURM_ARRAY_TASK_ID.txt" \
    --log "vanthu-job-${SLURM_ARRAY_JOB_ID}_$SLURM_ARRAY_TASK_ID.jsonl"
