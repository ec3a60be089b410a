# shellcheck shell=bash
# Shared by the scripts/bench-* drivers, which source it once they have set $root (the checkout). Not a command.

jug="${root:?set root, the checkout, before sourcing bench-lib.sh}/scripts/jug"

now() { date +%s%N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
machine() { echo "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores"; }

# wall_ms COMMAND...: milliseconds of one run of COMMAND (a function will do), its output discarded; a failed run
# ends the benchmark
wall_ms() {
  local t0 t1
  t0=$(now)
  "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }
  t1=$(now)
  echo $(( (t1 - t0) / 1000000 ))
}

# two_workers DIR ARGUMENTS...: two `jug ARGUMENTS...` processes side by side in DIR, their output discarded
two_workers() {
  local dir=$1
  shift
  (cd "$dir" && { "$jug" "$@" >/dev/null 2>&1 & "$jug" "$@" >/dev/null 2>&1 & wait; })
}

# workspace NAME [BASE]: builds jug (and its class-data archive) if needed, then makes $work, a fresh directory in
# BASE (default: $TMPDIR, else /tmp) that goes on exit, along with the Redis server of start_redis; jugfiles are
# compiled into $work/cache.
workspace() {
  "$jug" --version >/dev/null
  work=$(mktemp -d "${2:-${TMPDIR:-/tmp}}/$1.XXXXXX")
  redis_pid=""
  trap '[ -n "$redis_pid" ] && kill "$redis_pid" 2>/dev/null; rm -rf "$work"' EXIT
  export JUG_CACHE_DIR="$work/cache"
}

# start_redis: a private redis-server (no persistence, data in $work/redis) on a free 127.0.0.1 port; sets $port and
# $redis_pid.
start_redis() {
  mkdir -p "$work/redis"
  for _ in 1 2 3 4 5; do
    port=$(( 20000 + RANDOM % 40000 ))
    redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --daemonize no --dir "$work/redis" \
      >"$work/redis/log" 2>&1 &
    redis_pid=$!
    for _ in $(seq 100); do redis-cli -p "$port" ping >/dev/null 2>&1 && break; sleep 0.02; done
    redis-cli -p "$port" ping >/dev/null 2>&1 && return 0
    kill "$redis_pid" 2>/dev/null || true; redis_pid=""
  done
  echo "could not start redis-server: $(cat "$work/redis/log")" >&2
  exit 1
}
