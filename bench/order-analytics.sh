#!/usr/bin/env bash
# order-analytics-service benchmark (issue 13): a broker and PostgreSQL each in their own JVM, the service in a third.
# The projection alone over change events already on the topic, a year's report by day and channel over rollups of
# 10M order lines, basket rules over 1M orders, a PDF report; each beside a reference measured in the same run.
# Prints a markdown table for docs/benchmarks.md. Its ports (31492, 31493, 31532, 31084) differ from bench/ingest.sh's.
#   bench/order-analytics.sh [--events N] [--orders N]
set -euo pipefail
cd "$(dirname "$0")/.."
source bin/lib/java.sh
keliu_find_jdk
[ "${KELIU_BENCH_NO_BUILD:-}" = 1 ] || ./mvnw -B -q -DskipTests package -pl bench,order-analytics-service,local-stack -am

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

bin/keliu broker --port 31492 --controller-port 31493 --data-dir "$data/kafka" > bench/out/broker.log 2>&1 &
pids+=($!)
bin/keliu postgres --port 31532 --data-dir "$data/postgres" > bench/out/postgres.log 2>&1 &
pids+=($!)
wait_for Kafka bench/out/broker.log "Kafka is up"
wait_for PostgreSQL bench/out/postgres.log "PostgreSQL is up"

"$JAVA_HOME/bin/java" -Xmx1g --sun-misc-unsafe-memory-access=allow \
  -Dloader.main=io.keliu.bench.OrderAnalyticsBenchmark \
  -cp bench/target/keliu-bench.jar org.springframework.boot.loader.launch.PropertiesLauncher \
  --bootstrap localhost:31492 --jdbc jdbc:postgresql://localhost:31532/postgres --out bench/out "$@"
