#!/usr/bin/env bash
#SBATCH --job-name=jug
#SBATCH --output=jug-%A_%a.out
#SBATCH --cpus-per-task=1
#SBATCH --time=04:00:00
#
# One jug worker per task of a SLURM job array. Every array task runs `jug execute` on the same jugfile and the same
# store; they share the work through the store alone, so the array may have any size, tasks may start late or die,
# and a second array may join later. Submit from the directory that the jugfile's relative paths refer to:
#
#   sbatch --array=1-16 scripts/cluster/jug-slurm.sh analysis/Jugfile.java
#   sbatch --array=1-100%20 --time=1:00:00 scripts/cluster/jug-slurm.sh analysis/Jugfile.java --keep-going -- in.csv
#   JUGDIR=redis://head-node/ sbatch --array=1-64 scripts/cluster/jug-slurm.sh analysis/Jugfile.java
#
# Arguments: the jugfile (default: $JUGFILE, else Jugfile.java), then anything else for `jug execute`: its options
# and, after --, the jugfile's arguments. sbatch options on the command line override the #SBATCH lines above.
#
# Environment (sbatch hands the submitting shell's environment to the job):
#   JUG      the jug command: default `jug` on the PATH; else e.g. /opt/jug/scripts/jug, or "java -Xmx8g -jar jug.jar"
#   JUGDIR   the store, given to jug as --jugdir: a directory every node sees, or redis://host/ (default: jug's own,
#            the jugfile's path without .java plus .jugdata)
#   JUG_MAX_TASKS, JUG_MAX_HOURS, JUG_MAX_MINUTES, JUG_MAX_SECONDS: a worker past the limit stops after its current
#            task, exit 0. Set JUG_MAX_MINUTES a task's length below --time, so that workers stop between tasks
#            rather than being killed in one.
#   A file __jug_please_stop_running.txt in the working directory (or the path in JUG_EXIT_IF_FILE_EXISTS) stops
#   every worker the same way.
#
# Stopping: `scancel` and the time limit send SIGTERM; `exec` below makes jug itself the job's process, so it gets
# the signal and gives its tasks back at once. A worker that dies without a signal (a lost node, an out-of-memory
# kill) holds its task until its lock goes a lease time (30 s, --lease-time) without renewal; then another worker
# runs it. See docs/cluster.md.
#
# Several threads per array task: --cpus-per-task=4 and pass --jobs 4. To act once everything is finished, submit
# scripts/cluster/jug-sleep-until.sh with --dependency=afterany:<this job's id>.
set -euo pipefail

if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then
  jugfile=$1
  shift
else
  jugfile=${JUGFILE:-Jugfile.java}
fi
read -r -a jug <<< "${JUG:-jug}"
if ! command -v "${jug[0]}" > /dev/null; then
  echo "jug-slurm: no command '${jug[0]}'; put jug on the PATH, or set JUG to a jug checkout's scripts/jug or to" \
    "\"java -jar /path/to/jug.jar\"" >&2
  exit 2
fi
# jug tells workers' machines apart by $HOSTNAME. A job that inherits the submitting shell's environment may carry
# the login node's name, and then live workers on other nodes would look dead to each other: use this node's.
export HOSTNAME
HOSTNAME=$(uname -n)
args=(execute "$jugfile")
if [ -n "${JUGDIR:-}" ]; then
  args+=(--jugdir "$JUGDIR")
fi
echo "jug-slurm: array task ${SLURM_ARRAY_TASK_ID:-none} of job ${SLURM_ARRAY_JOB_ID:-${SLURM_JOB_ID:-none}} on" \
  "$HOSTNAME in $PWD: ${jug[*]} ${args[*]} $*" >&2
exec "${jug[@]}" "${args[@]}" "$@"
