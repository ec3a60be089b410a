#!/usr/bin/env bash
#SBATCH --job-name=jug-sleep-until
#SBATCH --output=jug-sleep-until-%j.out
#SBATCH --cpus-per-task=1
#SBATCH --time=04:00:00
#$ -N jug-sleep-until
#$ -S /bin/bash
#$ -cwd
#$ -V
#$ -j y
#$ -l h_rt=04:00:00
#PBS -N jug-sleep-until
#PBS -V
#PBS -j oe
#PBS -l walltime=04:00:00
#
# Waits until every task of a jugfile is finished, past every barrier, and exits 0; exits 1 as soon as a task is
# marked failed, or when no worker has finished or held a task for --idle-timeout seconds (120 by default). One
# script for SLURM, Grid Engine and PBS: each reads only its own header lines above. Submit it to run after the
# workers' array (see jug-slurm.sh, jug-sge.sh, jug-pbs.sh), so that its exit status says whether the whole pipeline
# finished, and chain a final step on it:
#
#   array=$(sbatch --parsable --array=1-16 scripts/cluster/jug-slurm.sh analysis/Jugfile.java)
#   done=$(sbatch --parsable --dependency=afterany:$array scripts/cluster/jug-sleep-until.sh analysis/Jugfile.java)
#   sbatch --dependency=afterok:$done make-figures.sh
#
#   qsub -hold_jid <array id> scripts/cluster/jug-sleep-until.sh analysis/Jugfile.java             (Grid Engine)
#   JUGFILE=analysis/Jugfile.java qsub -W depend=afterany:<array id> scripts/cluster/jug-sleep-until.sh   (PBS Pro)
#
# Submitted without a dependency, it waits alongside the workers; give it --idle-timeout 0 if workers may sit in the
# queue for longer than two minutes. In a script of your own, the final step is simply
#
#   jug sleep-until analysis/Jugfile.java && ./make-figures.sh
#
# Arguments: the jugfile (default: $JUGFILE, else Jugfile.java), then options for `jug sleep-until` and, after --,
# the jugfile's arguments. Environment: JUG (the jug command) and JUGDIR (the store), as for the worker scripts.
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
  echo "jug-sleep-until: no command '${jug[0]}'; put jug on the PATH, or set JUG to a jug checkout's scripts/jug or" \
    "to \"java -jar /path/to/jug.jar\"" >&2
  exit 2
fi
args=(sleep-until "$jugfile")
if [ -n "${JUGDIR:-}" ]; then
  args+=(--jugdir "$JUGDIR")
fi
exec "${jug[@]}" "${args[@]}" "$@"
