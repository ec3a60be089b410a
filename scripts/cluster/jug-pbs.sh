#!/usr/bin/env bash
#PBS -N jug
#PBS -V
#PBS -j oe
#PBS -l walltime=04:00:00
#
# One jug worker per subjob of a PBS array job (Torque, PBS Pro, OpenPBS). Every subjob runs `jug execute` on the
# same jugfile and the same store; they share the work through the store alone, so the array may have any size,
# subjobs may start late or die, and a second array may join later. Submit from the directory that the jugfile's
# relative paths refer to (the job changes to it, $PBS_O_WORKDIR, before it starts jug):
#
#   qsub -t 1-16 -F "analysis/Jugfile.java --keep-going" scripts/cluster/jug-pbs.sh      (Torque)
#   JUGFILE=analysis/Jugfile.java qsub -J 1-16 scripts/cluster/jug-pbs.sh                 (PBS Pro, OpenPBS)
#   JUGFILE=analysis/Jugfile.java JUGDIR=redis://head-node/ qsub -J 1-64 -l walltime=1:00:00 scripts/cluster/jug-pbs.sh
#
# Arguments (Torque passes them with -F): the jugfile (default: $JUGFILE, else Jugfile.java), then anything else for
# `jug execute`: its options and, after --, the jugfile's arguments. Where qsub passes no arguments, give the
# jugfile in JUGFILE and execute's options in a .jugrc in the working directory ([execute] keep-going = true).
# qsub options on the command line override the #PBS lines above; for one CPU per subjob add `-l nodes=1:ppn=1`
# (Torque) or `-l select=1:ncpus=1` (PBS Pro), the default on most sites.
#
# Environment (-V hands the submitting shell's environment to the job):
#   JUG      the jug command: default `jug` on the PATH; else e.g. /opt/jug/scripts/jug, or "java -Xmx8g -jar jug.jar"
#   JUGFILE  the jugfile, when no argument names it
#   JUGDIR   the store, given to jug as --jugdir: a directory every node sees, or redis://host/ (default: jug's own,
#            the jugfile's path without .java plus .jugdata)
#   JUG_MAX_TASKS, JUG_MAX_HOURS, JUG_MAX_MINUTES, JUG_MAX_SECONDS: a worker past the limit stops after its current
#            task, exit 0. Set JUG_MAX_MINUTES a task's length below the walltime, so that workers stop between
#            tasks rather than being killed in one.
#   A file __jug_please_stop_running.txt in the working directory (or the path in JUG_EXIT_IF_FILE_EXISTS) stops
#   every worker the same way.
#
# Stopping: qdel and the walltime send SIGTERM (SIGKILL follows after kill_delay); `exec` below makes jug itself the
# job's process, so it gets the signal and gives its tasks back at once. A worker that dies without a signal (a lost
# node, an out-of-memory kill) holds its task until its lock goes a lease time (30 s, --lease-time) without renewal;
# then another worker runs it. See docs/cluster.md.
#
# Several threads per subjob: ppn=4 / ncpus=4 and --jobs 4. To act once everything is finished, submit
# scripts/cluster/jug-sleep-until.sh with -W depend=afteranyarray:<id> (Torque) or -W depend=afterany:<id> (PBS
# Pro), <id> being the array's id as qsub printed it (with its []).
set -euo pipefail

cd "${PBS_O_WORKDIR:-.}"
if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then
  jugfile=$1
  shift
else
  jugfile=${JUGFILE:-Jugfile.java}
fi
read -r -a jug <<< "${JUG:-jug}"
if ! command -v "${jug[0]}" > /dev/null; then
  echo "jug-pbs: no command '${jug[0]}'; put jug on the PATH, or set JUG to a jug checkout's scripts/jug or to" \
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
echo "jug-pbs: subjob ${PBS_ARRAYID:-${PBS_ARRAY_INDEX:-none}} of job ${PBS_JOBID:-none} on $HOSTNAME in $PWD:" \
  "${jug[*]} ${args[*]} $*" >&2
exec "${jug[@]}" "${args[@]}" "$@"
