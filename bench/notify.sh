#!/usr/bin/env bash
# notify-service benchmark (issue 14): a broker and PostgreSQL each in their own JVM, notify-service in a third and a
# WeCom robot stand-in in the benchmark's JVM. 10,000 alerts in one minute through grouping (every one must end in a
# SENT notification), then the latency from an alert on keliu.alerts.v1 to the provider's accept outside grouping
# windows, beside the broker's own round trip. Prints markdown tables for docs/benchmarks.md.
#   bench/notify.sh [--alerts N] [--latency-alerts N]
set -euo pipefail
cd "$(dirname "$0")/.."
source bin/lib/java.sh
keliu_find_jdk
[ "${KELIU_BENCH_NO_BUILD:-}" = 1 ] || ./mvnw -B -q -DskipTests package -pl notify-service,bench,local-stack -am

data=$(mktemp -d -t keliu-bench.XXXXXX)
mkdir -p bench/out
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$data"
}
trap cleanup EXIT

wait_for() {  # wait_for "what" file-with-output pattern
  for _ in $(seq 1 240); do
    grep -q "$3" "$2" 2>/dev/null && return 0
    sleep 0.5
  done
  echo "$1 did not start; see $2" >&2
  exit 1
}

bin/keliu broker --port 29192 --controller-port 29193 --data-dir "$data/kafka" > bench/out/notify-broker.log 2>&1 &
pids+=($!)
bin/keliu postgres --port 25532 --data-dir "$data/postgres" > bench/out/notify-postgres.log 2>&1 &
pids+=($!)
wait_for Kafka bench/out/notify-broker.log "Kafka is up"
wait_for PostgreSQL bench/out/notify-postgres.log "PostgreSQL is up"

"$JAVA_HOME/bin/java" -Xmx512m --sun-misc-unsafe-memory-access=allow \
  -Dloader.main=io.keliu.bench.NotifyBenchmark \
  -cp bench/target/keliu-bench.jar org.springframework.boot.loader.launch.PropertiesLauncher \
  --bootstrap localhost:29192 --jdbc jdbc:postgresql://localhost:25532/postgres --out bench/out "$@"
