#!/usr/bin/env bash
# forecast-service benchmark (issue 12): a broker and PostgreSQL each in their own JVM, the service in a third.
# A year of traffic by day and province over buckets of 10M order lines, the live stream's latency with 200 clients,
# a refresh of 1,000 forecast series; each beside a reference measured in the same run.
# Prints a markdown table for docs/benchmarks.md.
#   bench/forecast-service.sh [--clients N] [--events N] [--series N]
set -euo pipefail
cd "$(dirname "$0")/.."
source bin/lib/java.sh
keliu_find_jdk
[ "${KELIU_BENCH_NO_BUILD:-}" = 1 ] || ./mvnw -B -q -DskipTests package -pl bench,forecast-service,local-stack -am

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

bin/keliu broker --port 29472 --controller-port 29473 --data-dir "$data/kafka" > bench/out/forecast-broker.log 2>&1 &
pids+=($!)
bin/keliu postgres --port 25872 --data-dir "$data/postgres" > bench/out/forecast-postgres.log 2>&1 &
pids+=($!)
wait_for Kafka bench/out/forecast-broker.log "Kafka is up"
wait_for PostgreSQL bench/out/forecast-postgres.log "PostgreSQL is up"

"$JAVA_HOME/bin/java" -Xmx1g --sun-misc-unsafe-memory-access=allow \
  -Dloader.main=io.keliu.bench.ForecastServiceBenchmark \
  -cp bench/target/keliu-bench.jar org.springframework.boot.loader.launch.PropertiesLauncher \
  --bootstrap localhost:29472 --jdbc jdbc:postgresql://localhost:25872/postgres --out bench/out "$@"
