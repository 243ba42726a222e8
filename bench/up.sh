#!/usr/bin/env bash
# The local stack (bin/keliu up) on a fresh data directory: seconds from the command to "Keliu is up" (every service
# healthy), then the memory of the whole stack (PSS of the up process and all its descendants: PostgreSQL, Kafka, the
# services, the simulator) after 60 s of simulator traffic. Target (issue 15): healthy in ≤ 90 s, < 4 GB.
#   bench/up.sh      (from anywhere; uses the jars already built, builds them when missing)
set -euo pipefail
cd "$(dirname "$0")/.."
data=$(mktemp -d -t keliu-up.XXXXXX)
log="$data/up.out"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
start=$(date +%s%N)
bin/keliu up --data-dir "$data/stack" > "$log" 2>&1 &
up=$!
trap 'kill $up 2>/dev/null; wait $up 2>/dev/null; rm -rf "$data"' EXIT
until grep -q "Keliu is up" "$log"; do
  if ! kill -0 $up 2>/dev/null; then cat "$log"; echo "bin/keliu up ended before it was up" >&2; exit 1; fi
  sleep 0.2
done
echo "bin/keliu up → every service healthy: $(( ($(date +%s%N) - start) / 1000000 )) ms"
grep -E "ready|healthy" "$log"
sleep 60
descendants() { local p; for p in $(ps -o pid= --ppid "$1"); do echo "$p"; descendants "$p"; done; }
total=0
for p in $up $(descendants $up); do
  kb=$(awk '/^Pss:/ {print $2}' "/proc/$p/smaps_rollup" 2>/dev/null || echo 0)
  total=$((total + ${kb:-0}))
done
echo "memory of the stack after 60 s of simulator traffic (PSS, shared pages counted once): $((total / 1024)) MB"
