#!/usr/bin/env bash
#$ -N jug
#$ -S /bin/bash
#$ -cwd
#$ -V
#$ -j y
#$ -o jug.$JOB_ID.$TASK_ID.out
#$ -l h_rt=04:00:00
#
# One jug worker per task of a Grid Engine (SGE, Son of Grid Engine, Altair/Univa GE) array job. Every array task
# runs `jug execute` on the same jugfile and the same store; they share the work through the store alone, so the
# array may have any size, tasks may start late or die, and a second array may join later. Submit from the directory
# that the jugfile's relative paths refer to (-cwd runs the job there):
#
#   qsub -t 1-16 scripts/cluster/jug-sge.sh analysis/Jugfile.java
#   qsub -t 1-100 -tc 20 -l h_rt=1:00:00 scripts/cluster/jug-sge.sh analysis/Jugfile.java --keep-going -- in.csv
#   JUGDIR=redis://head-node/ qsub -t 1-64 scripts/cluster/jug-sge.sh analysis/Jugfile.java
#
# Arguments: the jugfile (default: $JUGFILE, else Jugfile.java), then anything else for `jug execute`: its options
# and, after --, the jugfile's arguments. qsub options on the command line override the #$ lines above.
#
# Environment (-V hands the submitting shell's environment to the job):
#   JUG      the jug command: default `jug` on the PATH; else e.g. /opt/jug/scripts/jug, or "java -Xmx8g -jar jug.jar"
#   JUGDIR   the store, given to jug as --jugdir: a directory every node sees, or redis://host/ (default: jug's own,
#            the jugfile's path without .java plus .jugdata)
#   JUG_MAX_TASKS, JUG_MAX_HOURS, JUG_MAX_MINUTES, JUG_MAX_SECONDS: a worker past the limit stops after its current
#            task, exit 0. Set JUG_MAX_MINUTES a task's length below h_rt: Grid Engine ends a job at h_rt with SIGKILL.
#   A file __jug_please_stop_running.txt in the working directory (or the path in JUG_EXIT_IF_FILE_EXISTS) stops
#   every worker the same way.
#
# Stopping: qdel sends SIGKILL unless the queue's terminate_method says SIGTERM; a worker killed that way holds its
# task until its lock goes a lease time (30 s, --lease-time) without renewal, and then another worker runs it. With
# SIGTERM, `exec` below makes jug itself the job's process, so it gets the signal and gives its tasks back at once.
# Do not use -notify or s_rt: their warnings, SIGUSR2 and SIGUSR1, kill a JVM on the spot (SIGUSR2 is HotSpot's own
# signal; it crashed JDK 17 when we tried), so they only make things worse. See docs/cluster.md.
#
# Several threads per array task: a parallel environment (-pe smp 4) and --jobs 4. To act once everything is
# finished, submit scripts/cluster/jug-sleep-until.sh with -hold_jid <this job's id>.
set -euo pipefail

if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then
  jugfile=$1
  shift
else
  jugfile=${JUGFILE:-Jugfile.java}
fi
read -r -a jug <<< "${JUG:-jug}"
if ! command -v "${jug[0]}" > /dev/null; then
  echo "jug-sge: no command '${jug[0]}'; put jug on the PATH, or set JUG to a jug checkout's scripts/jug or to" \
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
echo "jug-sge: array task ${SGE_TASK_ID:-none} of job ${JOB_ID:-none} on $HOSTNAME in $PWD:" \
  "${jug[*]} ${args[*]} $*" >&2
exec "${jug[@]}" "${args[@]}" "$@"
