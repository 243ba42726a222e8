#!/usr/bin/env bash
# The local stack (bin/keliu up), three starts on fresh data directories, one after the other:
#   1. reference: every service from its jar as built (--no-startup-cache);
#   2. the first start after a build: from the jars, then the start-up caches trained in the background (the script
#      waits for them before it stops this start);
#   3. every later start: from the caches.
# Each is timed from the command to "Keliu is up" (every service healthy). After the third, 60 s of simulator traffic,
# then the memory of the whole stack (PSS of the up process and all its descendants: PostgreSQL, Kafka, the services,
# the simulator). Target (issue 15): healthy in ≤ 90 s with the jars built, < 4 GB.
#   bench/up.sh      (from anywhere; uses the jars already built, builds them when missing)
set -euo pipefail
cd "$(dirname "$0")/.."
data=$(mktemp -d -t keliu-up.XXXXXX)
up=
trap '[ -n "$up" ] && kill $up 2>/dev/null; wait 2>/dev/null; rm -rf "$data"' EXIT

descendants() { local p; for p in $(ps -o pid= --ppid "$1"); do echo "$p"; descendants "$p"; done; }

# start NAME [up options…]: starts bin/keliu up, waits for "Keliu is up", prints the time and the start-up lines
start() {
  local name=$1; shift
  local log="$data/$name.out"
  echo "== $name (load average before: $(cut -d' ' -f1-3 /proc/loadavg))"
  local begin; begin=$(date +%s%N)
  bin/keliu up --data-dir "$data/$name" "$@" > "$log" 2>&1 &
  up=$!
  until grep -q "Keliu is up" "$log"; do
    if ! kill -0 $up 2>/dev/null; then cat "$log"; echo "bin/keliu up ended before it was up" >&2; exit 1; fi
    sleep 0.2
  done
  echo "bin/keliu up → every service healthy: $(( ($(date +%s%N) - begin) / 1000000 )) ms"
  grep -E "ready|healthy|start-up cache" "$log"
}

# await_caches: waits until the start running says its background training of the start-up caches is over
await_caches() {
  local log="$data/$1.out"
  until grep -q "Start-up caches:" "$log"; do sleep 1; done
  grep -E "start-up cache|Start-up caches" "$log"
}

stop() {
  kill $up; wait $up || true; up=
  # a JVM out of memory ignores SIGTERM and keeps its port; the next start must not find it
  pkill -9 -f -- "--data-dir $data" || true
  sleep 2
}

start reference --no-startup-cache
stop
rm -rf ./*/target/startup-cache
start first-after-build
await_caches first-after-build
stop
start later
sleep 60
total=0
for p in $up $(descendants $up); do
  kb=$(awk '/^Pss:/ {print $2}' "/proc/$p/smaps_rollup" 2>/dev/null || echo 0)
  total=$((total + ${kb:-0}))
done
echo "memory of the stack after 60 s of simulator traffic (PSS, shared pages counted once): $((total / 1024)) MB"
